/** Small helpers for writing OOXML by hand where pptxgenjs cannot. */
import { withoutXmlIllegal } from '../xml-chars.js';

export const EMU_PER_INCH = 914400;

/** The declaration every XML part deckdown writes opens with. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

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
