import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pptxgenjs from 'pptxgenjs';
import { describe, expect, it } from 'vitest';
import { importTemplate, listThemes, loadTheme, markdownToPptx } from '../src/index.js';
import { run } from '../src/cli/run.js';
import { runsToText } from '../src/outline/inline.js';
import { hasLibreOffice, pageCount, pageText, pptxToPdf } from './helpers/libreoffice.js';
import { readPackage } from './helpers/package.js';

const contentDir = new URL('../content/', import.meta.url).pathname;
const decks = readdirSync(contentDir).filter((name) => name.endsWith('.md')).sort();

describe.skipIf(!hasLibreOffice)('LibreOffice renders the content decks', () => {
  for (const name of decks) {
    it(`${name}: one page per slide, and each page shows its slide's title`, async () => {
      const path = join(contentDir, name);
      const { pptx, deck } = await markdownToPptx(readFileSync(path, 'utf8'), { path });
      const pdf = await pptxToPdf(pptx, name.replace(/\.md$/, ''));
      expect(await pageCount(pdf)).toBe(deck.slides.length);
      const titled = [...deck.slides.entries()].filter(([, slide]) => slide.title.length > 0);
      expect(titled.length).toBeGreaterThan(deck.slides.length / 2);
      for (const [index, slide] of titled) {
        const title = runsToText(slide.title).replace(/\s+/g, ' ').trim();
        expect(await pageText(pdf, index + 1), `slide ${index + 1}`).toContain(title);
      }
    });
  }

});

/** A 4:3 template with Office's scheme and a logo on its master, imported as a theme file. */
async function importedTheme(): Promise<string> {
  const Pptx = pptxgenjs as unknown as typeof pptxgenjs.default;
  const template = new Pptx();
  template.layout = 'LAYOUT_4x3';
  template.defineSlideMaster({ title: 'Corporate', objects: [{ image: { x: 8.8, y: 0.2, w: 1, h: 1, path: join(contentDir, 'images/dot.gif') } }] });
  template.addSlide({ masterName: 'Corporate' });
  const imported = importTemplate((await template.write({ outputType: 'uint8array' })) as Uint8Array, loadTheme('default'), 'corp');
  const dir = mkdtempSync(join(tmpdir(), 'deckdown-imported-'));
  writeFileSync(join(dir, `corp-logo.${imported.logo!.extension}`), imported.logo!.data);
  writeFileSync(join(dir, 'corp.json'), JSON.stringify(imported.theme));
  return join(dir, 'corp.json');
}

describe.skipIf(!hasLibreOffice)('the lecture in every theme', () => {
  const themes: [string, () => Promise<string>][] = [...listThemes().map((name): [string, () => Promise<string>] => [name, async () => name]), ['an imported 4:3 template', importedTheme]];
  for (const [label, theme] of themes) {
    it(`${label}: renders one page per slide, each layout used with its title placeholder`, async () => {
      const path = join(contentDir, 'lecture.md');
      const { pptx, deck } = await markdownToPptx(readFileSync(path, 'utf8'), { path, theme: await theme() });
      const pdf = await pptxToPdf(pptx, 'lecture');
      expect(await pageCount(pdf)).toBe(deck.slides.length);
      const parts = readPackage(pptx);
      const used = new Set([...parts.entries()].filter(([name]) => /^ppt\/slides\/_rels\//.test(name)).map(([, xml]) => xml.match(/slideLayouts\/(slideLayout\d+\.xml)/)![1]!));
      expect(used.size).toBeGreaterThanOrEqual(4);
      for (const layout of used) expect(parts.get(`ppt/slideLayouts/${layout}`), layout).toContain('<p:ph type="title"/>');
      const [first] = deck.slides;
      expect(await pageText(pdf, 1)).toContain(runsToText(first!.title));
    });
  }
});

describe.skipIf(!hasLibreOffice)('deckdown preview', () => {
  it('renders one PNG per slide and a contact sheet', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deckdown-preview-test-'));
    writeFileSync(join(dir, 'talk.md'), '---\ntitle: Preview\n---\n\n# One\n\nText.\n\n# Two\n\n- a\n- b\n');
    let stdout = '';
    const code = await run(['preview', 'talk.md', '--theme', 'dark', '-o', 'pictures'], { stdout: (text) => (stdout += text), stderr: () => undefined, cwd: dir, env: {} });
    expect(code).toBe(0);
    expect(stdout).toContain('wrote 3 slide pictures');
    const files = readdirSync(join(dir, 'pictures')).sort();
    expect(files).toEqual(['talk-contact-sheet.png', 'talk-slide-1.png', 'talk-slide-2.png', 'talk-slide-3.png']);
    const sheet = readFileSync(join(dir, 'pictures', 'talk-contact-sheet.png'));
    expect([...sheet.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(sheet.readUInt32BE(16)).toBeGreaterThan(4 * 480);
    expect(existsSync(join(dir, 'pictures', 'talk-slide-1.png'))).toBe(true);
  });
});
