import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../src/cli/run.js';
import { faceSourceFile, installedFontName, METRIC_COMPATIBLE, readFontFile, SHIPPED_FAMILIES, shippedFacePath } from '../src/fonts/catalog.js';
import { FontSet } from '../src/fonts/font-set.js';
import { defineTheme, markdownToPptx, planSlides } from '../src/index.js';
import { hasPandoc, referencePptx } from './helpers/pandoc.js';

/**
 * The shipped themes all draw with Noto, so installing "every built-in theme" could not be told
 * from installing the default one; one more built-in theme, named after Office fonts, tells them apart.
 */
const office = vi.hoisted(() => ({ path: '' }));
vi.mock('../src/theme/registry.js', async (importOriginal) => {
  const registry = await importOriginal<typeof import('../src/theme/registry.js')>();
  return {
    ...registry,
    listThemes: () => [...registry.listThemes(), 'office'],
    builtInThemePath: (name: string) => (name === 'office' ? office.path : registry.builtInThemePath(name)),
  };
});

let dir: string;
let env: Record<string, string>;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'deckdown-fonts-'));
  env = { XDG_DATA_HOME: join(dir, 'data'), XDG_CONFIG_HOME: join(dir, 'config') };
  office.path = join(dir, 'office-theme.json');
  writeFileSync(office.path, JSON.stringify({ extends: 'default', name: 'office', fonts: { heading: 'Calibri', body: 'Times New Roman' } }));
  // fc-cache writes its cache for the target under XDG_CACHE_HOME; keep that in the test's folder too.
  vi.stubEnv('XDG_CACHE_HOME', join(dir, 'cache'));
});
afterEach(() => {
  vi.unstubAllEnvs();
});

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd: dir, env });
  return { code, stdout, stderr };
}

const fontDir = () => join(dir, 'data', 'fonts', 'deckdown');
const aliasFile = () => join(dir, 'config', 'fontconfig', 'conf.d', '30-deckdown-metric-aliases.conf');
const fileNames = (families: string[]) => new FontSet().files(families).map((file) => installedFontName(file)).sort();

describe('the shipped fonts', () => {
  it('are the faces themes use, each the TrueType file of its package byte for byte', () => {
    const require = createRequire(import.meta.url);
    for (const family of Object.values(SHIPPED_FAMILIES)) {
      const source = dirname(require.resolve(`${family.source}/package.json`));
      for (const style of family.styles) {
        expect(readFontFile(shippedFacePath(family, style)).equals(readFileSync(join(source, faceSourceFile(family, style)))), `${family.prefix} ${style}`).toBe(true);
      }
    }
  });
});

describe('deckdown fonts --install', () => {
  it('installs the font files of every built-in theme, and the stand-ins of the Office fonts templates name, when no theme is given', async () => {
    const result = await cli('fonts', '--install');
    expect(result.code).toBe(0);
    const expected = fileNames(['Noto Sans', 'Noto Sans Mono', 'Noto Emoji', ...Object.keys(METRIC_COMPATIBLE)]);
    expect(readdirSync(fontDir()).sort()).toEqual(expected);
    // TrueType files, as LibreOffice and PowerPoint install them, not the compressed files shipped.
    for (const name of expected) expect(readFileSync(join(fontDir(), name)).readUInt32BE(0), name).toBe(0x00010000);
    expect(result.stdout).toContain(`installed ${expected.length} font files into ${fontDir()}\n`);
    expect(result.stdout).toMatch(/^Calibri \(measured with Carlito, metric-compatible\): .*Carlito_400Regular\.ttf/m);
    expect(readFileSync(aliasFile(), 'utf8')).toContain('<alias binding="same"><family>Times New Roman</family><accept><family>Tinos</family></accept></alias>');
  });

  it('installs one named theme only', async () => {
    const result = await cli('fonts', '--install', '--theme', 'default');
    expect(result.code).toBe(0);
    expect(readdirSync(fontDir()).sort()).toEqual(fileNames(['Noto Sans', 'Noto Sans Mono', 'Noto Emoji']));
    expect(existsSync(aliasFile())).toBe(false);
  });

  it.skipIf(!hasPandoc())('installs the stand-ins for the fonts of a PowerPoint template', async () => {
    writeFileSync(join(dir, 'reference.pptx'), referencePptx());
    const listed = await cli('fonts', '--theme', 'reference.pptx');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^Calibri \(measured with Carlito, metric-compatible\): .*Carlito_400Regular\.ttf/m);
    expect(existsSync(fontDir())).toBe(false);

    const installed = await cli('fonts', '--install', '--theme', 'reference.pptx');
    expect(installed.code).toBe(0);
    // The template names Calibri for headings and body; code and fallback come from the default theme.
    expect(readdirSync(fontDir()).sort()).toEqual(fileNames(['Carlito', 'Noto Sans Mono', 'Noto Emoji']));
    expect(readFileSync(aliasFile(), 'utf8')).toContain('<alias binding="same"><family>Calibri</family><accept><family>Carlito</family></accept></alias>');
  });

  it('says which file is not a template', async () => {
    writeFileSync(join(dir, 'notes.pptx'), 'plain text');
    const result = await cli('fonts', '--theme', 'notes.pptx');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^deckdown: cannot read the fonts of .*notes\.pptx: /);
  });
});

