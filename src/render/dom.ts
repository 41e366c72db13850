import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

/** The namespaces of the parts deckdown reads and writes, by the prefixes Office uses. */
export const NS = {
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  p: 'http://schemas.openxmlformats.org/presentationml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  rel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  ct: 'http://schemas.openxmlformats.org/package/2006/content-types',
  ep: 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties',
  cp: 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
  dcterms: 'http://purl.org/dc/terms/',
} as const;

/** A qualified name with one of the prefixes above, such as `p:txBody`. */
export type QName = `${keyof typeof NS}:${string}`;

function split(name: QName): [string, string] {
  const colon = name.indexOf(':');
  return [NS[name.slice(0, colon) as keyof typeof NS], name.slice(colon + 1)];
}

/** Every element with this name below `root`, in document order. */
export function all(root: Document | Element, name: QName): Element[] {
  const [namespace, local] = split(name);
  return Array.from(root.getElementsByTagNameNS(namespace, local));
}

/** The first element with this name below `root`. */
export function first(root: Document | Element, name: QName): Element | undefined {
  return all(root, name)[0];
}

/** The first element with this name below `root`, which deckdown's own writing guarantees. */
export function required(root: Document | Element, name: QName, where: string): Element {
  const element = first(root, name);
  if (!element) throw new Error(`internal error: no <${name}> in ${where}`);
  return element;
}

/** The direct children of `parent` with this name. */
export function children(parent: Element, name: QName): Element[] {
  const [namespace, local] = split(name);
  return Array.from(parent.childNodes).filter((node): node is Element => node.nodeType === node.ELEMENT_NODE && (node as Element).namespaceURI === namespace && (node as Element).localName === local);
}

const DECLARATIONS = Object.entries(NS)
  .map(([prefix, uri]) => ` xmlns:${prefix}="${uri}"`)
  .join('');

/** Parse a part or a fragment; `what` names it in the error for malformed XML. */
export function parseXml(text: string, what: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      // A warning (a replacement character, say) is no reason to stop; malformed XML is.
      if (level === 'warning') return;
      throw new Error(`internal error: ${what} is not well-formed XML (${level}: ${message})`);
    },
  }).parseFromString(text, 'text/xml');
}

/** An element that deckdown writes as text, with the prefixes above, ready to go into `document`. */
export function fragment(document: Document, xml: string): Element {
  const parsed = parseXml(`<fragment${DECLARATIONS}>${xml}</fragment>`, 'an element deckdown wrote');
  return document.importNode(parsed.documentElement!.firstChild as Element, true) as Element;
}

/** Put deckdown's `xml` where `old` was. */
export function replaceWith(old: Element, xml: string): Element {
  const replacement = fragment(old.ownerDocument!, xml);
  old.parentNode!.replaceChild(replacement, old);
  return replacement;
}

/** Insert deckdown's `xml` into `parent`, before `before` or at the end. */
export function insert(parent: Element, xml: string, before?: Element | null): Element {
  const element = fragment(parent.ownerDocument!, xml);
  parent.insertBefore(element, before ?? null);
  return element;
}

/** The shape (`p:sp`, `p:pic`, `p:graphicFrame`, …) whose non-visual properties carry this name. */
export function shapeNamed(root: Document | Element, name: string, where: string): Element {
  const properties = all(root, 'p:cNvPr').find((element) => element.getAttribute('name') === name);
  // cNvPr sits in the shape's non-visual properties (p:nvSpPr, p:nvPicPr, …), one level below the shape.
  const shape = properties?.parentNode?.parentNode as Element | null | undefined;
  if (!shape) throw new Error(`internal error: no shape "${name}" in ${where}`);
  return shape;
}
