import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownToPptx, renderPptx } from '../src/index.js';
import type { TextFrame } from '../src/layout/frames.js';
import { schemeRefs } from '../src/render/scheme-refs.js';
import { textBodyXml } from '../src/render/text-body.js';
import { readPackage, shapeText, slideNames, structuralProblems, textOf } from './helpers/package.js';

const source = `---
title: Қазақстан және БҰҰ
author: Сайын Борбасов
lang: kk-KZ
slideNumbers: true
footer: Дәріс
---

# Бөлім

## Тізімдер

- **Бірінші** нүкте, [сілтеме](https://example.org/?a=1&b=2)
  - ішкі нүкте
- екінші нүкте

5. бес
6. алты

:::notes
Ескерту **қалың** және [сілтеме](https://example.kz).

- тізім
:::
`;

async function build(markdown = source) {
  const { pptx, deck } = await markdownToPptx(markdown, { path: 'deck.md' });
  return { parts: readPackage(pptx), deck, pptx };
}

describe('rendered package', () => {
  it('has one slide per outline slide, with titles in the title shapes', async () => {
    const { parts, deck } = await build();
    const slides = slideNames(parts);
    expect(slides).toHaveLength(deck.slides.length);
    expect(slides.map((name) => shapeText(parts.get(name)!, 'Title'))).toEqual(['Қазақстан және БҰҰ', 'Бөлім', 'Тізімдер']);
    expect(shapeText(parts.get(slides[0]!)!, 'Author')).toBe('Сайын Борбасов');
  });

  it('writes bullets, nesting levels and ordered numbering that keeps the start number', async () => {
    const { parts } = await build();
    const xml = parts.get('ppt/slides/slide3.xml')!;
    expect(shapeText(xml, 'Body')).toBe('Бірінші нүкте, сілтеме\nішкі нүкте\nекінші нүкте\nбес\nалты');
    // The bullets are the body placeholder's, level by level: its list items write none of their own.
    expect(xml).not.toContain('<a:buChar');
    expect(xml).toMatch(/<a:pPr lvl="1"\/><a:r><a:rPr[^>]*\/><a:t>ішкі нүкте<\/a:t>/);
    const layout = parts.get(`ppt/slideLayouts/${parts.get('ppt/slides/_rels/slide3.xml.rels')!.match(/slideLayouts\/(slideLayout\d+\.xml)/)![1]}`)!;
    const body = layout.slice(layout.indexOf('<p:ph type="body" idx="1"/>'));
    expect(body).toMatch(/<a:lvl1pPr [^>]*>.*?<a:buChar char="•"\/>.*?<\/a:lvl1pPr><a:lvl2pPr [^>]*>.*?<a:buChar char="–"\/>/);
    expect(xml).toContain('<a:buAutoNum type="arabicPeriod" startAt="5"/>');
    expect(xml).toContain('<a:buAutoNum type="arabicPeriod" startAt="6"/>');
    expect(xml).toMatch(/<a:rPr[^>]* b="1"[^>]*>.*?<a:t>Бірінші<\/a:t>/);
  });

  it('makes links clickable through a relationship', async () => {
    const { parts } = await build();
    const xml = parts.get('ppt/slides/slide3.xml')!;
    const link = xml.match(/<a:rPr[^>]*>((?:(?!<a:r>).)*<a:hlinkClick r:id="([^"]+)"\/>)<\/a:rPr><a:t>сілтеме<\/a:t>/);
    const id = link?.[2];
    expect(id).toBeDefined();
    // In the theme's link colour, by reference, which is the colour PowerPoint gives a link itself: no extension needed to keep it.
    expect(link?.[1]).toContain('<a:schemeClr val="hlink"/>');
    const rels = parts.get('ppt/slides/_rels/slide3.xml.rels')!;
    expect(rels).toContain(`<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/?a=1&amp;b=2" TargetMode="External"/>`);
  });

  it("tells PowerPoint to keep a link's own colour only where it is not the theme's link colour", async () => {
    const { buildOutline, planSlides } = await import('../src/index.js');
    const { placed } = planSlides(buildOutline('# Links\n\nSee [this](https://example.org).\n').deck);
    const frame = placed.slides[0]!.frames.find((candidate): candidate is TextFrame => candidate.kind === 'text' && candidate.name === 'Body')!;
    const scheme = schemeRefs(placed.scheme);
    const writing = { lang: 'en-US', linkIds: () => ({ id: 'rIdLink1', internal: false }), scheme };
    const recoloured = (color: string): TextFrame => ({ ...frame, paragraphs: frame.paragraphs.map((paragraph) => ({ ...paragraph, runs: paragraph.runs.map((run) => (run.type === 'text' && run.href ? { ...run, color } : run)) })) });
    const KEEP_OWN = 'val="tx"/></a:ext></a:extLst></a:hlinkClick>';
    expect(textBodyXml(frame, writing)).toContain('<a:hlinkClick r:id="rIdLink1"/>');
    expect(textBodyXml(recoloured(placed.scheme.link.toLowerCase()), writing)).not.toContain(KEEP_OWN);
    // On a template, whose theme has a colour of its own for visited links, every link keeps its colour.
    expect(textBodyXml(frame, { ...writing, scheme: schemeRefs(placed.scheme, false) })).toContain(KEEP_OWN);
    expect(textBodyXml(recoloured('123456'), writing)).toMatch(new RegExp(`<a:srgbClr val="123456"/></a:solidFill>(?:(?!</a:rPr>).)*<a:hlinkClick r:id="rIdLink1"><a:extLst>(?:(?!</a:rPr>).)*${KEEP_OWN}</a:rPr><a:t>this</a:t>`));
  });

  it('puts speaker notes, with their emphasis, lists and links, in the notes page', async () => {
    const { parts } = await build();
    const notes = parts.get('ppt/notesSlides/notesSlide3.xml')!;
    expect(textOf(notes)).toEqual(expect.arrayContaining(['Ескерту ', 'қалың', ' және ', 'сілтеме', '.', 'тізім']));
    expect(notes).toMatch(/<a:rPr[^>]* b="1"[^>]*>.*?<a:t>қалың<\/a:t>/);
    expect(notes).toContain('<a:buChar char="•"/>');
    expect(parts.get('ppt/notesSlides/_rels/notesSlide3.xml.rels')).toContain('Target="https://example.kz" TargetMode="External"');
  });

  it('gives a notes page only to a slide with notes, as PowerPoint does', async () => {
    const { parts } = await build();
    const notesPages = [...parts.keys()].filter((name) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name));
    expect(notesPages).toEqual(['ppt/notesSlides/notesSlide3.xml']);
    expect([...parts.keys()].filter((name) => name.startsWith('ppt/notesSlides/_rels/'))).toEqual(['ppt/notesSlides/_rels/notesSlide3.xml.rels']);
    for (const slide of [1, 2, 3]) expect(parts.get(`ppt/slides/_rels/slide${slide}.xml.rels`)!.includes('notesSlide'), `slide ${slide}`).toBe(slide === 3);
    expect(parts.get('[Content_Types].xml')!.match(/notesSlide\d+\.xml/g)).toEqual(['notesSlide3.xml']);
    expect(structuralProblems(parts)).toEqual([]);
  });

  it('sets the deck language on every run, field, break and paragraph end, notes included', async () => {
    const { parts } = await build();
    const textParts = [...parts.keys()].filter((name) => /^ppt\/(slides|notesSlides)\/\w+\d+\.xml$/.test(name));
    // Three slides, and the one notes page: a slide without notes has none.
    expect(textParts).toHaveLength(4);
    for (const name of textParts) {
      const properties = [...parts.get(name)!.matchAll(/<a:(rPr|endParaRPr)\b[^>]*>/g)].map((match) => match[0]);
      expect(properties.length).toBeGreaterThan(0);
      for (const tag of properties) expect(tag, `${name}: ${tag}`).toContain('lang="kk-KZ"');
    }
  });

  it('numbers slides with a field and writes the footer', async () => {
    const { parts } = await build();
    const xml = parts.get('ppt/slides/slide3.xml')!;
    expect(xml).toMatch(/<a:fld id="\{[0-9A-F-]+\}" type="slidenum">.*?<a:t>3<\/a:t><\/a:fld>/);
    expect(shapeText(xml, 'Footer')).toBe('Дәріс');
  });

  it('never relies on autofit: every text body is sized by layout', async () => {
    const { parts } = await build();
    for (const name of slideNames(parts)) {
      const xml = parts.get(name)!;
      expect(xml).not.toContain('normAutofit');
      // A placeholder's body says nothing of autofit: its layout's placeholder says no autofit for it.
      const shapes = xml.split('<p:sp>').slice(1);
      for (const shape of shapes.filter((candidate) => candidate.includes('<p:txBody>'))) expect(shape, name).toMatch(shape.includes('<p:ph ') ? /<a:bodyPr[^>]*\/>/ : /<a:noAutofit\/>/);
    }
    const layouts = [...parts.keys()].filter((name) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(name)).map((name) => parts.get(name)!);
    for (const layout of layouts) expect(layout.match(/<p:ph /g)?.length).toBe(layout.match(/<a:noAutofit\/>/g)?.length);
  });

  it("puts a slide whose title takes two lines on its layout's variant, which it takes every frame from", async () => {
    const { parts } = await build('# Фукусима сабағы\n\nМәтін.\n\n---\n\n# Мәдениеттердің жақындасуы мен үнқатысуы туралы\n\nМәтін.\n');
    const layoutOf = (slide: number) => parts.get(`ppt/slides/_rels/slide${slide}.xml.rels`)!.match(/Target="\.\.\/slideLayouts\/(slideLayout\d+\.xml)"/)![1]!;
    const nameOf = (layout: string) => parts.get(`ppt/slideLayouts/${layout}`)!.match(/<p:cSld name="([^"]+)"/)![1];
    expect([nameOf(layoutOf(1)), nameOf(layoutOf(2))]).toEqual(['Title and Content', 'Title and Content, Two-Line Title']);
    const two = parts.get('ppt/slides/slide2.xml')!;
    // Its title and body stand where the variant's placeholders do; it draws no rule and shows the variant's.
    for (const name of ['Title', 'Body']) expect(two, name).toMatch(new RegExp(`name="${name}"/>.*?</p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/>`));
    expect(two).not.toContain('Title Rule');
    expect(two).not.toContain('showMasterSp');
    expect(parts.get(`ppt/slideLayouts/${layoutOf(2)}`)).toContain('name="Title Rule"');
    // The master lists the variant with the other layouts.
    expect(parts.get('ppt/slideMasters/_rels/slideMaster1.xml.rels')).toContain(`Target="../slideLayouts/${layoutOf(2)}"`);
    expect(structuralProblems(parts)).toEqual([]);
  });

  it('passes the structural check: well-formed parts, resolved relationships, content types', async () => {
    for (const deck of ['../content/lecture.md', './decks/stress.md']) {
      const { parts } = await build(readFileSync(new URL(deck, import.meta.url), 'utf8'));
      expect(structuralProblems(parts), deck).toEqual([]);
    }
  });

  it('writes document properties from the deck, with no wall-clock time', async () => {
    const { parts } = await build();
    const core = parts.get('docProps/core.xml')!;
    expect(core).toContain('<dc:title>Қазақстан және БҰҰ</dc:title>');
    expect(core).toContain('<dc:creator>Сайын Борбасов</dc:creator>');
    expect(core).toContain('<dc:language>kk-KZ</dc:language>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">1980-01-01T00:00:00Z</dcterms:modified>');
    expect(parts.get('docProps/app.xml')).not.toMatch(/PptxGenJS/);
  });
});

