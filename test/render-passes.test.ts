import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { buildOutline, loadTheme, planSlides, type PlacedDeck, type PlacedSlide } from '../src/index.js';
import type { ImageFrame } from '../src/layout/frames.js';
import { all, children, first, NS, shapeNamed, type QName } from '../src/render/dom.js';
import { OpcPackage } from '../src/render/opc-package.js';
import type { DocumentProperties } from '../src/render/package.js';
import { mastersAndLayouts, notesPart, slidePart } from '../src/render/part-names.js';
import { writeWithPptxgen } from '../src/render/pptxgen.js';
import { relationships, resolveTarget, sourceOf } from '../src/render/relationships.js';
import { completePackage, RENDER_PASSES } from '../src/render/render-pptx.js';
import { writeTableStyle } from '../src/render/table-style.js';
import { inchesToEmu, XML_DECLARATION } from '../src/render/xml.js';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { brandedTemplate } from './helpers/branded-template.js';
import { hasPandoc } from './helpers/pandoc.js';
import { partViolations } from './helpers/schema-validity.js';

/**
 * Each render pass has one job. Every test starts from the package the pass really receives
 * (pptxgenjs's output with all earlier passes run), runs that pass alone and checks its change,
 * so a pass that stops doing its job fails here even when a later pass happens to cover for it.
 */
const content = new URL('../content/', import.meta.url).pathname;
const syntaxSource = readFileSync(join(content, 'syntax.md'), 'utf8');
const DATE = new Date('2001-02-03T04:05:06Z');
const STAMP = '2001-02-03T04:05:06Z';

/**
 * What syntax.md lacks: a link to another slide (from a slide and from its notes), slide numbers
 * without a footer, a described background picture (placed as a cropped picture frame), a
 * picture without alt text, a title long enough to move its rule, and a slide without a title
 * that shows a picture another slide shows too.
 */
const SMALL = `---
marp: true
lang: de-DE
slideNumbers: true
---

![bg Open steppe](images/steppe.jpg)

# Start

Jump to [the end](#the-end).

:::notes
The notes jump to [the end](#the-end) too.
:::

---

# The end

![](images/dot.gif)

---

# A title long enough to take two lines on its slide, and to move its rule down under them

Text.

---

Text without a title.

![](images/dot.gif)
`;

interface Build {
  placed: PlacedDeck;
  properties: DocumentProperties;
}

/** Markdown as if saved in content/, planned through the public API. */
function build(markdown: string, referenceDoc?: string): Build {
  const { deck } = buildOutline(markdown, { path: join(content, 'deck.md') });
  const { placed } = planSlides(deck, { baseDir: content, referenceDoc });
  const { title, author, lang } = deck.meta;
  return { placed, properties: { title, author, lang, date: DATE } };
}

const syntax = build(syntaxSource);

/** syntax.md on a branded template, built from a temporary .potx. */
function brandedSyntax(): Build {
  const dir = mkdtempSync(join(tmpdir(), 'deckdown-passes-'));
  const potx = join(dir, 'brand.potx');
  writeFileSync(potx, brandedTemplate());
  try {
    return build(syntaxSource, potx);
  } finally {
    rmSync(dir, { recursive: true });
  }
}
const small = build(SMALL);

const LOGO = join(content, 'images', 'pipeline.png');

/** Two slides that hide their layout's shapes, in a theme with a logo, built whole. */
async function logoDeck(): Promise<{ placed: PlacedDeck; opc: OpcPackage }> {
  const theme = { ...loadTheme('default'), logo: { path: LOGO, box: { x: 12, y: 0.2, w: 1, h: 0.5 } } };
  const markdown = '# A title so long that it cannot be set on two lines at any size a title may take, so it takes three lines, which move its rule down further than the two-line variant of the layout does, and the slide then draws its own rule\n\nText.\n\n---\n\nText without a title.\n';
  const { deck } = buildOutline(markdown, { path: join(content, 'deck.md') });
  const { placed } = planSlides(deck, { baseDir: content, theme });
  expect(placed.slides.map((slide) => slide.hidesLayoutShapes)).toEqual([true, true]);
  return { placed, opc: await completePackage(placed, { lang: 'kk-KZ', date: DATE }, DEFAULT_LIMITS) };
}

/** pptxgenjs's package with every pass before `name` run, and `run` for that pass alone. */
async function upTo(name: string, deck = syntax): Promise<{ opc: OpcPackage; run: () => Promise<void> }> {
  const index = RENDER_PASSES.findIndex((pass) => pass.name === name);
  if (index < 0) throw new Error(`no render pass "${name}"`);
  const opc = OpcPackage.unzip(await writeWithPptxgen(deck.placed));
  for (const pass of RENDER_PASSES.slice(0, index)) await pass.run(opc, deck.placed, deck.properties, DEFAULT_LIMITS);
  return {
    opc,
    run: async () => {
      await RENDER_PASSES[index]!.run(opc, deck.placed, deck.properties, DEFAULT_LIMITS);
    },
  };
}

/** The names of passes with a test below, so that a pass added without one fails the last test. */
const tested: string[] = [];
function itPass(name: string, test: () => Promise<void>): void {
  tested.push(name);
  it(name, test);
}

/** The slide part of the first slide `test` accepts. */
function slideWhere(deck: Build, test: (slide: PlacedSlide) => boolean): string {
  const index = deck.placed.slides.findIndex(test);
  if (index < 0) throw new Error('no such slide in the deck');
  return slidePart(index);
}

const anchored = (anchor: string) => (slide: PlacedSlide) => slide.anchors?.includes(anchor) === true;

/** Parts named like `pattern`, in the order of the number in their names. */
function numbered(opc: OpcPackage, pattern: RegExp): string[] {
  const number = (name: string) => Number(name.match(/(\d+)\.\w+$/)![1]);
  return opc
    .names()
    .filter((name) => pattern.test(name))
    .sort((a, b) => number(a) - number(b));
}
const chartParts = (opc: OpcPackage) => numbered(opc, /^ppt\/charts\/chart\d+\.xml$/);
const layoutParts = (opc: OpcPackage) => numbered(opc, /^ppt\/slideLayouts\/slideLayout\d+\.xml$/);
const layoutName = (opc: OpcPackage, part: string) => first(opc.xml(part), 'p:cSld')!.getAttribute('name')!;
const layoutNamed = (opc: OpcPackage, name: string) => layoutParts(opc).find((part) => layoutName(opc, part) === name)!;

