import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { readPackage, slideNames } from './helpers/package.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'deckdown-cli-'));
});

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd: dir, env: {} });
  return { code, stdout, stderr };
}

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const good = '---\ntitle: Good\nlang: kk-KZ\n---\n\n# Slide\n\nText.\n';
const bad = '---\ntitle: 42\n---\n\n# Slide\n';

describe('deckdown CLI', () => {
  it('prints help and version with exit code 0', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: deckdown <command>');
    const version = await cli('--version');
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
  });

  it('exits 2 on usage errors, with a hint and no stack trace', async () => {
    for (const argv of [[], ['frobnicate'], ['build'], ['build', 'missing.md'], ['build', '--nope', 'x.md'], ['check', 'x.md', '-o', 'y.pptx']]) {
      if (argv[1] === 'x.md' || argv[2] === 'x.md') write('x.md', good);
      const result = await cli(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^deckdown: .+\nRun "deckdown --help" for usage\.\n$/);
    }
  });

  it('builds a deck next to its input by default', async () => {
    write('talk.md', good);
    const result = await cli('build', 'talk.md');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('talk.pptx (2 slides; 0 shrunk, 0 continued)');
    expect(slideNames(readPackage(readFileSync(join(dir, 'talk.pptx'))))).toHaveLength(2);
  });

  it('takes a deck file without a command as a build, as pandoc and marp do', async () => {
    write('talk.md', good);
    const result = await cli('talk.md', '-o', 'out.pptx');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('out.pptx (2 slides; 0 shrunk, 0 continued)');
    expect(slideNames(readPackage(readFileSync(join(dir, 'out.pptx'))))).toHaveLength(2);
    // A word that names no deck file is still an unknown command.
    expect((await cli('talk')).stderr).toMatch(/^deckdown: unknown command "talk"/);
  });

  it('ends quietly when the reader of its output goes away (EPIPE)', async () => {
    const bin = new URL('../src/cli/bin.ts', import.meta.url).pathname;
    const child = spawn(process.execPath, ['--import', 'tsx', bin, 'themes'], { cwd: new URL('..', import.meta.url).pathname, stdio: ['ignore', 'pipe', 'pipe'] });
    // Close the reading end before the CLI writes: its write then meets a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('builds several inputs into a directory and writes outlines on request', async () => {
    write('a.md', good);
    write('b.md', '# B\n\nText.\n');
    const result = await cli('build', 'a.md', 'b.md', '-o', 'out/', '--outline', 'outlines');
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, 'out/a.pptx')) && existsSync(join(dir, 'out/b.pptx'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'outlines/a.json'), 'utf8')).meta.lang).toBe('kk-KZ');
  });

  it('refuses two inputs that would overwrite each other', async () => {
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    write('a/talk.md', good);
    write('b/talk.md', good);
    const result = await cli('build', 'a/talk.md', 'b/talk.md', '-o', 'out');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('two inputs would both be written to');
  });

  it('reports a file-system failure in one line, without a stack trace', async () => {
    write('talk.md', good);
    mkdirSync(join(dir, 'taken.pptx'));
    const result = await cli('build', 'talk.md', '-o', 'taken.pptx');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^deckdown: cannot write .*taken\.pptx: .+\n$/);
  });

  it('refuses a single .pptx output for several inputs', async () => {
    write('a.md', good);
    write('b.md', good);
    const result = await cli('build', 'a.md', 'b.md', '-o', 'deck.pptx');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('names one file, but there are 2 inputs');
  });

  it('reports input errors as file:line:col and leaves an existing deck untouched', async () => {
    write('talk.md', bad);
    const existing = write('talk.pptx', 'previous deck');
    const result = await cli('build', 'talk.md');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(dir, 'talk.md')}:2:8: error: front matter "title" has the wrong value 42`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(existing, 'utf8')).toBe('previous deck');
  });

  it('names the available themes for an unknown --theme', async () => {
    write('talk.md', good);
    const result = await cli('build', 'talk.md', '--theme', 'nope');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('unknown theme "nope"; available themes: dark, default, lecture [unknown-theme]');
  });

  it('accepts a theme file path', async () => {
    const theme = JSON.parse(readFileSync(new URL('../templates/default/theme.json', import.meta.url), 'utf8'));
    mkdirSync(join(dir, 'themes'));
    write('themes/mine.json', JSON.stringify({ ...theme, name: 'mine', colors: { ...theme.colors, heading: '123456' } }));
    mkdirSync(join(dir, 'talks'));
    write('talks/talk.md', good);
    const result = await cli('build', 'talks/talk.md', '--theme', 'themes/mine.json', '-o', 'talk.pptx');
    expect(result.code).toBe(0);
    // The heading colour is the theme's second dark colour, which titles refer to.
    expect(readPackage(readFileSync(join(dir, 'talk.pptx'))).get('ppt/theme/theme1.xml')).toContain('<a:dk2><a:srgbClr val="123456"/></a:dk2>');
    // In the front matter, a theme path is relative to the Markdown file.
    write('talks/own.md', '---\ntheme: ../themes/mine.json\n---\n\n# Slide\n\nText.\n');
    expect((await cli('build', 'talks/own.md')).code).toBe(0);
    expect(readPackage(readFileSync(join(dir, 'talks/own.pptx'))).get('ppt/theme/theme1.xml')).toContain('<a:dk2><a:srgbClr val="123456"/></a:dk2>');
  });

  it('check validates a theme file, not only its existence', async () => {
    write('bad-theme.json', JSON.stringify({ name: 'bad' }));
    write('talk.md', '---\ntheme: bad-theme.json\n---\n\n# Slide\n\nText.\n');
    const result = await cli('check', 'talk.md');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/talk\.md:2:8: error: .*bad-theme\.json:1:1: slide: .* \[invalid-theme\]/);
  });

  it('check reports warnings with exit 0 and errors with exit 1, writing nothing', async () => {
    write('warn.md', '---\ntitel: x\n---\n\n# Slide\n\nText.\n');
    const warn = await cli('check', 'warn.md');
    expect(warn.code).toBe(0);
    expect(warn.stderr).toContain('warn.md:2:1: warning: unknown front matter key "titel"; did you mean "title"?');
    write('bad.md', bad);
    expect((await cli('check', 'bad.md')).code).toBe(1);
    write('empty.md', '\n');
    const empty = await cli('check', 'empty.md');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('empty.md:1:1: error: the document is empty');
    expect(existsSync(join(dir, 'warn.pptx'))).toBe(false);
  });

  it('reports fitting per slide, as data with --json, and fails continuations with --strict', async () => {
    const items = Array.from({ length: 30 }, (_, i) => `- Пункт ${i + 1}: Қазақстан халықаралық бейбітшілік пен қауіпсіздікті қолдаудың мәселелерін талқылады.`).join('\n');
    write('long.md', `---\nlang: kk-KZ\n---\n\n# Ұзын\n\n${items}\n`);
    const checked = await cli('check', 'long.md');
    expect(checked.code).toBe(0);
    expect(checked.stderr).toMatch(/long\.md:5:1: info: slide 1 "Ұзын": text set at \d+ pt instead of 28 pt to fit \[text-shrunk\]/);
    expect(checked.stderr).toMatch(/long\.md:5:1: info: slide 1 "Ұзын": continues onto \d+ more slides? \[slide-continued\]/);
    expect(checked.stdout).toMatch(/long\.md: ok \(\d+ slides; 1 shrunk, 1 continued\)/);

    const json = await cli('check', 'long.md', '--json');
    const [report] = JSON.parse(json.stdout) as { file: string; slides: number; fit: { continuations: number; bodyPt: number }[]; messages: { ruleId: string; severity: string }[] }[];
    expect(report!.file).toBe(join(dir, 'long.md'));
    expect(report!.fit[0]!.continuations).toBeGreaterThan(0);
    expect(report!.slides).toBe(report!.fit[0]!.continuations + 1);
    expect(report!.messages.map((m) => [m.ruleId, m.severity])).toEqual([
      ['text-shrunk', 'info'],
      ['slide-continued', 'info'],
    ]);

    expect((await cli('check', 'long.md', '--strict')).code).toBe(1);
    expect((await cli('build', 'long.md', '--strict')).code).toBe(1);
    write('talk.md', good);
    expect((await cli('check', 'talk.md', '--strict')).code).toBe(0);
  });

  it('lists the font files a theme is measured with', async () => {
    const result = await cli('fonts');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Noto Sans: .*NotoSans_400Regular\.ttf/m);
    expect(result.stdout).toMatch(/^Noto Emoji: .*NotoEmoji_400Regular\.ttf/m);
  });

  it('builds and checks a JSON outline, reporting schema errors by path', async () => {
    write('deck.json', JSON.stringify({ meta: { lang: 'en-US' }, slides: [{ layout: 'content', title: [{ type: 'text', text: 'Hi' }], body: [] }] }));
    expect((await cli('build', 'deck.json')).code).toBe(0);
    expect(existsSync(join(dir, 'deck.pptx'))).toBe(true);
    write('broken.json', JSON.stringify({ meta: {}, slides: [{ layout: 'content', title: 'not runs', body: [] }] }));
    const broken = await cli('check', 'broken.json');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/broken\.json:1:1: error: slides\.0\.title: .*expected array.* \[invalid-outline\]/);
  });
});
