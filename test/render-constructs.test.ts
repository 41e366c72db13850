import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTheme, markdownToPptx } from '../src/index.js';
import { readPackage, shapeText, slideNames, structuralProblems } from './helpers/package.js';

const path = new URL('../content/syntax.md', import.meta.url).pathname;
const theme = loadTheme('default');
let parts: Map<string, string>;
let bytes: Uint8Array;
let titles: string[];

/** The slide whose title shape reads `title`. */
function slide(title: string): string {
  const index = titles.indexOf(title);
  expect(index, `a slide titled "${title}"`).toBeGreaterThanOrEqual(0);
  return parts.get(slideNames(parts)[index]!)!;
}

function rels(title: string): string {
  const name = slideNames(parts)[titles.indexOf(title)]!;
  return parts.get(name.replace('slides/', 'slides/_rels/').replace(/\.xml$/, '.xml.rels'))!;
}

beforeAll(async () => {
  const result = await markdownToPptx(readFileSync(path, 'utf8'), { path });
  expect(result.messages).toEqual([]);
  bytes = result.pptx;
  parts = readPackage(bytes);
  titles = slideNames(parts).map((name) => shapeText(parts.get(name)!, 'Title') ?? '');
});

describe('content/syntax.md renders every construct natively', () => {
  it('passes the structural check', () => {
    expect(structuralProblems(parts)).toEqual([]);
  });

  it('writes a GFM table as a native table in the deck\'s table style, with a bold header row and column alignment', () => {
    const xml = slide('A table');
    expect(xml).toContain('<a:tbl>');
    expect(xml.match(/<a:tr /g)).toHaveLength(5);
    const header = xml.slice(xml.indexOf('<a:tr '), xml.indexOf('</a:tr>'));
    expect(header).toMatch(/<a:rPr[^>]* b="1"[^>]*>.*?<a:t>Construct<\/a:t>/);
    // Borders and fills are the table style's, with its header row and bands on: the cells have none of their own to hide them.
    const id = xml.match(/<a:tblPr firstRow="1" bandRow="1"><a:tableStyleId>(\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\})<\/a:tableStyleId><\/a:tblPr>/)?.[1];
    expect(id).toBeDefined();
    const table = xml.slice(xml.indexOf('<a:tbl>'), xml.indexOf('</a:tbl>'));
    expect(table).not.toMatch(/<a:ln[LRTB][ >]/);
    expect(table.match(/<a:tcPr[^>]*\/>/g)).toHaveLength(table.match(/<a:tc>/g)!.length);
    // The style is the deck's default, so that a table inserted by hand looks the same.
    const styles = parts.get('ppt/tableStyles.xml')!;
    expect(styles).toContain(`def="${id}"`);
    const style = styles.slice(styles.indexOf(`<a:tblStyle styleId="${id}"`), styles.indexOf('</a:tblStyle>'));
    const slots = new Map([...parts.get('ppt/theme/theme1.xml')!.matchAll(/<a:(dk1|lt1|dk2|lt2|accent\d|hlink)><a:srgbClr val="([0-9A-F]{6})"\/>/g)].map((match) => [match[1]!, match[2]!]));
    const SLOT: Record<string, string> = { tx1: 'dk1', bg1: 'lt1', tx2: 'dk2', bg2: 'lt2' };
    const hex = (color: string | undefined) => {
      const [, kind, value] = color?.match(/<a:(srgbClr|schemeClr) val="([^"]+)"\/>/) ?? [];
      return kind === 'srgbClr' ? value : slots.get(SLOT[value!] ?? value!);
    };
    const fill = (part: string) => hex(style.match(new RegExp(`<a:${part}>(?:<a:tcTxStyle[^>]*>.*?</a:tcTxStyle>)?<a:tcStyle><a:tcBdr/><a:fill><a:solidFill>(<a:[a-zA-Z]+ val="[^"]+"/>)`))?.[1]);
    // Only these parts of a table: the whole table, the header row and the even bands.
    expect([...style.matchAll(/<a:(\w+)><a:(?:tcStyle|tcTxStyle)/g)].map((match) => match[1])).toEqual(['wholeTbl', 'band2H', 'firstRow']);
    expect(fill('firstRow')).toBe(theme.colors.tableHeaderBackground);
    // A table inserted by hand has no runs of its own to say so: the style sets its header bold, in the header's text colour.
    expect(hex(style.match(/<a:firstRow><a:tcTxStyle b="on">(<a:[a-zA-Z]+ val="[^"]+"\/>)<\/a:tcTxStyle>/)?.[1])).toBe(theme.colors.tableHeaderText);
    // Below the header, the second, fourth, … rows are the striped ones.
    expect(fill('band2H')).toBe(theme.colors.tableStripe);
    for (const side of ['left', 'right', 'top', 'bottom', 'insideH', 'insideV']) {
      expect(hex(style.match(new RegExp(`<a:${side}><a:ln w="9525"><a:solidFill>(<a:[a-zA-Z]+ val="[^"]+"/>)</a:solidFill></a:ln></a:${side}>`))?.[1]), side).toBe(theme.colors.tableBorder);
    }
    expect(xml).toMatch(/<a:pPr[^>]*algn="ctr"[^>]*>.*?<a:t>## Title<\/a:t>/);
    expect(xml).toMatch(/<a:pPr[^>]*algn="r"[^>]*>.*?<a:t>native table<\/a:t>/);
  });

  it('writes charts as native charts with their data', () => {
    const chartPart = (title: string) => rels(title).match(/Target="\/?(?:\.\.\/)?(?:ppt\/)?charts\/(chart\d+\.xml)"/)?.[1];
    const chartRel = chartPart('A native chart');
    expect(chartRel).toBeDefined();
    const chart = parts.get(`ppt/charts/${chartRel}`)!;
    expect(chart).toContain('<c:barChart>');
    expect(chart).toMatch(/<c:v>2008<\/c:v>/);
    expect(chart).toMatch(/<c:v>8<\/c:v>/);
    const doughnut = parts.get(`ppt/charts/${chartPart('A doughnut chart')}`)!;
    expect(doughnut).toContain('<c:doughnutChart>');
    expect(slide('A native chart')).toContain('<c:chart ');
  });

  it('draws charts in the theme\'s colours: labelled bars without a value axis or gridlines, labels in the text colour', () => {
    const chartOf = (title: string) => parts.get(`ppt/charts/${rels(title).match(/charts\/(chart\d+\.xml)"/)![1]}`)!;
    const bars = chartOf('A native chart');
    expect(bars).not.toContain('<c:majorGridlines');
    expect(bars).toMatch(/<c:valAx>.*<c:delete val="1"\/>.*<\/c:valAx>/s);
    const labels = bars.slice(bars.indexOf('<c:dLbls>'), bars.indexOf('</c:dLbls>'));
    expect(labels).toContain('<c:showVal val="1"/>');
    expect(labels).toContain(`<a:srgbClr val="${theme.colors.text}"/>`);
    // On a doughnut's slices: each label in the text or the background colour, whichever reads on its slice.
    const doughnut = chartOf('A doughnut chart');
    const onSlices = [...doughnut.matchAll(/<c:dLbl>.*?<a:srgbClr val="(\w+)"\/>/gs)].map((match) => match[1]);
    expect(onSlices).toEqual([theme.colors.background, theme.colors.text]);
  });

  it('places pictures with their alt text as the description, SVG with a real PNG fallback', () => {
    expect(slide('A picture beside text')).toContain('descr="The pipeline: Markdown, outline, layout, pptx"');
    const sized = slide('Sized pictures');
    expect(sized).toContain('descr="A golden sun on sky blue, drawn as SVG"');
    expect(sized).toContain('<asvg:svgBlip');
    const files = unzipSync(bytes);
    const fallbacks = rels('Sized pictures').match(/Target="\.\.\/media\/([^"]+\.png)"/g)!;
    for (const target of fallbacks) {
      const data = files[`ppt/media/${target.match(/media\/([^"]+)"/)![1]}`]!;
      expect([...data.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    }
  });

  it('keeps the picture aspect ratio', () => {
    const xml = slide('Sized pictures');
    const extent = xml.match(/<p:pic>.*?<a:ext cx="(\d+)" cy="(\d+)"\/>/)!;
    expect(Number(extent[1]) / Number(extent[2])).toBeCloseTo(400 / 300, 2);
  });

  it('colours code runs from the theme', () => {
    const xml = slide('Code');
    expect(xml).toContain(`<a:srgbClr val="${theme.colors.syntax.keyword}"/></a:solidFill><a:latin typeface="${theme.fonts.mono}"/>`);
    expect(xml).toContain(`<a:srgbClr val="${theme.colors.syntax.comment}"/>`);
    expect(xml).toContain(`<a:srgbClr val="${theme.colors.syntax.string}"/>`);
  });

  it('sets code on a padded panel in the theme\'s code background', () => {
    const xml = slide('Code');
    const shape = xml.slice(xml.indexOf('name="Code"'), xml.indexOf('</p:sp>', xml.indexOf('name="Code"')));
    expect(shape).toContain(`<a:solidFill><a:srgbClr val="${theme.colors.codeBackground}"/></a:solidFill>`);
    const inset = Math.round(Math.max(2 * theme.spacing.insetInches, 0.15) * 914400);
    expect(shape).toContain(`lIns="${inset}"`);
    expect(shape).toContain('<a:t>greet</a:t>');
  });

  it('makes a task\'s checkbox its marker, in one font, with no box in its text', () => {
    const xml = slide('Ordered and task lists');
    expect(xml).toContain(`<a:buFont typeface="${theme.fonts.fallback[0]}"/><a:buChar char="\u2611"/>`);
    expect(xml).toContain(`<a:buFont typeface="${theme.fonts.fallback[0]}"/><a:buChar char="\u25FB"/>`);
    expect(xml).not.toMatch(/<a:t>[\u2610\u2611\u25FB]/);
  });

  it('puts footnotes at the foot of their slide, with a superscript reference', () => {
    const xml = slide('Inline marks');
    expect(xml).toMatch(/<a:rPr[^>]* baseline="30000"[^>]*>.*?<a:t>1<\/a:t>/);
    expect(shapeText(xml, 'Footnotes')).toBe('1 Footnotes are numbered across the deck, in order of first reference.');
  });

  it('renders the quote layout with its attribution', () => {
    expect(shapeText(slide('Quotes'), 'Body')).toBe('Plain Markdown makes a reasonable deck without any extension.\n— deckdown design notes');
  });

  it('fans :::each out into one slide per item, titled by the bold lead, the body beginning with a capital', () => {
    expect(titles).toContain('First');
    expect(shapeText(slide('Second'), 'Body')).toBe('The rest of the item is the body of that slide.');
  });

  it('makes big-number slides from :::stat', () => {
    const xml = slide('Figures');
    expect(shapeText(xml, 'Figure')).toBe('44');
    expect(shapeText(xml, 'Figure 2')).toBe('15');
    expect(xml).toContain(`sz="${theme.sizes.statFigure * 100}"`);
  });

  it('honours column widths', () => {
    const xml = slide('Columns');
    const widths = [...xml.matchAll(/name="Body( \d)?".*?<a:ext cx="(\d+)"/g)].map((match) => Number(match[2]));
    expect(widths).toHaveLength(2);
    expect(widths[0]! / widths[1]!).toBeCloseTo(40 / 60, 1);
  });

  it('applies ::slide backgrounds and layouts, and adds the agenda', () => {
    expect(rels('A custom background')).toMatch(/Target="\.\.\/media\/[^"]+\.jpe?g"/);
    expect(slide('A custom background')).toContain('<p:bg><p:bgPr><a:blipFill');
    // The closing slide shows its layout's background, which names the theme colour.
    expect(slide('Thank you')).not.toContain('<p:bg>');
    const closing = parts.get(`ppt/slideLayouts/${rels('Thank you').match(/slideLayouts\/([^"]+)"/)![1]}`)!;
    expect(closing).toContain('<p:cSld name="Closing">');
    expect(theme.colors.titleBackground).toBe(theme.colors.heading);
    expect(closing).toMatch(/<p:bg><p:bgPr><a:solidFill><a:schemeClr val="tx2"\/>/);
    expect(shapeText(slide('Agenda'), 'Body')).toBe('Text\nPictures and tables\nLayouts');
  });

  it('keeps shape ids unique on every slide', () => {
    for (const name of slideNames(parts)) {
      const ids = [...parts.get(name)!.matchAll(/<p:cNvPr id="(\d+)"/g)].map((match) => match[1]);
      expect(new Set(ids).size, name).toBe(ids.length);
    }
  });
});
