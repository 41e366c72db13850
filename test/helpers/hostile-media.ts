import { crc32, deflateRawSync, deflateSync } from 'node:zlib';

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

const NS_P = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const rels = (...items: [string, string, string][]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type.startsWith('http') ? type : `${REL}/${type}`}" Target="${target}"/>`).join('')}</Relationships>`;
const placeholder = (id: number, type: string, y: number) =>
  `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${type} ${id}"/><p:cNvSpPr/><p:nvPr><p:ph type="${type}"${type === 'body' ? ' idx="1"' : ''}/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="457200" y="${y}"/><a:ext cx="8229600" cy="1143000"/></a:xfrm></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>`;
const LOGO_PICTURE = (embed: string) =>
  `<p:pic><p:nvPicPr><p:cNvPr id="9" name="Logo"/><p:cNvPicPr/><p:nvPr userDrawn="1"/></p:nvPicPr><p:blipFill><a:blip r:embed="${embed}"/></p:blipFill><p:spPr><a:xfrm><a:off x="8000000" y="100000"/><a:ext cx="500000" cy="500000"/></a:xfrm></p:spPr></p:pic>`;

const FILL = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>';
const FONTS = ['majorFont', 'minorFont'].map((role) => `<a:${role}><a:latin typeface="Arial"/><a:ea typeface=""/><a:cs typeface=""/></a:${role}>`).join('');

/**
 * The parts of a small PowerPoint template written by hand: a presentation, one master with a
 * title and a body placeholder and a logo picture, one layout and a theme. Hostile cases replace
 * or add parts; `logoEmbed` is the logo's relationship id as the master writes it.
 */
export function templateParts(logoEmbed = 'rIdLogo', logo: Uint8Array = pngBomb(16, 16)): Record<string, Uint8Array> {
  const text = (value: string) => new TextEncoder().encode(value);
  const tree = (shapes: string) => `<p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>${shapes}</p:spTree></p:cSld>`;
  return {
    '[Content_Types].xml': text(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"/><Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml"/><Override PartName="/ppt/slideLayouts/slideLayout1.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml"/><Override PartName="/ppt/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/></Types>',
    ),
    '_rels/.rels': text(rels(['rId1', 'officeDocument', 'ppt/presentation.xml'])),
    'ppt/presentation.xml': text(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:presentation ${NS_P}><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:sldSz cx="9144000" cy="5143500"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>`),
    'ppt/_rels/presentation.xml.rels': text(rels(['rId1', 'slideMaster', 'slideMasters/slideMaster1.xml'], ['rId2', 'theme', 'theme/theme1.xml'])),
    'ppt/slideMasters/slideMaster1.xml': text(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:sldMaster ${NS_P}>${tree(placeholder(2, 'title', 200000) + placeholder(3, 'body', 1500000) + LOGO_PICTURE(logoEmbed))}<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/><p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst></p:sldMaster>`,
    ),
    'ppt/slideMasters/_rels/slideMaster1.xml.rels': text(rels(['rId1', 'slideLayout', '../slideLayouts/slideLayout1.xml'], ['rId2', 'theme', '../theme/theme1.xml'], [logoEmbed, 'image', '../media/logo.png'])),
    'ppt/slideLayouts/slideLayout1.xml': text(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:sldLayout ${NS_P} type="obj"><p:cSld name="Title and Content"><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>${placeholder(2, 'title', 200000)}${placeholder(3, 'body', 1500000)}</p:spTree></p:cSld></p:sldLayout>`),
    'ppt/slideLayouts/_rels/slideLayout1.xml.rels': text(rels(['rId1', 'slideMaster', '../slideMasters/slideMaster1.xml'])),
    'ppt/theme/theme1.xml': text(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Corp"><a:themeElements><a:clrScheme name="Corp">${['dk1:000000', 'lt1:FFFFFF', 'dk2:1F2937', 'lt2:F3F4F6', 'accent1:1D4ED8', 'accent2:B45309', 'accent3:047857', 'accent4:7C3AED', 'accent5:BE123C', 'accent6:0E7490', 'hlink:1D4ED8', 'folHlink:6D28D9'].map((slot) => `<a:${slot.split(':')[0]}><a:srgbClr val="${slot.split(':')[1]}"/></a:${slot.split(':')[0]}>`).join('')}</a:clrScheme><a:fontScheme name="Corp">${FONTS}</a:fontScheme><a:fmtScheme name="Corp"><a:fillStyleLst>${FILL.repeat(3)}</a:fillStyleLst><a:lnStyleLst>${`<a:ln w="6350">${FILL}</a:ln>`.repeat(3)}</a:lnStyleLst><a:effectStyleLst>${'<a:effectStyle><a:effectLst/></a:effectStyle>'.repeat(3)}</a:effectStyleLst><a:bgFillStyleLst>${FILL.repeat(3)}</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>`,
    ),
    'ppt/media/logo.png': logo,
  };
}

/**
 * A zip bomb whose entries all point at one compressed run of zeros: `entries` × `kernelBytes`
 * unpacked from little more than one kernel. Every name is different, as unzip tools expect.
 */
export function overlappingZipBomb(entries: number, kernelBytes: number): Uint8Array {
  const kernel = deflateRawSync(Buffer.alloc(kernelBytes), { level: 9 });
  const checksum = crc32(Buffer.alloc(kernelBytes));
  const name = (index: number) => Buffer.from(`ppt/slides/slide${index}.xml`);
  // Version needed, deflate, checksum and sizes: the same fields in both kinds of header, at their own offsets.
  const local = record(30, [[0, 0x04034b50, 4], [4, 20, 2], [8, 8, 2], [14, checksum, 4], [18, kernel.length, 4], [22, kernelBytes, 4], [26, name(0).length, 2]]);
  const head = Buffer.concat([local, name(0), kernel]);
  const directory = Array.from({ length: entries }, (_, index) =>
    Buffer.concat([record(46, [[0, 0x02014b50, 4], [4, 20, 2], [6, 20, 2], [10, 8, 2], [16, checksum, 4], [20, kernel.length, 4], [24, kernelBytes, 4], [28, name(index).length, 2]]), name(index)]),
  );
  const central = Buffer.concat(directory);
  const end = record(22, [[0, 0x06054b50, 4], [8, entries, 2], [10, entries, 2], [12, central.length, 4], [16, head.length, 4]]);
  return Buffer.concat([head, central, end]);
}

/** A zip record of `size` bytes with these little-endian fields: offset, value, width in bytes. */
function record(size: number, fields: [number, number, 2 | 4][]): Buffer {
  const bytes = Buffer.alloc(size);
  for (const [offset, value, width] of fields) {
    if (width === 2) bytes.writeUInt16LE(value, offset);
    else bytes.writeUInt32LE(value, offset);
  }
  return bytes;
}