describe('deterministic output', () => {
  it('gives byte-identical decks for the same input', async () => {
    const first = await build();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await build();
    expect(Buffer.from(second.pptx).equals(Buffer.from(first.pptx))).toBe(true);
  });

  it('gives byte-identical decks with charts, pictures and SVG stand-ins (content/syntax.md)', async () => {
    const path = new URL('../content/syntax.md', import.meta.url).pathname;
    const first = (await markdownToPptx(readFileSync(path, 'utf8'), { path })).pptx;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = (await markdownToPptx(readFileSync(path, 'utf8'), { path })).pptx;
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('rasterises a tall, narrow SVG within bounds', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'deckdown-svg-'));
    writeFileSync(join(dir, 'tall.svg'), '<!-- a comment first --><svg xmlns="http://www.w3.org/2000/svg" width="10" height="4000"><rect width="10" height="4000" fill="#1D70B8"/></svg>');
    const { pptx } = await markdownToPptx('# Tall\n\n![A tall bar](tall.svg)\n', { path: join(dir, 'talk.md') });
    const { unzipSync } = await import('fflate');
    const pngs = Object.entries(unzipSync(pptx)).filter(([name]) => name.startsWith('ppt/media/') && name.endsWith('.png'));
    expect(pngs).toHaveLength(1);
    expect([...pngs[0]![1].subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('takes the date from the front matter, else from SOURCE_DATE_EPOCH', async () => {
    const withDate = readPackage((await markdownToPptx(`---\ndate: 2016-04-15\n---\n\n# A\n\nb\n`)).pptx);
    expect(withDate.get('docProps/core.xml')).toContain('2016-04-15T00:00:00Z');
    const { deck } = await markdownToPptx('# A\n\nb\n');
    const fromEpoch = readPackage(await renderPptx(deck, { sourceDateEpoch: '1460678400' }));
    expect(fromEpoch.get('docProps/core.xml')).toContain('2016-04-15T00:00:00Z');
  });
});

describe('deterministic across time zones', () => {
  it('gives the same bytes in UTC, Almaty, Berlin and New York, with a time of day in the date', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, writeFileSync, readFileSync: read } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'deckdown-tz-'));
    writeFileSync(join(dir, 'talk.md'), '---\ntitle: Time\ndate: 2016-03-27T02:30\n---\n\n# A\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    const root = new URL('..', import.meta.url).pathname;
    const outputs = ['UTC', 'Asia/Almaty', 'Europe/Berlin', 'America/New_York'].map((zone) => {
      const output = join(dir, `${zone.replace('/', '-')}.pptx`);
      execFileSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/cli/bin.ts'), 'build', join(dir, 'talk.md'), '-o', output], { env: { ...process.env, TZ: zone } });
      return read(output);
    });
    for (const output of outputs.slice(1)) expect(output.equals(outputs[0]!)).toBe(true);
    expect(readPackage(outputs[0]!).get('docProps/core.xml')).toContain('2016-03-27T02:30:00Z');
  });
});