/** The parts a part's internal relationships of this type point at. */
function targets(opc: OpcPackage, part: string, type = ''): string[] {
  return relationships(opc, part)
    .filter((relationship) => !relationship.external && relationship.type.endsWith(type))
    .map((relationship) => resolveTarget(part, relationship.target));
}

const overrides = (opc: OpcPackage) => all(opc.xml('[Content_Types].xml'), 'ct:Override').map((override) => override.getAttribute('PartName')!.slice(1));
const textOf = (root: Document | Element, name: QName) => all(root, name).map((element) => element.textContent);
/** A property element of docProps/core.xml, by the prefix it is written with. */
const coreText = (opc: OpcPackage, tag: string) => opc.xml('docProps/core.xml').getElementsByTagName(tag)[0]?.textContent;

/** A placeholder as "type idx", the two attributes by which slides and layouts match placeholders. */
const phText = (ph: Element) => [ph.getAttribute('type'), ph.getAttribute('idx')].filter(Boolean).join(' ');

/** The placeholder a shape is, or undefined for a plain shape. */
function placeholder(opc: OpcPackage, part: string, shape: string): string | undefined {
  const ph = first(shapeNamed(opc.xml(part), shape, part), 'p:ph');
  return ph && phText(ph);
}

/** The crops a picture fill's source rectangles make: an attribute left out crops nothing. */
const crops = (fill: Element) =>
  children(fill, 'a:srcRect').map((rect) => ({ left: Number(rect.getAttribute('l') ?? 0), top: Number(rect.getAttribute('t') ?? 0), right: Number(rect.getAttribute('r') ?? 0), bottom: Number(rect.getAttribute('b') ?? 0) }));
const ids = (opc: OpcPackage, part: string) => all(opc.xml(part), 'p:cNvPr').map((element) => element.getAttribute('id'));
const childNames = (element: Element) => Array.from(element.childNodes).flatMap((node) => (node.nodeType === node.ELEMENT_NODE ? [(node as Element).tagName] : []));

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const isPng = (data: Uint8Array) => PNG_SIGNATURE.every((byte, index) => data[index] === byte);
/** Width and height, from the IHDR chunk that follows the signature. */
const pngSize = (data: Uint8Array) => [16, 20].map((at) => new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(at));

/** The MS-DOS date of each entry in a zip's central directory (the zip has no archive comment). */
function entryDates(zip: Uint8Array): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.byteLength - 22;
  let offset = view.getUint32(end + 16, true);
  return Array.from({ length: view.getUint16(end + 10, true) }, () => {
    const date = view.getUint16(offset + 14, true);
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    return date;
  });
}
/** 1 January 1980, the date every entry of a package deckdown zips carries. */
const DOS_1980_01_01 = (1 << 5) | 1;

