import type { Document, Element, Node } from '@xmldom/xmldom';
import { all, children, required } from './dom.js';
import type { OpcPackage } from './opc-package.js';
import { slidePart } from './part-names.js';

/**
 * What pptxgenjs writes on every slide that says nothing: a name for the slide ("Slide 3"),
 * which PowerPoint neither shows nor needs; a transform of zeros for the slide's shape tree, a
 * colour map override that keeps the master's and empty line properties, each the same as
 * none; and a revision number on each table, which PowerPoint adds where it wants one.
 */
export function dropSlideBoilerplate(opc: OpcPackage): (index: number) => void {
  return (index) => {
    const part = slidePart(index);
    const document = opc.xml(part);
    const slide = document.documentElement!;
    const common = required(document, 'p:cSld', part);
    common.removeAttribute('name');
    dropShapeTreeBoilerplate(document, part);
    for (const override of children(slide, 'p:clrMapOvr')) {
      if (children(override, 'a:masterClrMapping').length === 1 && override.childNodes.length === 1) slide.removeChild(override);
    }
    for (const frame of all(document, 'p:nvGraphicFramePr')) for (const properties of children(frame, 'p:nvPr')) for (const extension of children(properties, 'p:extLst')) properties.removeChild(extension);
  };
}

/**
 * A shape tree's transform of zeros and its empty line properties, on a slide or in one of
 * deckdown's own masters and layouts: each says what saying nothing does.
 */
export function dropShapeTreeBoilerplate(document: Document, part: string): void {
  const tree = required(document, 'p:spTree', part);
  for (const group of children(tree, 'p:grpSpPr')) for (const transform of children(group, 'a:xfrm')) if (isZero(transform)) group.removeChild(transform);
  for (const line of all(document, 'a:ln')) if (!line.hasChildNodes() && line.attributes.length === 0) line.parentNode!.removeChild(line);
}

/**
 * The line breaks and indents pptxgenjs leaves between the elements of its masters and layouts.
 * Only text (`a:t`) holds characters there: space anywhere else is layout of the file, not content.
 */
export function dropSpaceBetweenElements(document: Document): void {
  const spaces: Node[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === child.TEXT_NODE && /^\s*$/.test(child.nodeValue ?? '') && !(node.nodeType === node.ELEMENT_NODE && (node as Element).localName === 't')) spaces.push(child);
      else walk(child);
    }
  };
  walk(document.documentElement!);
  for (const space of spaces) space.parentNode!.removeChild(space);
}

/** A transform whose offsets and extents are all zero. */
function isZero(transform: Element): boolean {
  const values = (['a:off', 'a:ext', 'a:chOff', 'a:chExt'] as const).flatMap((name) => children(transform, name)).flatMap((element) => ['x', 'y', 'cx', 'cy'].map((attribute) => element.getAttribute(attribute)).filter((value) => value !== null));
  return values.length === 8 && values.every((value) => value === '0');
}
