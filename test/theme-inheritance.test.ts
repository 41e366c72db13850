import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { listThemes, markdownToPptx } from '../src/index.js';
import { colorAt, hasLibreOffice, pageCount, pageFonts, pagePictures, pptxToPdf } from './helpers/libreoffice.js';
import { readPackage, slideNames } from './helpers/package.js';

/**
 * Text follows the theme part: a new theme font or colour chosen in PowerPoint's Design tab
 * reaches the slides. Placeholder text inherits from its layout; other text names the theme's
 * fonts and colours by reference.
 */
const path = new URL('../content/lecture.md', import.meta.url).pathname;
const lecture = readFileSync(path, 'utf8');

/** The run properties of every text run on the slides. */
function runProperties(pptx: Uint8Array): string[] {
  const parts = readPackage(pptx);
  return slideNames(parts).flatMap((name) => [...parts.get(name)!.matchAll(/<a:r><a:rPr\b[^>]*?(?:\/>|>.*?<\/a:rPr>)/g)].map((match) => match[0]));
}

describe('text that follows the theme', () => {
  for (const theme of listThemes()) {
    it(`names no font or colour by value that the ${theme} theme has a slot for`, async () => {
      const { pptx } = await markdownToPptx(lecture, { path, theme });
      const runs = runProperties(pptx);
      expect(runs.length).toBeGreaterThan(100);
      const fixedFace = runs.filter((run) => /<a:latin typeface="[^+]/.test(run));
      const fixedColour = runs.filter((run) => run.includes('<a:srgbClr'));
      expect(fixedFace.length / runs.length).toBeLessThan(0.1);
      expect(fixedColour.length / runs.length).toBeLessThan(0.1);
    });
  }

  it('paints no slide background but a slide\'s own: the layout\'s shows, in scheme colours', async () => {
    const { pptx } = await markdownToPptx(lecture, { path, theme: 'default' });
    const parts = readPackage(pptx);
    for (const name of slideNames(parts)) expect(parts.get(name), name).not.toContain('<p:bg>');
    const layouts = [...parts.keys()].filter((name) => /^ppt\/slideLayouts\/[^/]+\.xml$/.test(name)).map((name) => parts.get(name)!);
    for (const layout of layouts) expect(layout).toMatch(/<p:bg><p:bgPr><a:solidFill><a:schemeClr val="\w+"\/><\/a:solidFill>/);
  });

  it('leaves out of placeholder runs what the layout placeholder gives: size, face and colour', async () => {
    const { pptx } = await markdownToPptx('# Deck\n\n## Slide\n\n- a **bold** point\n', { path: 'deck.md' });
    const slide = readPackage(pptx).get('ppt/slides/slide2.xml')!;
    const title = slide.slice(slide.indexOf('name="Title"'), slide.indexOf('name="Body"'));
    expect(title).toMatch(/<a:r><a:rPr lang="[^"]+"\/><a:t>Slide<\/a:t>/);
    const body = slide.slice(slide.indexOf('name="Body"'));
    expect(body).toMatch(/<a:rPr lang="[^"]+" b="1"\/><a:t>bold<\/a:t>/);
    const layouts = [...readPackage(pptx).entries()].filter(([name]) => name.startsWith('ppt/slideLayouts/slideLayout')).map(([, xml]) => xml).join('');
    expect(layouts).toContain('<a:latin typeface="+mj-lt"/>');
    expect(layouts).toContain('<a:latin typeface="+mn-lt"/>');
  });
});

describe("PowerPoint's Header & Footer", () => {
  it('finds the footer and slide number as placeholders, on the slides and on every layout', async () => {
    const source = '---\nfooter: Дәріс 1\nslideNumbers: true\n---\n\n# Deck\n\n## Slide\n\nText.\n';
    const parts = readPackage((await markdownToPptx(source, { path: 'deck.md' })).pptx);
    const slide = parts.get('ppt/slides/slide2.xml')!;
    expect(slide).toMatch(/name="Footer"\/>.*?<p:nvPr><p:ph type="ftr" sz="quarter" idx="11"\/><\/p:nvPr>.*?<a:t>Дәріс 1<\/a:t>/);
    expect(slide).toMatch(/name="Slide Number"\/>.*?<p:nvPr><p:ph type="sldNum" sz="quarter" idx="12"\/><\/p:nvPr>.*?<a:fld [^>]*type="slidenum"><a:rPr[^>]*\/><a:t>2<\/a:t><\/a:fld>/);
    const layouts = [...parts.keys()].filter((name) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(name));
    expect(layouts.length).toBeGreaterThan(5);
    for (const name of layouts) {
      const xml = parts.get(name)!;
      for (const ph of ['<p:ph type="dt" sz="half" idx="10"/>', '<p:ph type="ftr" sz="quarter" idx="11"/>', '<p:ph type="sldNum" sz="quarter" idx="12"/>']) expect(xml, name).toContain(ph);
      expect(xml, name).toMatch(/type="slidenum"><a:rPr[^>]*\/><a:t>‹#›<\/a:t>/);
    }
    expect(parts.get('ppt/slideMasters/slideMaster1.xml')).toContain('<p:hf sldNum="1" hdr="0" ftr="1" dt="0"/>');
    const plain = readPackage((await markdownToPptx('# Deck\n\n## Slide\n\nText.\n', { path: 'deck.md' })).pptx);
    expect(plain.get('ppt/slideMasters/slideMaster1.xml')).toContain('<p:hf sldNum="0" hdr="0" ftr="0" dt="0"/>');
  });
});

/** The deck with both theme fonts replaced, as choosing other fonts in the Design tab does. */
function withThemeFonts(pptx: Uint8Array, family: string): Uint8Array {
  const parts = unzipSync(pptx);
  const theme = strFromU8(parts['ppt/theme/theme1.xml']!).replace(/(<a:(?:majorFont|minorFont)>.*?<\/a:(?:majorFont|minorFont)>)/g, (font) =>
    font.replace(/typeface="[^"]*"/g, `typeface="${family}"`),
  );
  parts['ppt/theme/theme1.xml'] = strToU8(theme);
  return zipSync(parts);
}

/** The deck with its colour scheme's colours replaced, as choosing other theme colours in the Design tab does. */
function withThemeColors(pptx: Uint8Array, recolor: (hex: string) => string): Uint8Array {
  const parts = unzipSync(pptx);
  const theme = strFromU8(parts['ppt/theme/theme1.xml']!).replace(/<a:clrScheme[^>]*>.*?<\/a:clrScheme>/, (scheme) => scheme.replace(/val="([0-9A-F]{6})"/g, (_match, hex: string) => `val="${recolor(hex)}"`));
  parts['ppt/theme/theme1.xml'] = strToU8(theme);
  return zipSync(parts);
}

describe.skipIf(!hasLibreOffice)('LibreOffice draws the theme fonts and colours chosen after the build', () => {
  it('changes the text on every slide of the lecture', async () => {
    const { pptx } = await markdownToPptx(lecture, { path, theme: 'default' });
    const before = await pptxToPdf(pptx, 'fonts-before');
    const after = await pptxToPdf(withThemeFonts(pptx, 'Noto Sans Mono'), 'fonts-after');
    const pages = await pageCount(after);
    expect(pages).toBe(await pageCount(before));
    let changed = 0;
    for (let page = 1; page <= pages; page++) {
      expect(await pageFonts(before, page)).not.toContain('Noto Sans Mono');
      if ((await pageFonts(after, page)).includes('Noto Sans Mono')) changed++;
    }
    // The bar is 90 %; every slide has text in the theme fonts, so every slide changes.
    expect(changed).toBe(pages);
  }, 120_000);

  it('changes the background of every slide of the lecture in the default theme, whose slide colours are all in its scheme', async () => {
    const { pptx } = await markdownToPptx(lecture, { path, theme: 'default' });
    // Each channel turned around: light becomes dark, blue becomes orange.
    const recolor = (hex: string) => (0xffffff - parseInt(hex, 16)).toString(16).padStart(6, '0').toUpperCase();
    const dpi = 20;
    const before = await pagePictures(await pptxToPdf(pptx, 'colours-before'), dpi);
    const after = await pagePictures(await pptxToPdf(withThemeColors(pptx, recolor), 'colours-after'), dpi);
    expect(after).toHaveLength(before.length);
    // The left margin, halfway down, is background on every layout.
    const unchanged = before.map((page, index) => index + 1).filter((number) => colorAt(before[number - 1]!, dpi, 0.1, 3.75) === colorAt(after[number - 1]!, dpi, 0.1, 3.75));
    expect(unchanged).toEqual([]);
  }, 120_000);
});
