import type { Document, Element } from '@xmldom/xmldom';
import { all, type QName } from '../render/dom.js';
import type { OpcPackage } from '../render/opc-package.js';

/**
 * How deeply a template part's elements may nest. Real parts nest a few dozen levels (groups in
 * groups); the steps that read them walk the tree recursively, so a deeper part is refused here.
 */
const MAX_DEPTH = 512;

/** The deepest element of a document, counted without recursion. */
function depth(document: Document): number {
  let deepest = 0;
  const stack: [Element, number][] = document.documentElement ? [[document.documentElement, 1]] : [];
  while (stack.length > 0) {
    const [element, level] = stack.pop()!;
    deepest = Math.max(deepest, level);
    if (deepest > MAX_DEPTH) return deepest;
    for (let node = element.firstChild; node; node = node.nextSibling) if (node.nodeType === node.ELEMENT_NODE) stack.push([node as Element, level + 1]);
  }
  return deepest;
}

/** The attributes every element of a kind must have, for the steps that copy and rename parts. */
const REQUIRED: readonly [QName, readonly string[]][] = [
  ['ct:Default', ['Extension', 'ContentType']],
  ['ct:Override', ['PartName', 'ContentType']],
  ['rel:Relationship', ['Id', 'Type', 'Target']],
];

/**
 * What makes a template's package unusable before any step reads it: no content types, an
 * element without an attribute the package format requires, or parts nested past any real
 * template. Each is said without quoting the part.
 */
export function packageFaults(opc: OpcPackage): string[] {
  if (!opc.has('[Content_Types].xml')) return ['it is not a PowerPoint presentation or template: it has no [Content_Types].xml part'];
  const faults: string[] = [];
  for (const name of opc.names().filter((part) => /\.(xml|rels)$/i.test(part))) {
    const document = opc.xml(name);
    if (depth(document) > MAX_DEPTH) {
      faults.push(`its part "${name}" nests elements more than ${MAX_DEPTH} deep`);
      continue;
    }
    for (const [element, attributes] of REQUIRED) {
      const missing = all(document, element).flatMap((found) => attributes.filter((attribute) => !found.getAttribute(attribute)));
      if (missing.length > 0) faults.push(`its part "${name}" has a ${element.split(':')[1]} without ${missing[0]}`);
    }
  }
  return faults;
}
