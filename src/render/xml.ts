/** Small helpers for writing OOXML by hand where pptxgenjs cannot. */
import { withoutXmlIllegal } from '../xml-chars.js';

export const EMU_PER_INCH = 914400;

/** The declaration every XML part deckdown writes opens with. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** One attribute of a start tag, read whole, so that no value is ever read as a declaration. */
const ATTRIBUTE = /\s+([^\s=/>]+)\s*=\s*(?:"[^"]*"|'[^']*')/y;
const PREFIX_DECLARATION = /^xmlns:(.+)$/;
const ELEMENT_NAME = /[^\s/>]+/y;
/** A character that can continue a name: a prefix after one is the end of a longer word ("Manager:"), not a use. */
const NAME_CHARACTER = /[\p{L}\p{N}._:-]/u;
/** Markup compatibility names prefixes in attribute values (`mc:Ignorable="p14"`), without a colon after them. */
const MARKUP_COMPATIBILITY = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/**
 * An XML part without the namespace declarations of its root that nothing in it uses: pptxgenjs
 * declares the relationships namespace on every slide and notes page, and most never use it. A
 * prefix counts as used wherever it stands before a colon and is not the end of a longer word:
 * in a name, in a value, even in text, so that no declaration a name or a value needs is
 * dropped. A part that uses markup compatibility keeps them all.
 */
export function withoutUnusedNamespaces(text: string): string {
  if (text.includes(MARKUP_COMPATIBILITY)) return text;
  const name = rootName(text);
  if (!name) return text;
  let at = name.end;
  let kept = '';
  for (let attribute = attributeAt(text, at); attribute; attribute = attributeAt(text, at)) {
    const prefix = PREFIX_DECLARATION.exec(attribute[1]!)?.[1];
    if (prefix === undefined || usesPrefix(text, prefix)) kept += attribute[0];
    at = ATTRIBUTE.lastIndex;
  }
  return text.slice(0, name.end) + kept + text.slice(at);
}

function attributeAt(text: string, at: number): RegExpExecArray | null {
  ATTRIBUTE.lastIndex = at;
  return ATTRIBUTE.exec(text);
}

/** Where the root element's name ends: past the declaration, processing instructions, comments and a document type. */
function rootName(text: string): { end: number } | undefined {
  for (let at = text.indexOf('<'); at !== -1; ) {
    const skipTo = text.startsWith('<!--', at) ? '-->' : text.startsWith('<?', at) ? '?>' : text.startsWith('<!', at) ? '>' : undefined;
    if (!skipTo) {
      ELEMENT_NAME.lastIndex = at + 1;
      return ELEMENT_NAME.test(text) ? { end: ELEMENT_NAME.lastIndex } : undefined;
    }
    const after = text.indexOf(skipTo, at);
    at = after === -1 ? -1 : text.indexOf('<', after + skipTo.length);
  }
  return undefined;
}

function usesPrefix(text: string, prefix: string): boolean {
  const name = `${prefix}:`;
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) if (at === 0 || !NAME_CHARACTER.test(text[at - 1]!)) return true;
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
