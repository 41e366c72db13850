import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownToPptx } from '../src/api.js';
import { readFontFile, SHIPPED_FAMILIES, shippedFacePath } from '../src/fonts/catalog.js';
import { FontSet, usableFontFiles } from '../src/fonts/font-set.js';

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
      return face.layout('iiiii').advanceWidth / face.unitsPerEm;
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
