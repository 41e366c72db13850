import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';

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

/** Walk the elements below `root` in document order until `visit` returns true. */
function walk(root: Document | Element, visit: (element: Element) => boolean | void): boolean {
  for (let node = root.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== node.ELEMENT_NODE) continue;
    if (visit(node as Element) === true || walk(node as Element, visit)) return true;
  }
  return false;
}

const is = (element: Element, [namespace, local]: [string, string]) => element.localName === local && element.namespaceURI === namespace;

/** Every element with this name below `root`, in document order. */
export function all(root: Document | Element, name: QName): Element[] {
  const wanted = split(name);
  const found: Element[] = [];
  walk(root, (element) => {
    if (is(element, wanted)) found.push(element);
  });
  return found;
}

/** The first element with this name below `root`. */
export function first(root: Document | Element, name: QName): Element | undefined {
  const wanted = split(name);
  let found: Element | undefined;
  walk(root, (element) => {
    if (!is(element, wanted)) return false;
    found = element;
    return true;
  });
  return found;
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
    // Positions of nodes are never asked for; keeping them costs about 5% of parsing.
    locator: false,
    onError: (level, message) => {
      // A warning (a replacement character, say) is no reason to stop; malformed XML is.
      if (level === 'warning') return;
      throw new Error(`internal error: ${what} is not well-formed XML (${level}: ${message})`);
    },
  }).parseFromString(text, 'text/xml');
}

/** Elements that deckdown writes as text, with the prefixes above, parsed in one go into a document of their own. */
function parsedFragments(xml: readonly string[]): Element[] {
  const parsed = parseXml(`<fragment${DECLARATIONS}>${xml.join('')}</fragment>`, 'an element deckdown wrote');
  const elements = Array.from(parsed.documentElement!.childNodes).filter((node): node is Element => node.nodeType === node.ELEMENT_NODE);
  if (elements.length !== xml.length) throw new Error('internal error: deckdown wrote an element that is not one element');
  return elements;
}

/**
 * Elements that deckdown writes as text, parsed in one go and made part of `document`. Adopting
 * the parsed nodes costs a walk; importing them would copy them.
 */
function fragments(document: Document, xml: readonly string[]): Element[] {
  const elements = parsedFragments(xml);
  const adopt = (node: Node) => {
    (node as { ownerDocument: Document }).ownerDocument = document;
    const { attributes } = node as Element;
    if (attributes) for (const attribute of Array.from(attributes)) (attribute as { ownerDocument: Document }).ownerDocument = document;
    for (let child = node.firstChild; child; child = child.nextSibling) adopt(child);
  };
  for (const element of elements) {
    element.parentNode!.removeChild(element);
    adopt(element);
  }
  return elements;
}

/**
 * Elements inserted one at a time, parsed once each and copied: the same few (a placeholder's
 * `<p:ph>`, a shape's locks) go into every slide, and a parse costs far more than a copy.
 */
const parsedOnce = new Map<string, Element>();
const MOST_PARSED_ONCE = 512;

/** An element that deckdown writes as text, ready to go into `document`. */
function fragment(document: Document, xml: string): Element {
  let parsed = parsedOnce.get(xml);
  if (!parsed) {
    if (parsedOnce.size >= MOST_PARSED_ONCE) parsedOnce.clear();
    // Kept in a document of its own: adopted, it would keep the first part it went into alive.
    parsedOnce.set(xml, (parsed = parsedFragments([xml])[0]!));
  }
  return document.importNode(parsed, true) as Element;
}

/** Put deckdown's `xml` where `old` was; like `insert`, an element written again is parsed once. */
export function replaceWith(old: Element, xml: string): Element {
  const element = fragment(old.ownerDocument!, xml);
  old.parentNode!.replaceChild(element, old);
  return element;
}

/** Put each of deckdown's elements where its old one was, parsing them all at once. */
export function replaceEach(replacements: readonly (readonly [Element, string])[]): Element[] {
  if (replacements.length === 0) return [];
  const fresh = fragments(replacements[0]![0].ownerDocument!, replacements.map(([, xml]) => xml));
  replacements.forEach(([old], index) => old.parentNode!.replaceChild(fresh[index]!, old));
  return fresh;
}

/** Insert deckdown's `xml` into `parent`, before `before` or at the end. */
export function insert(parent: Element, xml: string, before?: Element | null): Element {
  const element = fragment(parent.ownerDocument!, xml);
  parent.insertBefore(element, before ?? null);
  return element;
}

/**
 * The shapes (`p:sp`, `p:pic`, `p:graphicFrame`, …) whose non-visual properties carry this name,
 * in tree order. Shapes are children of the shape tree or of a group in it; their text is never searched.
 */
export function shapesNamed(root: Document | Element, name: string, where: string): Element[] {
  const tree = required(root, 'p:spTree', where);
  const found: Element[] = [];
  const search = (group: Element): void => {
    for (let node = group.firstChild; node; node = node.nextSibling) {
      if (node.nodeType !== node.ELEMENT_NODE) continue;
      const shape = node as Element;
      // The non-visual properties come first in every shape, and cNvPr first in them.
      let properties = shape.firstChild;
      while (properties && properties.nodeType !== node.ELEMENT_NODE) properties = properties.nextSibling;
      const id = properties ? first(properties as Element, 'p:cNvPr') : undefined;
      if (id?.getAttribute('name') === name && shape !== tree) found.push(shape);
      if (shape.localName === 'grpSp') search(shape);
    }
  };
  search(tree);
  return found;
}

/** The first shape whose non-visual properties carry this name; its absence is an internal error. */
export function shapeNamed(root: Document | Element, name: string, where: string): Element {
  const [shape] = shapesNamed(root, name, where);
  if (!shape) throw new Error(`internal error: no shape "${name}" in ${where}`);
  return shape;
}
