import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { DeckdownError, markdownToPptx } from '../src/index.js';
import { run } from '../src/cli/run.js';
import { BRAND, brandedTemplate } from './helpers/branded-template.js';
import { colorAt, hasLibreOffice, pagePictures, pageText, pptxToPdf } from './helpers/libreoffice.js';
import { hasPandoc } from './helpers/pandoc.js';
import { readPackage, slideNames, structuralProblems } from './helpers/package.js';

/**
 * Decks built on an institution's template (`--reference-doc`, `template:`): its masters,
 * layouts, theme and pictures are carried in, slides use its layouts and placeholders.
 */
const lecturePath = new URL('../content/lecture.md', import.meta.url).pathname;
const lecture = readFileSync(lecturePath, 'utf8');
let dir = '';
let potx = '';

/** The layout part each slide uses, by the layout's name. */
function slideLayoutNames(parts: Map<string, string>): string[] {
  return slideNames(parts).map((slide) => {
    const rels = parts.get(slide.replace('slides/', 'slides/_rels/') + '.rels')!;
    const target = rels.match(/Target="\.\.\/slideLayouts\/([^"]+)"/)![1]!;
    return parts.get(`ppt/slideLayouts/${target}`)!.match(/<p:cSld name="([^"]+)"/)![1]!;
  });
}

/** A copy of a template with some layouts renamed and retyped, so that deckdown does not find them. */
function withoutLayouts(bytes: Uint8Array, names: readonly string[]): Uint8Array {
  const parts = unzipSync(bytes);
  for (const name of Object.keys(parts).filter((part) => /^ppt\/slideLayouts\/[^/]+\.xml$/.test(part))) {
    let xml = strFromU8(parts[name]!);
    for (const layout of names) if (xml.includes(`<p:cSld name="${layout}"`)) xml = xml.replace(`<p:cSld name="${layout}"`, `<p:cSld name="Unused ${layout}"`).replace(/ type="\w+"/, ' type="cust"');
    parts[name] = strToU8(xml);
  }
  return zipSync(parts);
}

