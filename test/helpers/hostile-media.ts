import { crc32, deflateSync } from 'node:zlib';

/**
 * Hostile pictures, generated: shared by the unit tests and the hostile corpus, so that each
 * attack is written once.
 */

const svg = (body: string, attributes = 'width="100" height="100"') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ${attributes}>${body}</svg>`;

/** 224 bytes whose blur took resvg 34 s at the fallback's size. */
export const BLUR_SVG = svg('<filter id="b" x="-9" y="-9" width="19" height="19"><feGaussianBlur stdDeviation="900"/></filter><rect width="100" height="100" fill="#36C" filter="url(#b)"/>');

/** The same drawing without its filter: what the fallback of `BLUR_SVG` is drawn from. */
export const UNBLURRED_SVG = svg('<filter id="b" x="-9" y="-9" width="19" height="19"><feGaussianBlur stdDeviation="900"/></filter><rect width="100" height="100" fill="#36C" />');

/** Entities of entities: ten to the `levels` copies of a word. */
export function laughsSvg(levels = 9): string {
  const entities = Array.from({ length: levels }, (_, level) => `<!ENTITY l${level + 1} "${`&l${level};`.repeat(10)}">`).join('');
  return `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY l0 "lol">${entities}]>${svg(`<text y="50">&l${levels};</text>`)}`;
}

/** An entity that is itself. */
export const ENTITY_LOOP_SVG = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "&b;"><!ENTITY b "&a;">]>${svg('<text y="50">&a;</text>')}`;

/** An external entity: the file it names must never be read. */
export function externalEntitySvg(target: string): string {
  return `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "${target}">]>${svg('<text y="50">&x;</text>')}`;
}

/** A plain text entity, as old Illustrator files declare namespace names. */
export const PLAIN_ENTITY_SVG = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY ns_fill "#3366CC">]>${svg('<rect width="100" height="100" fill="&ns_fill;"/>')}`;

/** Groups nested `depth` deep. */
export function nestedSvg(depth: number): string {
  return svg(`${'<g>'.repeat(depth)}<rect width="10" height="10"/>${'</g>'.repeat(depth)}`);
}

/** `<use>` copies of copies: `fanOut` to the `levels` rectangles from a few hundred bytes. */
export function useBombSvg(levels = 8, fanOut = 10): string {
  const copies = Array.from({ length: levels }, (_, level) => `<g id="u${level + 1}">${`<use xlink:href="#u${level}"/>`.repeat(fanOut)}</g>`).join('');
  return svg(`<defs><rect id="u0" width="1" height="1"/>${copies}</defs><use href="#u${levels}"/>`);
}

/** Groups with opacity, each drawn on a layer of its own over the whole picture. */
export function layersSvg(count: number): string {
  return svg('<g opacity="0.5"><rect width="100" height="100" fill="#36C"/></g>'.repeat(count));
}

/** A drawing with next to no height: its raster would have none. */
export const ZERO_HEIGHT_SVG = svg('<rect width="10" height="10"/>', 'width="100" height="0.001"');
/** A drawing whose view box has no width. */
export const ZERO_WIDTH_SVG = svg('<rect width="10" height="10"/>', 'viewBox="0 0 0 100"');

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A PNG that says it is `width` × `height` pixels of grey, its rows of zeros compressed: a few
 * kilobytes that decode to gigabytes. `rows` limits the rows actually present.
 */
export function pngBomb(width: number, height: number, rows = 64): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  const data = deflateSync(Buffer.alloc((width + 1) * Math.min(rows, height)), { level: 9 });
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', data), chunk('IEND', new Uint8Array())]);
}

/** A JPEG's start, JFIF and frame headers, saying it is `width` × `height`; no picture follows. */
export function jpegHeader(width: number, height: number): Buffer {
  const jfif = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const frame = Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), jfif, frame, Buffer.from([0xff, 0xd9])]);
}
