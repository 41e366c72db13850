/** Small helpers for writing OOXML by hand where pptxgenjs cannot. */
import { withoutXmlIllegal } from '../xml-chars.js';

export const EMU_PER_INCH = 914400;

/** The declaration every XML part deckdown writes opens with. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** A namespace declaration in a start tag, with the prefix it binds. */
const PREFIX_DECLARATION = / xmlns:([A-Za-z_][\w.-]*)="[^"]*"/g;
/** What can stand before a prefix where a name uses it: a tag's opening, a space before an attribute, a quote before a value. */
const BEFORE_PREFIXED_NAME = new Set(['<', '/', ' ', '\t', '\n', '\r', '"', "'"]);
/** Markup compatibility names prefixes in attribute values (`mc:Ignorable="p14"`), without a colon after them. */
const MARKUP_COMPATIBILITY = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/**
 * An XML part without the namespace declarations of its root that nothing in it uses: pptxgenjs
 * declares the relationships namespace on every slide and notes page, and most never use it. A
 * prefix counts as used wherever it stands before a colon after markup, a space or a quote, even
 * in text, so a declaration is never dropped that is needed. A part that uses markup
 * compatibility keeps them all.
 */
export function withoutUnusedNamespaces(text: string): string {
  if (text.includes(MARKUP_COMPATIBILITY)) return text;
  const root = text.indexOf('<', text.startsWith('<?') ? text.indexOf('?>') + 2 : 0);
  const rootEnd = text.indexOf('>', root);
  if (root === -1 || rootEnd === -1) return text;
  const kept = text.slice(root, rootEnd).replace(PREFIX_DECLARATION, (declaration, prefix: string) => (usesPrefix(text, prefix) ? declaration : ''));
  return text.slice(0, root) + kept + text.slice(rootEnd);
}

function usesPrefix(text: string, prefix: string): boolean {
  const name = `${prefix}:`;
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) if (BEFORE_PREFIXED_NAME.has(text[at - 1]!)) return true;
  return false;
}

export function inchesToEmu(inches: number): number {
  return Math.round(inches * EMU_PER_INCH);
}

/** Not rounded: a frame read from a package and written back lands exactly where it was. */
export function emuToInches(emu: number): number {
  return emu / EMU_PER_INCH;
}

/** Text for an element's content: markup characters escaped, those XML cannot hold left out. */
export function escapeText(text: string): string {
  return withoutXmlIllegal(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text for XML content or an attribute value: as `escapeText`, quotes escaped too. */
export function escapeXml(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

export function attributes(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}

/** Scheme, as RFC 3986 spells it. */
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * A link target as a valid URI reference (`xs:anyURI`): characters a URI may not hold, such
 * as brackets, backslashes, spaces and non-ASCII letters, are percent-encoded, and existing
 * escapes are kept. A scheme-less target whose first segment has a colon gets `./`, so the
 * colon is not read as the end of a scheme.
 */
export function uriReference(url: string): string {
  const encoded = url.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]/gu, (character) => encodeURIComponent(character));
  const firstSegment = encoded.split(/[/?#]/, 1)[0]!;
  return !SCHEME.test(encoded) && firstSegment.includes(':') ? `./${encoded}` : encoded;
}