describe.skipIf(!hasPandoc())('a deck built on an institution template', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'deckdown-template-'));
    potx = join(dir, 'institution.potx');
    writeFileSync(potx, brandedTemplate());
  });

  it("carries the template's masters, layouts, theme and pictures, and is valid by the schemas", async () => {
    const { pptx } = await markdownToPptx(lecture, { path: lecturePath, referenceDoc: potx });
    const parts = readPackage(pptx);
    expect(structuralProblems(parts)).toEqual([]);
    const template = readPackage(readFileSync(potx));
    const layoutNames = (pkg: Map<string, string>) => [...pkg.keys()].filter((name) => /^ppt\/slideLayouts\/[^/]+\.xml$/.test(name)).map((name) => pkg.get(name)!.match(/<p:cSld name="([^"]+)"/)![1]).sort();
    expect(layoutNames(parts)).toEqual(layoutNames(template));
    const master = parts.get('ppt/slideMasters/slideMaster1.xml')!;
    expect(master).toContain('name="Brand Bar"');
    expect(master).toContain(`<a:srgbClr val="${BRAND.barColor}"/>`);
    const mark = parts.get('ppt/slideMasters/_rels/slideMaster1.xml.rels')!.match(/Id="rIdBrandMark"[^>]*Target="\.\.\/media\/([^"]+)"/)![1]!;
    expect(unzipSync(pptx)[`ppt/media/${mark}`]).toEqual(unzipSync(readFileSync(potx))['ppt/media/brand-mark.png']);
    // The template's slide size, exactly, and its theme as the presentation's.
    expect(parts.get('ppt/presentation.xml')).toContain('<p:sldSz cx="9144000" cy="5143500" type="screen16x9"/>');
    const themeTarget = parts.get('ppt/_rels/presentation.xml.rels')!.match(/relationships\/theme" Target="([^"]+)"/)![1]!;
    const masterTheme = parts.get('ppt/slideMasters/_rels/slideMaster1.xml.rels')!.match(/relationships\/theme" Target="\.\.\/([^"]+)"/)![1]!;
    expect(themeTarget).toBe(masterTheme);
    expect(parts.get(`ppt/${themeTarget}`)).toContain('<a:latin typeface="Calibri');
  });

  it("puts each slide on the template's own layout, with the layout's placeholders", async () => {
    const { pptx, deck } = await markdownToPptx(lecture, { path: lecturePath, referenceDoc: potx });
    const parts = readPackage(pptx);
    const used = slideLayoutNames(parts);
    expect(used[0]).toBe('Title Slide');
    expect(used.filter((name) => name === 'Section Header').length).toBe(deck.slides.filter((slide) => slide.layout === 'section').length);
    expect(used.filter((name) => name === 'Title and Content').length).toBeGreaterThan(15);
    const slides = slideNames(parts).map((name) => parts.get(name)!);
    expect(slides[0]).toMatch(/name="Title"\/>.*?<p:ph type="ctrTitle"\/>/);
    expect(slides[0]).toMatch(/name="Subtitle"\/>.*?<p:ph type="subTitle" idx="1"\/>/);
    const content = slides[used.indexOf('Title and Content')]!;
    expect(content).toMatch(/name="Title"\/>.*?<p:ph type="title"\/>/);
    expect(content).toMatch(/name="Body"\/>.*?<p:ph idx="1"\/>/);
    // Titles and the subtitle take the template's alignment (centred in this one), the author line with them.
    const title = slides[0]!.slice(slides[0]!.indexOf('name="Title"'), slides[0]!.indexOf('name="Subtitle"'));
    expect(title).toMatch(/<a:pPr marL="0" indent="0">/);
    expect(slides[0]!.slice(slides[0]!.indexOf('name="Author"'))).toMatch(/<a:pPr [^>]*algn="ctr"/);
    // Section titles are measured as written, so the template's capitals are turned off on them.
    const section = slides[used.indexOf('Section Header')]!;
    expect(section).toMatch(/<a:rPr [^>]*cap="none"/);
    // The template's background shows: no slide paints its own.
    for (const slide of slides) expect(slide).not.toContain('<p:bg>');
  });

  it('chooses layouts by PowerPoint\'s names, as pandoc does: columns on "Two Content", a picture beside text on "Content with Caption"', async () => {
    const syntaxPath = new URL('../content/syntax.md', import.meta.url).pathname;
    const { pptx, deck } = await markdownToPptx(readFileSync(syntaxPath, 'utf8'), { path: syntaxPath, referenceDoc: potx });
    const used = slideLayoutNames(readPackage(pptx));
    const layoutOf = (title: string) => used[deck.slides.findIndex((slide) => slide.title.map((run) => ('text' in run ? run.text : '')).join('') === title)];
    expect(layoutOf('Columns')).toBe('Two Content');
    expect(layoutOf('A picture beside text')).toBe('Content with Caption');
    expect(layoutOf('Thank you')).toBe('Title Only');
  });

  it('puts a slide with neither title nor content on the "Blank" layout, as pandoc does', async () => {
    const { pptx } = await markdownToPptx('# Talk\n\n## Point\n\nText.\n\n---\n\n:::notes\nOnly a note.\n:::\n', { path: join(dir, 'deck.md'), referenceDoc: potx });
    expect(slideLayoutNames(readPackage(pptx)).at(-1)).toBe('Blank');
  });

  it("lays text out in the template's placeholder frames and sizes, and fits it", async () => {
    const { fit, messages } = await markdownToPptx(lecture, { path: lecturePath, referenceDoc: potx });
    expect(fit.filter((slide) => slide.overflow)).toEqual([]);
    expect(messages.filter((message) => message.ruleId === 'text-overflow')).toEqual([]);
    const { pptx } = await markdownToPptx(lecture, { path: lecturePath, referenceDoc: potx });
    const content = slideNames(readPackage(pptx)).map((name) => readPackage(pptx).get(name)!)[2]!;
    // pandoc's master puts the title at (0.5, 0.225) inches, 9 × 0.94.
    expect(content).toMatch(/name="Title"\/>.*?<a:off x="457200" y="205979"\/><a:ext cx="8229600" cy="857250"\/>/);
  });

  it('falls back to the content layout, with a warning, for a layout the template lacks', async () => {
    const path = join(dir, 'columns.potx');
    writeFileSync(path, withoutLayouts(readFileSync(potx), ['Two Content', 'Comparison']));
    const source = '# Columns\n\n## Side by side\n\n:::columns\n\nLeft\n\n:::column\n\nRight\n\n:::\n';
    const { pptx, messages } = await markdownToPptx(source, { path: join(dir, 'deck.md'), referenceDoc: path });
    expect(messages.map((message) => message.reason)).toContain('the template has no "Two Content" layout; columns slides use its "Title and Content" layout');
    expect(messages.find((message) => message.ruleId === 'template-layout-missing')?.fatal).toBe(false);
    expect(slideLayoutNames(readPackage(pptx)).at(-1)).toBe('Title and Content');
  });

  it('is asked for by the front matter, relative to the Markdown file, and by a theme file, relative to it', async () => {
    mkdirSync(join(dir, 'talks', 'brand'), { recursive: true });
    writeFileSync(join(dir, 'talks', 'brand', 'corp.potx'), readFileSync(potx));
    const fromFrontMatter = await markdownToPptx('---\ntemplate: brand/corp.potx\n---\n\n# Talk\n\n## Point\n\nText.\n', { path: join(dir, 'talks', 'talk.md') });
    expect(readPackage(fromFrontMatter.pptx).get('ppt/slideMasters/slideMaster1.xml')).toContain('name="Brand Bar"');
    // pandoc's own key means the same.
    const pandocKey = await markdownToPptx('---\nreference-doc: brand/corp.potx\n---\n\n# Talk\n', { path: join(dir, 'talks', 'talk.md') });
    expect(readPackage(pandocKey.pptx).get('ppt/slideMasters/slideMaster1.xml')).toContain('name="Brand Bar"');
    writeFileSync(join(dir, 'talks', 'brand', 'theme.json'), JSON.stringify({ extends: 'default', name: 'corp', template: 'corp.potx' }));
    const fromTheme = await markdownToPptx('---\ntheme: brand/theme.json\n---\n\n# Talk\n', { path: join(dir, 'talks', 'talk.md') });
    expect(readPackage(fromTheme.pptx).get('ppt/slideMasters/slideMaster1.xml')).toContain('name="Brand Bar"');
  });

  it("warns that an aspect ratio gives way to the template's slide size", async () => {
    const { messages, pptx } = await markdownToPptx('---\naspect: 4:3\n---\n\n# Talk\n', { path: join(dir, 'deck.md'), referenceDoc: potx });
    expect(messages.find((message) => message.ruleId === 'aspect-ignored')?.reason).toBe("aspect 4:3 is ignored: the template's slides are 10.000 × 5.625 inches");
    expect(readPackage(pptx).get('ppt/presentation.xml')).toContain('<p:sldSz cx="9144000" cy="5143500"');
  });

  it('says which file is missing or is no template, and stops', async () => {
    const attempt = (referenceDoc: string) => markdownToPptx('# Talk\n', { path: join(dir, 'talk.md'), referenceDoc }).then(() => undefined, (error: unknown) => error);
    const missing = await attempt('nowhere.potx');
    expect(missing).toBeInstanceOf(DeckdownError);
    expect((missing as DeckdownError).messages[0]!.reason).toBe('reference doc "nowhere.potx" cannot be read: ENOENT');
    expect((missing as DeckdownError).messages[0]!.ruleId).toBe('invalid-template');
    writeFileSync(join(dir, 'notes.potx'), 'plain text');
    expect(((await attempt('notes.potx')) as DeckdownError).messages[0]!.reason).toBe('reference doc "notes.potx": it is not a PowerPoint presentation or template: it is not a zip package');
    writeFileSync(join(dir, 'empty.potx'), zipSync({ 'a.txt': strToU8('a') }));
    expect(((await attempt('empty.potx')) as DeckdownError).messages[0]!.reason).toBe('reference doc "empty.potx": it is not a PowerPoint presentation or template: it has no [Content_Types].xml part');
  });

  it('deckdown build --reference-doc writes the deck on the template', async () => {
    writeFileSync(join(dir, 'cli.md'), '# Talk\n\n## Point\n\nText.\n');
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(['build', 'cli.md', '--reference-doc', 'institution.potx', '-o', 'cli.pptx'], { cwd: dir, env: {}, stdout: (text) => out.push(text), stderr: (text) => err.push(text) });
    expect(err.join('')).toBe('');
    expect(code).toBe(0);
    expect(readPackage(readFileSync(join(dir, 'cli.pptx'))).get('ppt/slideMasters/slideMaster1.xml')).toContain('name="Brand Bar"');
  });
});

describe.skipIf(!hasPandoc() || !hasLibreOffice)('LibreOffice draws the institution template on every slide', () => {
  it('shows the brand bar, the name on it and the picture mark on every slide of the lecture', async () => {
    const template = join(mkdtempSync(join(tmpdir(), 'deckdown-brand-')), 'institution.potx');
    writeFileSync(template, brandedTemplate());
    const { pptx, deck } = await markdownToPptx(lecture, { path: lecturePath, referenceDoc: template });
    const pdf = await pptxToPdf(pptx, 'branded-lecture');
    const dpi = 50;
    const pages = await pagePictures(pdf, dpi);
    expect(pages.length).toBeGreaterThanOrEqual(deck.slides.length);
    const close = (color: string, expected: string) => [0, 2, 4].every((at) => Math.abs(parseInt(color.slice(at, at + 2), 16) - parseInt(expected.slice(at, at + 2), 16)) <= 8);
    const { mark } = BRAND;
    for (const [index, page] of pages.entries()) {
      expect(await pageText(pdf, index + 1), `slide ${index + 1}`).toContain(BRAND.name);
      expect(close(colorAt(page, dpi, 5, BRAND.barInches / 2), BRAND.barColor), `slide ${index + 1}: bar`).toBe(true);
      expect(close(colorAt(page, dpi, mark.x + mark.w / 2, mark.y + mark.h / 2), BRAND.markColor), `slide ${index + 1}: mark`).toBe(true);
    }
  }, 120_000);
});