describe('a theme font without a file', () => {
  const themeYaml = 'extends: default\nname: serif\nfonts:\n  heading: Georgia\n  fallback: [Noto Emoji, Fancy Symbols]\n';
  const heading = 'warning: font "Georgia" has no file; measuring with "Noto Sans" made 10 % wider instead (add it under fonts.files) [missing-font-file]';
  const fallback = 'warning: font "Fancy Symbols" has no file; it is skipped as a fallback (add it under fonts.files) [missing-font-file]';

  beforeEach(() => {
    writeFileSync(join(dir, 'theme.yaml'), themeYaml);
    writeFileSync(join(dir, 'talk.md'), '---\ntitle: Talk\ntheme: ./theme.yaml\n---\n\n# Slide\n\nText.\n');
  });

  for (const command of ['check', 'build']) {
    it(`${command} warns at the font value in the theme file`, async () => {
      const result = await cli(command, 'talk.md');
      expect(result.code).toBe(0);
      const lines = result.stderr.split('\n');
      expect(lines).toContain(`${join(dir, 'theme.yaml')}:4:12: ${heading}`);
      expect(lines).toContain(`${join(dir, 'theme.yaml')}:5:26: ${fallback}`);
      expect((await cli(command, 'talk.md', '--strict')).code).toBe(1);
    });
  }

  it('check --json gives the theme file with the position', async () => {
    const result = await cli('check', 'talk.md', '--json');
    const [report] = JSON.parse(result.stdout) as { messages: { file?: string; line: number; column: number; ruleId: string }[] }[];
    expect(report!.messages.filter((message) => message.ruleId === 'missing-font-file')).toEqual([
      expect.objectContaining({ file: join(dir, 'theme.yaml'), line: 4, column: 12 }),
      expect.objectContaining({ file: join(dir, 'theme.yaml'), line: 5, column: 26 }),
    ]);
  });

  it('reaches the API\'s messages, on the deck when the theme is an object', async () => {
    const { messages } = await markdownToPptx('# Slide\n\nText.\n', { path: join(dir, 'plain.md'), theme: join(dir, 'theme.yaml') });
    const missing = messages.filter((message) => message.ruleId === 'missing-font-file');
    expect(missing.map((message) => [message.file, message.line, message.column, message.fatal])).toEqual([
      [join(dir, 'theme.yaml'), 4, 12, false],
      [join(dir, 'theme.yaml'), 5, 26, false],
    ]);

    const deck = { meta: { lang: 'en-US' }, slides: [{ layout: 'content', title: [{ type: 'text', text: 'Hi' }], body: [] }] };
    const plan = planSlides(deck, { theme: defineTheme({ fonts: { mono: 'Fira Code' } }) });
    expect(plan.messages.map((message) => [message.ruleId, message.reason, message.line])).toEqual([
      ['missing-font-file', 'font "Fira Code" has no file; measuring with "Noto Sans" made 10 % wider instead (add it under fonts.files)', undefined],
    ]);
  });

  it('is not given for a built-in theme, nor for a family with files under fonts.files', async () => {
    writeFileSync(join(dir, 'plain.md'), '# Slide\n\nText.\n');
    expect((await cli('check', 'plain.md')).stderr).not.toContain('missing-font-file');
    const notoSans = new FontSet().files(['Noto Sans']).find((file) => basename(file) === 'NotoSans_400Regular.ttf.br')!;
    writeFileSync(join(dir, 'theme.yaml'), `${themeYaml}  files:\n    Georgia: { regular: ${JSON.stringify(notoSans)} }\n`);
    const result = await cli('check', 'talk.md');
    expect(result.stderr).not.toContain('"Georgia"');
    expect(result.stderr).toContain('"Fancy Symbols"');
  });
});
