import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownToPptx } from '../src/api.js';
import { freshCli } from '../src/build/fresh-bundle.js';
import decompress from '../src/fonts/native-brotli.js';
import { packageRoot } from '../src/package-root.js';
import { brotliCompressSync } from 'node:zlib';
import { readFontFile, SHIPPED_FAMILIES, shippedFacePath } from '../src/fonts/catalog.js';
import { FontSet, usableFontFiles } from '../src/fonts/font-set.js';
import * as fontkit from 'fontkit';

const dir = mkdtempSync(join(tmpdir(), 'deckdown-font-files-'));
const fontBytes = (family: string) => readFontFile(shippedFacePath(SHIPPED_FAMILIES[family]!, 'regular'));

describe('font files a theme names', () => {
  it('leaves out a file that is not a font, naming the theme key, and measures its family with the stand-in', async () => {
    writeFileSync(join(dir, 'fake.ttf'), 'this is not a font\n');
    writeFileSync(join(dir, 'broken.ttf'), Buffer.concat([Buffer.from([0, 1, 0, 0]), Buffer.alloc(64, 7)]));
    writeFileSync(join(dir, 'theme.yaml'), 'extends: default\nname: fake\nfonts:\n  heading: Fancy\n  files:\n    Fancy:\n      regular: fake.ttf\n      bold: broken.ttf\n');
    const { messages } = await markdownToPptx('# Slide\n\nText.\n', { path: join(dir, 'talk.md'), theme: join(dir, 'theme.yaml') });
    const invalid = messages.filter((message) => message.ruleId === 'invalid-font-file');
    expect(invalid.map((message) => [message.line, message.column, message.fatal])).toEqual([
      [7, 16, false],
      [8, 13, false],
    ]);
    expect(invalid[0]!.file).toBe(join(dir, 'theme.yaml'));
    expect(invalid[0]!.reason).toMatch(/^font file ".*fake\.ttf" for regular "Fancy" is left out: it is not a font file \(TrueType, OpenType, WOFF or WOFF2\)$/);
    expect(invalid[1]!.reason).toMatch(/broken\.ttf" for bold "Fancy" is left out: it is not a font file deckdown can read/);
    // Without a usable regular face the family has no file, as the stand-in's warning says.
    expect(messages.filter((message) => message.ruleId === 'missing-font-file').map((message) => message.reason)).toEqual([expect.stringContaining('font "Fancy" has no file')]);
  });

  it('names a file that cannot be read', () => {
    const { files, problems } = usableFontFiles({ Gone: { regular: join(dir, 'missing.ttf') } });
    expect(files).toEqual({});
    expect(problems).toEqual([{ key: ['fonts', 'files', 'Gone', 'regular'], reason: expect.stringContaining('it cannot be read (ENOENT)') }]);
  });

  it('keeps the usable faces of a family whose other faces are broken', () => {
    writeFileSync(join(dir, 'good.ttf'), fontBytes('Arimo'));
    expect(usableFontFiles({ Mixed: { regular: join(dir, 'good.ttf'), italic: join(dir, 'fake.ttf') } }).files).toEqual({ Mixed: { regular: join(dir, 'good.ttf') } });
  });
});

describe('the process-wide font cache', () => {
  it('reads a font file again after it changed', () => {
    const path = join(dir, 'changing.ttf');
    const width = () => {
      const face = new FontSet({ Changing: { regular: path } }).face('Changing', false, false)!;
      return face.advance('iiiii') / face.unitsPerEm;
    };
    writeFileSync(path, fontBytes('Arimo'));
    const proportional = width();
    writeFileSync(path, fontBytes('Cousine'));
    // The same modification time as before, as a fast copy can leave it: the size still tells.
    utimesSync(path, new Date(1_000_000), new Date(1_000_000));
    const monospaced = width();
    expect(monospaced).toBeGreaterThan(proportional * 1.5);
  });
});

describe('measuring with a face', () => {
  const prose = ['Қазақстан БҰҰ-дағы «Әлем. ХХІ ғасыр» манифесі', 'Ελληνικά 1234567890 — “quotes”', 'Lorem ipsum dolor sit amet, consectetur adipiscing elit'];
  const families = ['Noto Sans', 'Carlito', 'Arimo', 'Caladea', 'Tinos'];
  const shaped = (family: string, text: string) => (fontkit.create(fontBytes(family)) as fontkit.Font).layout(text).advanceWidth;

  it('gives prose of one glyph a character the sum of its advances, within 1 % of the shaped width', () => {
    for (const family of families) {
      const face = new FontSet().face(family, false, false)!;
      for (const text of prose) expect(Math.abs(face.advance(text) / shaped(family, text) - 1)).toBeLessThan(0.01);
    }
  });

  it('measures ligatures and kerned capitals wider than shaped, never narrower', () => {
    for (const family of families) {
      const face = new FontSet().face(family, false, false)!;
      expect(face.advance('office affinity, AVATAR')).toBeGreaterThan(shaped(family, 'office affinity, AVATAR'));
    }
  });

  it('shapes text whose glyphs depend on their neighbours: marks and joined emoji', () => {
    const face = new FontSet().face('Noto Sans', false, false)!;
    const text = 'Cafe\u0301 a\u0300';
    expect(face.advance(text)).toBe(shaped('Noto Sans', text));
    const emoji = new FontSet().face('Noto Emoji', false, false)!;
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    expect(emoji.advance(family)).toBe(shaped('Noto Emoji', family));
    expect(emoji.advance(family)).toBeLessThan(emoji.advance('\u{1F468}\u{1F469}\u{1F467}'));
  });
});

describe('WOFF2 font files', () => {
  // KaTeX ships each of its faces as TrueType and as WOFF2.
  const katex = (extension: string) => createRequire(import.meta.url).resolve(`katex/dist/fonts/KaTeX_Main-Regular.${extension}`);
  const text = 'Lorem ipsum dolor sit amet, (x + y)² = 1';

  it('are measured as the same face in TrueType', () => {
    const woff2 = new FontSet({ Main: { regular: katex('woff2') } }).face('Main', false, false)!;
    const ttf = new FontSet({ Main: { regular: katex('ttf') } }).face('Main', false, false)!;
    expect(woff2.advance(text)).toBe(ttf.advance(text));
    expect(woff2.advance(text)).toBeGreaterThan(0);
  });

  it("are decompressed by Node's brotli in the bundle, to the bytes given, at most the size the font declares", () => {
    const ttf = readFileSync(katex('ttf'));
    expect(Buffer.from(decompress(brotliCompressSync(ttf), ttf.length))).toEqual(ttf);
    expect(() => decompress(brotliCompressSync(ttf), ttf.length - 1)).toThrow();
  });

  it('give the bundled library the deck the same face in TrueType gives', async () => {
    await freshCli();
    const library = (await import(join(packageRoot, 'dist', 'index.js'))) as typeof import('../src/index.js');
    const build = (extension: string) =>
      library.markdownToPptx(`# Fonts\n\n## ${text}\n\n- ${text}, ${text}, ${text}\n`, { theme: library.defineTheme({ extends: 'default', fonts: { heading: 'KaTeX Main', body: 'KaTeX Main', files: { 'KaTeX Main': { regular: katex(extension) } } } }) });
    const [woff2, ttf] = await Promise.all([build('woff2'), build('ttf')]);
    expect(woff2.messages).toEqual(ttf.messages);
    expect(Buffer.from(woff2.pptx)).toEqual(Buffer.from(ttf.pptx));
  });
});