describe('each render pass, run alone on what the passes before it leave', () => {
  itPass('number charts from 1', async () => {
    // pptxgenjs's chart counter lives as long as the process: a deck written after another starts past 1.
    await writeWithPptxgen(syntax.placed);
    const { opc, run } = await upTo('number charts from 1');
    // A leftover pptxgenjs can leave behind: an empty chart part.
    opc.setBytes('ppt/charts/chart99.xml', new Uint8Array());
    const before = chartParts(opc);
    expect(before).not.toContain('ppt/charts/chart1.xml');
    await run();
    expect(chartParts(opc)).toEqual(['ppt/charts/chart1.xml', 'ppt/charts/chart2.xml']);
    // The order is kept: the bar chart, first in the deck, is chart1, and its workbook goes with it.
    expect(first(opc.xml('ppt/charts/chart1.xml'), 'c:barChart')).toBeDefined();
    expect(targets(opc, 'ppt/charts/chart1.xml')).toEqual(['ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx']);
    expect(targets(opc, 'ppt/charts/chart2.xml')).toEqual(['ppt/embeddings/Microsoft_Excel_Worksheet2.xlsx']);
    expect(numbered(opc, /^ppt\/embeddings\/.*\.xlsx$/)).toEqual(['ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx', 'ppt/embeddings/Microsoft_Excel_Worksheet2.xlsx']);
    const barSlide = slideWhere(syntax, (slide) => slide.frames.some((frame) => frame.kind === 'chart' && frame.chart === 'bar'));
    expect(targets(opc, barSlide, '/chart')).toEqual(['ppt/charts/chart1.xml']);
    expect(overrides(opc)).toEqual(expect.arrayContaining(['ppt/charts/chart1.xml', 'ppt/charts/chart2.xml']));
    for (const old of before) expect(overrides(opc)).not.toContain(old);
  });

  itPass('flat charts as the schema has them', async () => {
    const { opc, run } = await upTo('flat charts as the schema has them');
    const axisIds = () =>
      chartParts(opc).flatMap((part) => (['c:barChart', 'c:lineChart', 'c:doughnutChart'] as const).flatMap((tag) => all(opc.xml(part), tag).map((chart) => `${tag} ${children(chart, 'c:axId').length}`)));
    expect(axisIds()).toEqual(['c:barChart 3', 'c:doughnutChart 0']);
    await run();
    expect(axisIds()).toEqual(['c:barChart 2', 'c:doughnutChart 0']);
    // A line chart gets the grouping the schema requires as its first child.
    const line = await upTo('flat charts as the schema has them', build('# Trend\n\n:::chart{type=line}\n| Year | Value |\n| --- | --- |\n| 2024 | 1 |\n| 2025 | 2 |\n:::\n'));
    const firstChild = () => chartParts(line.opc).map((part) => children(first(line.opc.xml(part), 'c:lineChart')!, 'c:varyColors')[0]!.previousSibling?.nodeName);
    expect(firstChild()).toEqual([undefined]);
    await line.run();
    expect(firstChild()).toEqual(['c:grouping']);
    expect(chartParts(line.opc).flatMap((part) => partViolations(new XMLSerializer().serializeToString(line.opc.xml(part))))).toEqual([]);
  });

  itPass("doughnut labels in their slices' colours", async () => {
    const { opc, run } = await upTo("doughnut labels in their slices' colours");
    const doughnut = chartParts(opc).find((part) => first(opc.xml(part), 'c:doughnutChart'))!;
    const labelColours = () => all(opc.xml(doughnut), 'c:dLbl').map((label) => first(label, 'a:srgbClr')!.getAttribute('val'));
    const frame = syntax.placed.slides.flatMap((slide) => slide.frames).find((candidate) => candidate.kind === 'chart' && candidate.chart === 'doughnut');
    if (frame?.kind !== 'chart') throw new Error('syntax.md has a doughnut chart');
    expect(new Set(labelColours())).toEqual(new Set([frame.labelColor]));
    await run();
    // Light on the blue slice, dark on the gold one.
    expect(labelColours()).toEqual(frame.sliceLabelColors);
    expect(new Set(frame.sliceLabelColors).size).toBe(2);
    // The bar chart's labels keep the text colour.
    const bars = chartParts(opc).find((part) => first(opc.xml(part), 'c:barChart'))!;
    expect(new Set(all(first(opc.xml(bars), 'c:dLbls')!, 'a:srgbClr').map((fill) => fill.getAttribute('val')))).toEqual(new Set([frame.labelColor]));
  });

  itPass('layout placeholders', async () => {
    const { opc, run } = await upTo('layout placeholders');
    const placeholders = (layout: string) => all(opc.xml(layoutNamed(opc, layout)), 'p:ph').map(phText);
    for (const layout of syntax.placed.layouts) expect(placeholders(layout.name)).toEqual([]);
    await run();
    expect(placeholders('Title and Content')).toEqual(['title', 'body 1', 'dt 10', 'ftr 11', 'sldNum 12']);
    expect(placeholders('Section Header')).not.toContain('body 1');
    expect(placeholders('DEFAULT')).toEqual([]);
  });

  itPass('header and footer flags', async () => {
    const flags = async (deck: Build) => {
      const { opc, run } = await upTo('header and footer flags', deck);
      const hf = () => first(opc.xml('ppt/slideMasters/slideMaster1.xml'), 'p:hf')!;
      const read = () => ['sldNum', 'ftr', 'hdr', 'dt'].map((flag) => `${flag}=${hf().getAttribute(flag)}`);
      const before = read();
      await run();
      return { before, after: read() };
    };
    // syntax.md has a footer and slide numbers; the small deck slide numbers only.
    expect(await flags(syntax)).toEqual({ before: ['sldNum=0', 'ftr=0', 'hdr=0', 'dt=0'], after: ['sldNum=1', 'ftr=1', 'hdr=0', 'dt=0'] });
    expect((await flags(small)).after).toEqual(['sldNum=1', 'ftr=0', 'hdr=0', 'dt=0']);
  });

  itPass('no unused default layout', async () => {
    const { opc, run } = await upTo('no unused default layout');
    const master = 'ppt/slideMasters/slideMaster1.xml';
    const names = () => layoutParts(opc).map((part) => layoutName(opc, part));
    const listed = () => all(opc.xml(master), 'p:sldLayoutId').map((entry) => entry.getAttributeNS(NS.r, 'id'));
    const defaultLayout = layoutNamed(opc, 'DEFAULT');
    expect(names()).toContain('DEFAULT');
    expect(targets(opc, master, '/slideLayout')).toContain(defaultLayout);
    // No slide uses it: each is added with its own layout.
    const slides = opc.names().filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
    expect(slides.length).toBe(syntax.placed.slides.length);
    for (const slide of slides) expect(targets(opc, slide, '/slideLayout'), slide).not.toContain(defaultLayout);
    await run();
    expect(names().sort()).toEqual(syntax.placed.layouts.map((layout) => layout.name).sort());
    expect(opc.has(defaultLayout)).toBe(false);
    expect(targets(opc, master, '/slideLayout')).not.toContain(defaultLayout);
    // The master's layout list names exactly the layout relationships that remain.
    const layoutRelationships = relationships(opc, master).filter((relationship) => relationship.type.endsWith('/slideLayout'));
    expect(listed()).toEqual(layoutRelationships.map((relationship) => relationship.id));
  });

  itPass('shape ids in layouts and masters', async () => {
    const { opc, run } = await upTo('shape ids in layouts and masters');
    const drawings = mastersAndLayouts(opc);
    // Ids repeat before: the layouts' placeholders all arrive with the same id.
    expect(drawings.filter((part) => new Set(ids(opc, part)).size < ids(opc, part).length)).not.toEqual([]);
    await run();
    for (const part of drawings) expect(ids(opc, part), part).toEqual(ids(opc, part).map((_id, index) => String(index + 1)));
  });

  itPass('no boilerplate in masters and layouts', async () => {
    const { opc, run } = await upTo('no boilerplate in masters and layouts');
    const drawings = mastersAndLayouts(opc, { notes: true });
    const found = () => ({
      transforms: drawings.filter((part) => children(first(opc.xml(part), 'p:spTree')!, 'p:grpSpPr').some((group) => children(group, 'a:xfrm').length > 0)).length,
      emptyLines: drawings.flatMap((part) => all(opc.xml(part), 'a:ln').filter((line) => !line.hasChildNodes() && line.attributes.length === 0)).length,
      // Space between elements; text holds its own.
      spaces: drawings.filter((part) => />\s+</.test(new XMLSerializer().serializeToString(opc.xml(part).documentElement!).replace(/<a:t>[^<]*<\/a:t>/g, ''))).length,
    });
    expect(drawings.filter((part) => part.includes('notesMaster'))).toHaveLength(1);
    const before = found();
    expect(before.transforms).toBe(drawings.length);
    expect(before.emptyLines).toBeGreaterThan(0);
    expect(before.spaces).toBeGreaterThan(0);
    const texts = drawings.map((part) => all(opc.xml(part), 'a:t').map((text) => text.textContent));
    const lines = drawings.flatMap((part) => all(opc.xml(part), 'a:ln').filter((line) => line.hasChildNodes()).length);
    await run();
    expect(found()).toEqual({ transforms: 0, emptyLines: 0, spaces: 0 });
    expect(drawings.map((part) => all(opc.xml(part), 'a:t').map((text) => text.textContent))).toEqual(texts);
    expect(drawings.flatMap((part) => all(opc.xml(part), 'a:ln').filter((line) => line.hasChildNodes()).length)).toEqual(lines);
    for (const part of drawings) expect(partViolations(new XMLSerializer().serializeToString(opc.xml(part))), part).toEqual([]);
  });

  itPass('theme colours and fonts', async () => {
    const { opc, run } = await upTo('theme colours and fonts');
    const theme = () => opc.xml('ppt/theme/theme1.xml');
    const colour = (slot: string) => first(theme(), 'a:clrScheme')!.getElementsByTagNameNS(NS.a, slot)[0]!.getElementsByTagNameNS(NS.a, 'srgbClr')[0]?.getAttribute('val');
    const typeface = (font: QName) => first(first(theme(), font)!, 'a:latin')!.getAttribute('typeface');
    const officeNamed = () => Array.from(theme().getElementsByTagName('*')).filter((element) => element.getAttribute('name') === 'Office Theme');
    const { scheme } = syntax.placed;
    expect(colour('accent1')).not.toBe(scheme.accents[0]);
    expect(typeface('a:majorFont')).not.toBe(scheme.headingFont);
    expect(officeNamed()).not.toEqual([]);
    await run();
    expect(['dk1', 'lt1', 'dk2', 'lt2', 'hlink'].map(colour)).toEqual([scheme.dark1, scheme.light1, scheme.dark2, scheme.light2, scheme.link]);
    expect(scheme.accents.map((_accent, index) => colour(`accent${index + 1}`))).toEqual(scheme.accents);
    expect([typeface('a:majorFont'), typeface('a:minorFont')]).toEqual([scheme.headingFont, scheme.bodyFont]);
    expect(officeNamed()).toEqual([]);
    expect(theme().documentElement!.getAttribute('name')).toBe(scheme.name);
  });

  itPass('scheme colours in layouts', async () => {
    const { opc, run } = await upTo('scheme colours in layouts');
    const layouts = () => opc.names().filter((name) => /^ppt\/slideLayouts\/[^/]+\.xml$/.test(name)).map((name) => opc.xml(name));
    const backgroundFill = (document: ReturnType<OpcPackage['xml']>) => first(first(document, 'p:bg')!, 'a:solidFill')!;
    const { scheme } = syntax.placed;
    // Content layouts paint the scheme's first light colour, written as a value.
    expect(layouts().map((document) => first(backgroundFill(document), 'a:srgbClr')?.getAttribute('val'))).toContain(scheme.light1);
    await run();
    const slots = layouts().map((document) => first(backgroundFill(document), 'a:schemeClr')?.getAttribute('val'));
    expect(slots).toContain('bg1');
    // No colour the scheme has is left as a value in any layout.
    const schemeValues = new Set([scheme.dark1, scheme.light1, scheme.dark2, scheme.light2, scheme.link, ...scheme.accents]);
    const values = layouts().flatMap((document) => all(document, 'a:srgbClr').map((color) => color.getAttribute('val')!));
    expect(values.filter((value) => schemeValues.has(value))).toEqual([]);
  });

  itPass('notes master in the notes style', async () => {
    const { opc, run } = await upTo('notes master in the notes style');
    const master = 'ppt/notesMasters/notesMaster1.xml';
    const level = (number: number) => first(first(opc.xml(master), 'p:notesStyle')!, `a:lvl${number}pPr` as QName)!;
    const size = (number: number) => first(level(number), 'a:defRPr')!.getAttribute('sz');
    const secondBefore = new XMLSerializer().serializeToString(level(2));
    expect(size(1)).toBe('1200');
    expect(first(level(1), 'a:srgbClr')).toBeUndefined();
    await run();
    const { notes, lang } = syntax.placed;
    expect(size(1)).toBe(String(notes.style.sizePt * 100));
    // Black on the notes page in every theme, spaced as notes paragraphs are, in the deck's language.
    expect(first(level(1), 'a:defRPr')!.getAttribute('lang')).toBe(lang);
    expect(first(first(level(1), 'a:defRPr')!, 'a:srgbClr')?.getAttribute('val')).toBe('000000');
    expect(first(first(level(1), 'a:spcAft')!, 'a:spcPts')!.getAttribute('val')).toBe(String(notes.levels[0]!.spaceAfterPt * 100));
    // The master's notes placeholder, whose list style LibreOffice reads, says the same.
    const placeholderLevel = first(all(opc.xml(master), 'p:sp').find((shape) => first(shape, 'p:ph')?.getAttribute('type') === 'body')!, 'a:lvl1pPr')!;
    expect(new XMLSerializer().serializeToString(placeholderLevel)).toBe(new XMLSerializer().serializeToString(level(1)));
    // Deeper levels are the master's own: notes written there are set in full.
    expect(new XMLSerializer().serializeToString(level(2))).toBe(secondBefore);
    expect(partViolations(new XMLSerializer().serializeToString(opc.xml(master)))).toEqual([]);
  });

  itPass('the deck\'s table style', async () => {
    const { opc, run } = await upTo('the deck\'s table style');
    const styles = 'ppt/tableStyles.xml';
    expect(all(opc.xml(styles), 'a:tblStyle')).toEqual([]);
    await run();
    const list = opc.xml(styles).documentElement!;
    const [style, ...more] = all(list, 'a:tblStyle');
    expect(more).toEqual([]);
    // The deck's style is the default one, so that a table inserted by hand takes it too.
    expect(list.getAttribute('def')).toBe(style!.getAttribute('styleId'));
    expect(style!.getAttribute('styleName')).toBe(syntax.placed.tableStyle.name);
    expect(children(style!, 'a:wholeTbl')).toHaveLength(1);
    expect(partViolations(new XMLSerializer().serializeToString(opc.xml(styles)))).toEqual([]);
    // The id follows from the look: the same theme gives the same id, another theme another.
    const again = OpcPackage.unzip(await writeWithPptxgen(syntax.placed));
    writeTableStyle(again, syntax.placed);
    expect(first(again.xml(styles), 'a:tblStyle')!.getAttribute('styleId')).toBe(style!.getAttribute('styleId'));
    const other = { ...syntax.placed, tableStyle: { ...syntax.placed.tableStyle, stripe: '123456' } };
    writeTableStyle(again, other);
    expect(first(again.xml(styles), 'a:tblStyle')!.getAttribute('styleId')).not.toBe(style!.getAttribute('styleId'));
  });

  it.skipIf(!hasPandoc())("the deck's table style on a template: its colours are values, as the template's theme has slots of its own", async () => {
    const branded = brandedSyntax();
    const opc = OpcPackage.unzip(await writeWithPptxgen(branded.placed));
    writeTableStyle(opc, branded.placed);
    const style = first(opc.xml('ppt/tableStyles.xml'), 'a:tblStyle')!;
    expect(all(style, 'a:schemeClr')).toEqual([]);
    const { border, header, headerText, stripe } = branded.placed.tableStyle;
    expect(new Set(all(style, 'a:srgbClr').map((color) => color.getAttribute('val')))).toEqual(new Set([border, header, headerText, stripe]));
  });

  itPass('text bodies, notes and links', async () => {
    const { opc, run } = await upTo('text bodies, notes and links');
    const marks = slideWhere(syntax, anchored('inline-marks'));
    const table = slideWhere(syntax, anchored('a-table'));
    const headerCells = (whole = false) => all(opc.xml(table, whole), 'a:tc').slice(0, 3).map((cell) => textOf(cell, 'a:t').join(''));
    expect(shapeNamed(opc.xml(marks), 'Body', marks).textContent).toBe('');
    expect(headerCells()).toEqual([' ', ' ', ' ']);
    await run();
    expect(shapeNamed(opc.xml(marks, true), 'Body', marks).textContent).toContain('Links are clickable');
    expect(new Set([...all(opc.xml(marks, true), 'a:rPr'), ...all(opc.xml(marks, true), 'a:endParaRPr')].map((run) => run.getAttribute('lang')))).toEqual(new Set(['en-GB']));
    const external = relationships(opc, marks).filter((relationship) => relationship.external);
    expect(external).toEqual([{ id: expect.any(String), type: expect.stringMatching(/\/hyperlink$/), target: 'https://example.org', external: true }]);
    expect(all(opc.xml(marks, true), 'a:hlinkClick').map((click) => click.getAttributeNS(NS.r, 'id'))).toEqual([external[0]!.id]);
    // The bodies are written when the part is serialised; read whole, they are in the document.
    expect(headerCells(true)).toEqual(['Construct', 'Markdown', 'Slide']);
    expect(textOf(opc.xml(notesPart(0), true), 'p:txBody').join('')).toContain('This deck is the syntax reference');
    // Each notes page is written whole: the slide's picture, the notes and the page's number, placeholders of the notes master.
    const notesPage = opc.xml(notesPart(0));
    expect(all(notesPage, 'p:ph').map(phText)).toEqual(['sldImg', 'body 1', 'sldNum 10']);
    expect(textOf(notesPage, 'a:fld')).toEqual(['1']);
    expect(new Set([...all(notesPage, 'a:rPr'), ...all(notesPage, 'a:endParaRPr')].map((run) => run.getAttribute('lang')))).toEqual(new Set(['en-GB']));
    expect(partViolations(new XMLSerializer().serializeToString(notesPage))).toEqual([]);
    // A slide without notes loses the notes page pptxgenjs gave it, and its link to it.
    const silent = syntax.placed.slides.findIndex((slide) => slide.notes.length === 0);
    expect(silent).toBeGreaterThan(0);
    expect(opc.has(notesPart(silent))).toBe(false);
    expect(targets(opc, slidePart(silent), '/notesSlide')).toEqual([]);
    expect(targets(opc, slidePart(0), '/notesSlide')).toEqual([notesPart(0)]);

    // A link to a heading jumps to that heading's slide, from the slide and from its notes.
    const linked = await upTo('text bodies, notes and links', small);
    const [from, to] = [slideWhere(small, anchored('start')), slideWhere(small, anchored('the-end'))];
    // pptxgenjs describes a picture without alt text by its file path, which a screen reader would read out.
    const description = () => first(shapeNamed(linked.opc.xml(to), 'Picture', to), 'p:cNvPr')!.getAttribute('descr');
    expect(description()).toMatch(/dot\.gif$/);
    await linked.run();
    expect(description()).toBe('');
    expect(targets(linked.opc, from, '/slide')).toEqual([to]);
    expect(targets(linked.opc, notesPart(0), '/slide')).toContain(to);
    expect(all(linked.opc.xml(from, true), 'a:hlinkClick').map((click) => click.getAttribute('action'))).toEqual(['ppaction://hlinksldjump']);
    expect(new Set(all(linked.opc.xml(notesPart(0), true), 'a:rPr').map((run) => run.getAttribute('lang')))).toEqual(new Set(['de-DE']));
  });

  itPass('picture crops', async () => {
    const { opc, run } = await upTo('picture crops');
    const index = syntax.placed.slides.findIndex((slide) => slide.background.crop);
    const background = () => first(first(opc.xml(slidePart(index)), 'p:bg')!, 'a:blipFill')!;
    const none = { left: 0, top: 0, right: 0, bottom: 0 };
    expect(crops(background())).toEqual([none]);
    await run();
    expect(crops(background())).toEqual([syntax.placed.slides[index]!.background.crop]);
    expect(childNames(background())).toEqual(['a:blip', 'a:srcRect', 'a:stretch']);

    // A described background picture is a picture frame, cropped the same way.
    const framed = await upTo('picture crops', small);
    const frame = small.placed.slides[0]!.frames.find((candidate): candidate is ImageFrame => candidate.kind === 'image')!;
    const fill = () => first(shapeNamed(framed.opc.xml(slidePart(0)), frame.name, slidePart(0)), 'p:blipFill')!;
    expect(frame.crop).toBeDefined();
    expect(crops(fill())).toEqual([]);
    await framed.run();
    expect(crops(fill())).toEqual([frame.crop]);
    expect(childNames(fill()).slice(-2)).toEqual(['a:srcRect', 'a:stretch']);
  });

  itPass('slide placeholders', async () => {
    const { opc, run } = await upTo('slide placeholders');
    const cover = slidePart(0);
    const marks = slideWhere(syntax, anchored('inline-marks'));
    const roles = () => [
      ...['Title', 'Subtitle', 'Author'].map((shape) => placeholder(opc, cover, shape)),
      ...['Title', 'Body', 'Footnotes', 'Footer', 'Slide Number'].map((shape) => placeholder(opc, marks, shape)),
    ];
    expect(roles().filter(Boolean)).toEqual([]);
    await run();
    expect(roles()).toEqual(['title', 'body 1', undefined, 'title', 'body 1', undefined, 'ftr 11', 'sldNum 12']);
    // A placeholder is locked against grouping, as PowerPoint's own are.
    expect(first(shapeNamed(opc.xml(marks), 'Title', marks), 'a:spLocks')?.getAttribute('noGrp')).toBe('1');
    // It takes its rectangle and its lack of fill from its layout's placeholder, and its place
    // where that is the layout's: a one-line title. The body, set to its text's height, keeps
    // its own, and so do the footer and the number, which LibreOffice would otherwise draw in
    // the master's style or, on a slide without a title, not at all.
    const properties = (shape: string) => childNames(first(shapeNamed(opc.xml(marks), shape, marks), 'p:spPr')!);
    expect(properties('Title').filter((name) => name !== 'a:ln')).toEqual([]);
    for (const shape of ['Body', 'Footer', 'Slide Number']) expect(properties(shape), shape).toContain('a:xfrm');
    expect(childNames(first(shapeNamed(opc.xml(marks), 'Footnotes', marks), 'p:spPr')!)).toContain('a:prstGeom');
  });

  itPass('layout shapes hidden where a slide draws its own', async () => {
    const { opc, run } = await upTo('layout shapes hidden where a slide draws its own', small);
    const hiding = () => small.placed.slides.map((_slide, index) => opc.xml(slidePart(index)).documentElement!.getAttribute('showMasterSp'));
    expect(hiding()).toEqual([null, null, null, null]);
    await run();
    // The slide whose title fits one line shows its layout's rule, and the one whose title takes
    // two lines its layout's variant's. The slide over a picture (which would cover the layout's)
    // and the one without a title hide their layout's shapes, and draw their own rule where they have one.
    expect(hiding()).toEqual(['0', null, null, '0']);
    expect(small.placed.slides.map((slide) => slide.frames.filter((frame) => frame.name === 'Title Rule').length)).toEqual([1, 0, 0, 0]);
    expect(small.placed.slides.map((slide) => slide.variant)).toEqual([undefined, undefined, 'two-line title', undefined]);
  });

  it("layout shapes hidden where a slide draws its own: the logo a slide draws in its layout's place is decorative", async () => {
    const { placed, opc } = await logoDeck();
    for (const [index, slide] of placed.slides.entries()) {
      expect(slide.frames[0]).toMatchObject({ name: 'Logo', decorative: true });
      const properties = first(shapeNamed(opc.xml(slidePart(index)), 'Logo', slidePart(index)), 'p:cNvPr')!;
      expect(properties.hasAttribute('descr')).toBe(false);
      expect(all(properties, 'a:ext').map((extension) => extension.getAttribute('uri'))).toEqual(['{C183D7F6-B498-43B3-948B-1728B52AA6E4}']);
      expect(properties.getElementsByTagNameNS('http://schemas.microsoft.com/office/drawing/2017/decorative', 'decorative')[0]?.getAttribute('val')).toBe('1');
      expect(partViolations(new XMLSerializer().serializeToString(opc.xml(slidePart(index))))).toEqual([]);
    }
    // The layouts' own logo keeps its description.
    const layout = layoutNamed(opc, 'Title and Content');
    expect(first(shapeNamed(opc.xml(layout), 'Logo', layout), 'p:cNvPr')!.getAttribute('descr')).toBe('default logo');
  });

  it.skipIf(!hasPandoc())("layout shapes hidden where a slide draws its own: none on a template, which draws no rule", async () => {
    const branded = brandedSyntax();
    const { opc, run } = await upTo('layout shapes hidden where a slide draws its own', branded);
    await run();
    expect(branded.placed.slides.filter((slide) => slide.hidesLayoutShapes)).toEqual([]);
    expect(branded.placed.slides.filter((_slide, index) => opc.xml(slidePart(index)).documentElement!.hasAttribute('showMasterSp'))).toEqual([]);
  });

  itPass('no boilerplate on slides', async () => {
    const { opc, run } = await upTo('no boilerplate on slides');
    const table = slideWhere(syntax, anchored('a-table'));
    const slides = numbered(opc, /^ppt\/slides\/slide\d+\.xml$/);
    const found = () => {
      const documents = slides.map((part) => opc.xml(part, true));
      return {
        names: documents.filter((document) => first(document, 'p:cSld')!.hasAttribute('name')).length,
        transforms: documents.filter((document) => children(first(document, 'p:spTree')!, 'p:grpSpPr').some((group) => children(group, 'a:xfrm').length > 0)).length,
        overrides: documents.filter((document) => first(document, 'p:clrMapOvr')).length,
        emptyLines: documents.flatMap((document) => all(document, 'a:ln').filter((line) => !line.hasChildNodes() && line.attributes.length === 0)).length,
        revisions: all(opc.xml(table, true), 'p:nvGraphicFramePr').flatMap((frame) => all(frame, 'p:extLst')).length,
      };
    };
    const before = found();
    expect(before.names).toBe(slides.length);
    expect(before.transforms).toBe(slides.length);
    expect(before.overrides).toBe(slides.length);
    expect(before.emptyLines).toBeGreaterThan(0);
    expect(before.revisions).toBeGreaterThan(0);
    const lines = slides.flatMap((part) => all(opc.xml(part, true), 'a:ln').filter((line) => line.hasChildNodes()).length);
    await run();
    expect(found()).toEqual({ names: 0, transforms: 0, overrides: 0, emptyLines: 0, revisions: 0 });
    // Lines that say something stay.
    expect(slides.flatMap((part) => all(opc.xml(part, true), 'a:ln').filter((line) => line.hasChildNodes()).length)).toEqual(lines);
    for (const part of slides) expect(partViolations(new XMLSerializer().serializeToString(opc.xml(part, true))), part).toEqual([]);
  });

  itPass('tables in the table style', async () => {
    const { opc, run } = await upTo('tables in the table style');
    const part = slideWhere(syntax, anchored('a-table'));
    const table = () => first(opc.xml(part, true), 'a:tbl')!;
    const sides = () => all(table(), 'a:tcPr').flatMap((cell) => ['a:lnL', 'a:lnR', 'a:lnT', 'a:lnB'].flatMap((side) => children(cell, side as QName)));
    expect(sides().length).toBe(4 * all(table(), 'a:tc').length);
    await run();
    const properties = first(table(), 'a:tblPr')!;
    expect([properties.getAttribute('firstRow'), properties.getAttribute('bandRow')]).toEqual(['1', '1']);
    expect(first(properties, 'a:tableStyleId')!.textContent).toBe(first(opc.xml('ppt/tableStyles.xml'), 'a:tblStyle')!.getAttribute('styleId'));
    // pptxgenjs's "no line" on every side would hide the style's lines.
    expect(sides()).toEqual([]);
    // Each cell keeps its margins, and its text stands at the top, as a cell's does by default.
    const frame = syntax.placed.slides.flatMap((slide) => slide.frames).find((candidate) => candidate.kind === 'table')!;
    for (const cell of all(table(), 'a:tcPr')) expect([cell.getAttribute('marL'), cell.getAttribute('anchor') || 't']).toEqual([String(inchesToEmu(frame.insetInches)), 't']);
    expect(partViolations(new XMLSerializer().serializeToString(opc.xml(part, true)))).toEqual([]);
  });

  itPass('shape ids on slides', async () => {
    const { opc, run } = await upTo('shape ids on slides');
    const slides = numbered(opc, /^ppt\/slides\/slide\d+\.xml$/);
    // pptxgenjs numbers a table apart from the other shapes, so it can take another shape's id.
    const table = slideWhere(syntax, anchored('a-table'));
    const inOrder = (part: string) => ids(opc, part).map((_id, index) => String(index + 1));
    expect(ids(opc, table)).not.toEqual(inOrder(table));
    await run();
    expect(slides).toHaveLength(syntax.placed.slides.length);
    for (const part of slides) expect(ids(opc, part), part).toEqual(inOrder(part));
  });

  itPass('scheme colours in accent rules', async () => {
    const { opc, run } = await upTo('scheme colours in accent rules', small);
    // A title rule that a long title moved is the slide's own: it names the accent from the scheme, as the layouts do.
    const moved = slideWhere(small, (slide) => slide.frames.some((frame) => frame.name === 'Title Rule') && slide.hidesLayoutShapes === true);
    const rule = () => first(shapeNamed(opc.xml(moved), 'Title Rule', moved), 'a:solidFill')!;
    expect(first(rule(), 'a:srgbClr')?.getAttribute('val')).toBe(small.placed.scheme.accents[0]);
    await run();
    expect(first(rule(), 'a:schemeClr')?.getAttribute('val')).toBe('accent1');
  });

  itPass('template masters and layouts', async () => {
    // Without a template the pass leaves the package as it is.
    const { opc, run } = await upTo('template masters and layouts');
    const contents = () => new Map(opc.names().map((name) => [name, opc.bytes(name)]));
    const before = contents();
    await run();
    expect(contents()).toEqual(before);
  });

  it.skipIf(!hasPandoc())("template masters and layouts: a template's masters and layouts replace deckdown's own", async () => {
    const branded = brandedSyntax();
    const template = branded.placed.template!;
    const { opc, run } = await upTo('template masters and layouts', branded);
    const masters = () => targets(opc, 'ppt/presentation.xml', '/slideMaster');
    const branding = () => masters().map((master) => all(opc.xml(master), 'p:cNvPr').some((element) => element.getAttribute('name') === 'Brand Bar'));
    const names = () => layoutParts(opc).map((part) => layoutName(opc, part)).sort();
    expect(branding()).toEqual([false]);
    expect(names()).toEqual(branded.placed.layouts.map((layout) => layout.name).sort());
    await run();
    expect(branding()).toEqual(template.template.masters.map(() => true));
    expect(names()).toEqual(template.template.layouts.map((layout) => layout.name).sort());
    branded.placed.slides.forEach((slide, index) => {
      const [layout] = targets(opc, slidePart(index), '/slideLayout');
      expect(layoutName(opc, layout!), slidePart(index)).toBe(template.layouts[slide.layout].name);
    });
    // The template's theme keeps its own colour for visited links: a link keeps the colour deckdown gave it.
    const links = all(opc.xml(slideWhere(branded, anchored('inline-marks')), true), 'a:hlinkClick');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(first(link, 'a:extLst')).toBeDefined();
  });

  itPass('presentation in schema order', async () => {
    const { opc, run } = await upTo('presentation in schema order');
    const order = () => childNames(opc.xml('ppt/presentation.xml').documentElement!);
    expect(order().indexOf('p:notesMasterIdLst')).toBeGreaterThan(order().indexOf('p:sldIdLst'));
    await run();
    expect(order()).toEqual(['p:sldMasterIdLst', 'p:notesMasterIdLst', 'p:sldIdLst', 'p:sldSz', 'p:notesSz', 'p:defaultTextStyle']);
  });

  itPass('one part for each picture', async () => {
    const { opc, run } = await upTo('one part for each picture', small);
    const media = () => opc.names().filter((name) => name.startsWith('ppt/media/'));
    const pictures = (index: number) => targets(opc, slidePart(index), '/image');
    const dots = [1, 3].map((index) => small.placed.slides[index]!.frames.find((frame) => frame.kind === 'image')).map((frame) => (frame as ImageFrame).path);
    expect(dots[0]).toBe(dots[1]);
    // pptxgenjs writes the dot once for each slide that shows it.
    const before = media();
    const copies = [...pictures(1), ...pictures(3)];
    expect(copies).toHaveLength(2);
    expect(copies[0]).not.toBe(copies[1]);
    expect(opc.bytes(copies[0]!)).toEqual(opc.bytes(copies[1]!));
    await run();
    // The first in the package is kept, and both slides show it.
    const kept = before.find((name) => copies.includes(name))!;
    expect([pictures(1), pictures(3)]).toEqual([[kept], [kept]]);
    expect(media()).toEqual(before.filter((name) => name === kept || !copies.includes(name)));
    // Every relationship of the package still points at a part it has.
    for (const rels of opc.names().filter((name) => name.endsWith('.rels'))) {
      for (const target of targets(opc, sourceOf(rels))) expect(opc.has(target), `${rels} → ${target}`).toBe(true);
    }
  });

  itPass('SVG fallbacks', async () => {
    const { opc, run } = await upTo('SVG fallbacks');
    const pngParts = opc.names().filter((name) => name.startsWith('ppt/media/') && name.endsWith('.png'));
    const svgParts = opc.names().filter((name) => name.startsWith('ppt/media/') && name.endsWith('.svg'));
    const fallbacks = pngParts.filter((name) => !isPng(opc.bytes(name)));
    const svgs = svgParts.map((name) => opc.bytes(name));
    expect(fallbacks).toHaveLength(1);
    expect(new TextDecoder().decode(opc.bytes(fallbacks[0]!))).toMatch(/<svg[\s>]/);
    await run();
    expect(pngParts.filter((name) => !isPng(opc.bytes(name)))).toEqual([]);
    expect(Math.max(...pngSize(opc.bytes(fallbacks[0]!)))).toBe(1600);
    // The SVG itself stays as drawn.
    expect(svgParts.map((name) => opc.bytes(name))).toEqual(svgs);
  });

  it("one part for each picture: a theme's logo, on its layouts and on the slides that hide theirs, is stored once", async () => {
    const { placed, opc } = await logoDeck();
    const bytes = new Uint8Array(readFileSync(LOGO));
    const copies = opc.names().filter((name) => name.startsWith('ppt/media/') && Buffer.compare(opc.bytes(name), bytes) === 0);
    expect(copies).toHaveLength(1);
    expect(placed.slides.map((_slide, index) => targets(opc, slidePart(index), '/image'))).toEqual([copies, copies]);
  });

  itPass('document properties', async () => {
    const { opc, run } = await upTo('document properties');
    const app = () => new XMLSerializer().serializeToString(opc.xml('docProps/app.xml'));
    const withNotes = syntax.placed.slides.filter((slide) => slide.notes.length > 0).length;
    expect(coreText(opc, 'dc:creator')).toBe('PptxGenJS');
    // pptxgenjs's fonts, theme and slide titles are not the deck's.
    expect(app()).toContain('<Company>PptxGenJS</Company>');
    expect(app()).toContain('<vt:lpstr>Calibri</vt:lpstr>');
    expect(app()).toContain('<vt:lpstr>Slide 1</vt:lpstr>');
    expect(withNotes).toBeLessThan(syntax.placed.slides.length);
    await run();
    const { title, author, lang } = syntax.properties;
    expect(['dc:title', 'dc:creator', 'cp:lastModifiedBy', 'dc:language', 'dcterms:created', 'dcterms:modified'].map((tag) => coreText(opc, tag))).toEqual([title, author, author, lang, STAMP, STAMP]);
    // What wrote the deck, and the slides and notes pages it has: one notes page per slide with notes.
    expect(app()).toBe(`${XML_DECLARATION}<Properties xmlns="${NS.ep}"><Application>deckdown</Application><Slides>${syntax.placed.slides.length}</Slides><Notes>${withNotes}</Notes></Properties>`);
    expect(partViolations(app())).toEqual([]);
  });

  itPass('content types of existing parts', async () => {
    const { opc, run } = await upTo('content types of existing parts');
    const existing = () => overrides(opc).filter((name) => opc.has(name));
    const kept = existing();
    expect(overrides(opc).filter((name) => !opc.has(name))).not.toEqual([]);
    await run();
    expect(overrides(opc)).toEqual(kept);
  });

  itPass('embedded workbooks dated', async () => {
    const { opc, run } = await upTo('embedded workbooks dated');
    const workbooks = () => numbered(opc, /^ppt\/embeddings\/.*\.xlsx$/).map((name) => opc.bytes(name));
    const stamps = () => workbooks().flatMap((bytes) => ['dcterms:created', 'dcterms:modified'].map((tag) => OpcPackage.unzip(bytes).xml('docProps/core.xml').getElementsByTagName(tag)[0]?.textContent));
    expect(workbooks()).toHaveLength(2);
    const dates = () => new Set(workbooks().flatMap(entryDates));
    expect(stamps()).not.toContain(STAMP);
    expect(dates()).not.toEqual(new Set([DOS_1980_01_01]));
    await run();
    expect(stamps()).toEqual([STAMP, STAMP, STAMP, STAMP]);
    expect(dates()).toEqual(new Set([DOS_1980_01_01]));
  });

  it('a build that finishes slide by slide writes the package each pass would write over the whole package in turn', async () => {
    const decks = [syntax, small];
    if (hasPandoc()) {
      const dir = mkdtempSync(join(tmpdir(), 'deckdown-passes-'));
      writeFileSync(join(dir, 'brand.potx'), brandedTemplate());
      decks.push(build(syntaxSource, join(dir, 'brand.potx')));
      rmSync(dir, { recursive: true });
    }
    for (const deck of decks) {
      const passByPass = OpcPackage.unzip(await writeWithPptxgen(deck.placed));
      for (const pass of RENDER_PASSES) await pass.run(passByPass, deck.placed, deck.properties, DEFAULT_LIMITS);
      const built = await completePackage(deck.placed, deck.properties, DEFAULT_LIMITS);
      expect(built.names()).toEqual(passByPass.names());
      for (const name of built.names()) expect(new TextDecoder().decode(built.bytes(name)), name).toBe(new TextDecoder().decode(passByPass.bytes(name)));
      expect(Buffer.from(built.zip()).equals(Buffer.from(passByPass.zip()))).toBe(true);
    }
    // The slide passes come together, or no slide could be finished before the next.
    const slideWise = RENDER_PASSES.map((pass) => (pass.forSlides ? 'S' : '-')).join('');
    expect(slideWise).toMatch(/^-+S+-+$/);
  });

  it('names every pass once, and each has its test above', () => {
    const names = RENDER_PASSES.map((pass) => pass.name);
    expect(new Set(names).size).toBe(names.length);
    expect(tested).toEqual(names);
  });
});
