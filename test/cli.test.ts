import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { deckChoice, parseCommandLine } from '../src/cli/args.js';
import { decodeText } from '../src/cli/read-input.js';
import { run, type Io } from '../src/cli/run.js';
import { COMMAND_HELP, COMMANDS } from '../src/cli/usage.js';
import { watchInputs } from '../src/cli/watch.js';
import { writeFileAtomic } from '../src/cli/write-atomic.js';
import { readPackage, slideNames, structuralProblems } from './helpers/package.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'deckdown-cli-'));
});

/** The CLI in this process; `io` adds stdin, a terminal, an environment. */
async function cli(...argv: (string | Partial<Io>)[]) {
  let stdout = '';
  let stderr = '';
  const bytes: Uint8Array[] = [];
  const extra = argv.filter((arg): arg is Partial<Io> => typeof arg !== 'string');
  const args = argv.filter((arg): arg is string => typeof arg === 'string');
  const code = await run(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), stdoutBytes: (chunk) => bytes.push(chunk), cwd: dir, env: {}, ...Object.assign({}, ...extra) });
  return { code, stdout, stderr, deck: Buffer.concat(bytes) };
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
      expect(result.stderr).toMatch(/^deckdown: .+\nRun "deckdown (build |check )?--help" for usage\.\n$/);
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

  it('refuses a single .pptx output, or stdout, for several inputs', async () => {
    write('a.md', good);
    write('b.md', good);
    for (const output of ['deck.pptx', '-']) {
      const result = await cli('build', 'a.md', 'b.md', '-o', output);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^deckdown: -o ${output} (names one file|writes one deck to stdout), but there are 2 inputs`));
    }
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
    // The project the deck is in, whose files its front matter may name.
    write('package.json', '{}');
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

/** A 2×2 PNG, for pictures a deck names. */
function png(): Buffer {
  const picture = new PNG({ width: 2, height: 2 });
  picture.data.fill(0xff);
  return PNG.sync.write(picture);
}

/** Files in a folder whose names say they are temporary. */
const temporaries = (folder: string) => readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => /\.tmp$|deckdown-(preview|thumbs)-/.test(name));

describe('stdin and stdout', () => {
  it('reads a deck from stdin and writes it to stdout as bytes, with every message on stderr', async () => {
    writeFileSync(join(dir, 'pic.png'), png());
    const source = '# Slide\n\n![A dot](pic.png)\n\n<video></video>\n';
    const result = await cli('build', '-', '-o', '-', { stdin: [Buffer.from(source)] });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    // The picture was found relative to the working directory.
    const parts = readPackage(result.deck);
    expect([...parts.keys()].some((name) => name.startsWith('ppt/media/'))).toBe(true);
    expect(structuralProblems(parts)).toEqual([]);
    expect(result.stderr).toMatch(/^<stdin>:5:1: warning: .*\[html-dropped\]/m);
  });

  it('takes - as a deck without a command, and writes a deck read from stdin to the file -o names', async () => {
    const result = await cli('-', '-o', 'out.pptx', { stdin: [Buffer.from('# A'), Buffer.from('\n\nText.\n')] });
    expect(result.code).toBe(0);
    expect(slideNames(readPackage(readFileSync(join(dir, 'out.pptx'))))).toHaveLength(1);
  });

  it('refuses a deck from stdin with nowhere to go, and deck bytes on a terminal or beside a report', async () => {
    write('a.md', good);
    const nowhere = await cli('build', '-', { stdin: [Buffer.from(good)] });
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('a deck read from stdin has no folder to be written next to');
    const terminal = await cli('build', 'a.md', '-o', '-', { stdoutIsTTY: true });
    expect(terminal.code).toBe(2);
    expect(terminal.deck).toHaveLength(0);
    expect((await cli('build', 'a.md', '-o', '-', '--json')).code).toBe(2);
    expect((await cli('build', '-', '-', '-o', '-')).stderr).toContain('given twice');
  });

  it('reads no more of an endless stdin than the input budget', async () => {
    let read = 0;
    async function* endless() {
      const chunk = new Uint8Array(64 * 1024).fill(0x61);
      for (;;) {
        read += chunk.length;
        yield chunk;
      }
    }
    const result = await cli('build', '-', '-o', '-', '--limit', 'input-bytes=1M', { stdin: endless() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("<stdin>:1:1: error: the input's size in bytes exceeds the limit of 1,048,576 (--limit input-bytes=<n> raises it) [input-too-large]");
    expect(read).toBeLessThanOrEqual(1024 * 1024 + 64 * 1024);
  });
});

describe('a folder as input', () => {
  it('builds its .md and .markdown files, not README.md, hidden files or subfolders, next to each or into -o', async () => {
    mkdirSync(join(dir, 'talks/drafts'), { recursive: true });
    for (const name of ['talks/a.md', 'talks/b.markdown', 'talks/README.md', 'talks/.#a.md', 'talks/drafts/c.md', 'talks/notes.txt']) write(name, good);
    const next = await cli('build', 'talks');
    expect(next.code).toBe(0);
    expect(readdirSync(join(dir, 'talks')).filter((name) => name.endsWith('.pptx')).sort()).toEqual(['a.pptx', 'b.pptx']);
    expect(existsSync(join(dir, 'talks/drafts/c.pptx'))).toBe(false);
    // Without a command too, and into a folder.
    const into = await cli('talks', '-o', 'out');
    expect(into.code).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a.pptx', 'b.pptx']);
  });

  it('is a usage error when it holds no deck', async () => {
    mkdirSync(join(dir, 'empty'));
    const result = await cli('build', 'empty');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('folder "empty" has no .md or .markdown files to build');
  });
});

describe('input decoding and size', () => {
  const utf16 = (text: string, order: 'le' | 'be') => {
    const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
    return order === 'le' ? le : Buffer.from(le.map((_, index) => le[index ^ 1]!));
  };

  it.each(['le', 'be'] as const)('decodes UTF-16 %s with a byte order mark', async (order) => {
    writeFileSync(join(dir, 'talk.md'), utf16('# Сәлем\n\nMötley text.\n', order));
    const result = await cli('build', 'talk.md', '--outline', 'talk.json');
    expect(result.code, result.stderr).toBe(0);
    const outline = readFileSync(join(dir, 'talk.json'), 'utf8');
    expect(outline).toContain('"Сәлем"');
    expect(outline).toContain('Mötley text.');
  });

  it('strips a UTF-8 byte order mark, so the front matter is still front matter', async () => {
    writeFileSync(join(dir, 'talk.md'), `\uFEFF${good}`);
    const result = await cli('build', 'talk.md', '--outline', 'talk.json');
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'talk.json'), 'utf8')).meta.title).toBe('Good');
  });

  it('refuses invalid UTF-8 at its first bad byte, after a genuine U+FFFD', async () => {
    writeFileSync(join(dir, 'talk.md'), Buffer.concat([Buffer.from('# Title\n\nok \uFFFD ok é '), Buffer.from([0xc3, 0x28]), Buffer.from(' more\n')]));
    const result = await cli('build', 'talk.md');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${join(dir, 'talk.md')}:3:11: error: byte 0xC3 is not valid UTF-8; save the file as UTF-8 (or as UTF-16 with a byte order mark) [invalid-encoding]\n`);
    expect(existsSync(join(dir, 'talk.pptx'))).toBe(false);
  });

  it('says where bad UTF-8 is, line and column, past a byte order mark', () => {
    expect(decodeText(Buffer.concat([Buffer.from('\uFEFFa\nbc'), Buffer.from([0xff])]))).toEqual({ problem: expect.stringContaining('byte 0xFF'), line: 2, column: 3 });
    expect(decodeText(Buffer.from([0x61, 0xe2, 0x82]))).toEqual({ problem: expect.stringContaining('byte 0xE2'), line: 1, column: 2 });
  });

  it('refuses binary data and zip packages as not text, and builds the other inputs', async () => {
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0x23, 0x20, 0x41, 0x00, 0x01, 0x02]));
    writeFileSync(join(dir, 'deck.md'), Buffer.from('PK\x03\x04 rest of a zip'));
    write('talk.md', good);
    const result = await cli('build', 'binary.md', 'deck.md', 'talk.md');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('binary.md:1:1: error: the input is not a text file: it holds NUL bytes');
    expect(result.stderr).toContain('deck.md:1:1: error: the input is not a text file: it is a zip package');
    expect(existsSync(join(dir, 'talk.pptx'))).toBe(true);
  });

  it('checks a file against the input budget by its size, before reading it', async () => {
    // A sparse file: 10 GB that costs nothing on disk, and would take minutes to read.
    const huge = join(dir, 'huge.md');
    writeFileSync(huge, '# Huge\n');
    truncateSync(huge, 10 * 1024 ** 3);
    const result = await cli('build', 'huge.md');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("huge.md:1:1: error: the input's size in bytes exceeds the limit of 10,485,760 (--limit input-bytes=<n> raises it) [input-too-large]");
    write('small.md', `# Small\n\n${'word '.repeat(400)}\n`);
    expect((await cli('build', 'small.md', '--limit', 'input-bytes=1k')).code).toBe(1);
    expect((await cli('build', 'small.md', '--limit', 'input-bytes=4k')).code).toBe(0);
  });

  it.skipIf(!existsSync('/dev/zero'))('reads a device only up to the input budget', async () => {
    const result = await cli('build', '/dev/zero', '-o', 'zero.pptx');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('/dev/zero:1:1: error: the input\'s size in bytes exceeds the limit');
  });
});

describe('budget and root options', () => {
  it('passes --limit and --allow-outside-root to the API as limits and resourceRoot', () => {
    const { values } = parseCommandLine(['build', 'talk.md', '--limit', 'slides=5', '--limit', 'input-bytes=2M', '--allow-outside-root']);
    expect(deckChoice(values, dir)).toEqual({ theme: undefined, referenceDoc: undefined, limits: { slides: 5, inputBytes: 2 * 1024 * 1024 }, resourceRoot: false });
    expect(deckChoice(parseCommandLine(['build', 'talk.md']).values, dir)).toMatchObject({ limits: {}, resourceRoot: undefined });
  });

  it('is a usage error for a --limit it does not understand, naming the limits there are', async () => {
    write('talk.md', good);
    for (const setting of ['slides', 'nope=3', 'slides=many', 'slides=-1']) {
      const result = await cli('build', 'talk.md', '--limit', setting);
      expect(result.code, setting).toBe(2);
      expect(result.stderr).toContain(`--limit ${setting}: expected name=number, with a name among input-bytes, depth`);
    }
  });
});

describe('writing the output', () => {
  it('never follows a link planted at the temporary name, and leaves no temporary file', () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'untouched');
    mkdirSync(join(dir, 'out'));
    symlinkSync(victim, join(dir, 'out', '.deck.pptx.planted.tmp'));
    const names = ['.deck.pptx.planted.tmp', '.deck.pptx.second.tmp'];
    writeFileAtomic(join(dir, 'out', 'deck.pptx'), 'the deck', () => names.shift()!);
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
    expect(readFileSync(join(dir, 'out', 'deck.pptx'), 'utf8')).toBe('the deck');
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['.deck.pptx.planted.tmp', 'deck.pptx']);
  });

  it('leaves the previous output and no temporary file when the rename fails', async () => {
    write('talk.md', good);
    mkdirSync(join(dir, 'taken.pptx'));
    writeFileSync(join(dir, 'taken.pptx', 'inside'), 'kept');
    expect((await cli('build', 'talk.md', '-o', 'taken.pptx')).code).toBe(1);
    expect(readFileSync(join(dir, 'taken.pptx', 'inside'), 'utf8')).toBe('kept');
    expect(temporaries(dir)).toEqual([]);
  });
});

describe('help', () => {
  it('prints each command\'s own help, as help <command> and as <command> --help', async () => {
    for (const command of COMMANDS) {
      const asked = await cli('help', command);
      expect(asked.code, command).toBe(0);
      expect(asked.stdout).toBe(COMMAND_HELP[command]);
      expect((await cli(command, '--help')).stdout).toBe(COMMAND_HELP[command]);
    }
    expect((await cli('theme', 'import', '--help')).stdout).toBe(COMMAND_HELP.theme);
    expect((await cli('help')).stdout).toContain('help <command>');
  });

  it('suggests the command a typo meant, and nothing for a word far from any', async () => {
    const typo = await cli('biuld', 'talk.md');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^deckdown: unknown command "biuld"; did you mean "build"\?\n/);
    expect((await cli('help', 'chekc')).stderr).toContain('did you mean "check"?');
    expect((await cli('frobnicate')).stderr).toMatch(/^deckdown: unknown command "frobnicate"\n/);
  });

  it('is a usage error to give a command an option it does not take, pointing to its help', async () => {
    write('talk.md', good);
    const result = await cli('check', 'talk.md', '--watch');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('deckdown: --watch is not an option of check\nRun "deckdown check --help" for usage.\n');
  });
});

describe('terminal output', () => {
  const ESC = '\x1b';

  it('escapes control characters in file names and values it echoes', async () => {
    const name = `e${ESC}[31mvil\x07.md`;
    write(name, good);
    const built = await cli('build', name);
    expect(built.code).toBe(0);
    expect(built.stdout).toContain('e\\u001b[31mvil\\u0007.pptx');
    const missing = await cli('build', `no${ESC}]0;title\x07.md`);
    expect(missing.stderr).toContain('input "no\\u001b]0;title\\u0007.md" does not exist');
    for (const output of [built.stdout, built.stderr, missing.stderr]) expect(output).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
  });

  it('colours severities and positions on a terminal, unless NO_COLOR; FORCE_COLOR colours a pipe', async () => {
    write('bad.md', bad);
    const coloured = `${ESC}[1m${join(dir, 'bad.md')}:2:8${ESC}[22m: ${ESC}[1m${ESC}[31merror${ESC}[39m${ESC}[22m: front matter`;
    expect((await cli('check', 'bad.md', { stderrIsTTY: true })).stderr).toContain(coloured);
    expect((await cli('check', 'bad.md', { stderrIsTTY: false, env: { FORCE_COLOR: '1' } })).stderr).toContain(coloured);
    for (const plain of [{ stderrIsTTY: false }, { stderrIsTTY: true, env: { NO_COLOR: '1' } }, { stderrIsTTY: true, env: { NO_COLOR: '1', FORCE_COLOR: '1' } }, { stderrIsTTY: false, env: { FORCE_COLOR: '0' } }, { stderrIsTTY: true, env: { TERM: 'dumb' } }]) {
      const result = await cli('check', 'bad.md', plain);
      expect(result.stderr, JSON.stringify(plain)).toContain(`${join(dir, 'bad.md')}:2:8: error: front matter`);
      expect(result.stderr).not.toContain(ESC);
    }
  });

  it('shows progress for several decks on a terminal, rewritten in place, and none in CI or a pipe', async () => {
    write('a.md', good);
    write('b.md', good);
    const shown = await cli('build', 'a.md', 'b.md', { stderrIsTTY: true });
    expect(shown.code).toBe(0);
    expect(shown.stderr).toContain(`\r${ESC}[K[1/2] a.md`);
    expect(shown.stderr).toContain(`\r${ESC}[K[2/2] b.md`);
    // The line is gone at the end.
    expect(shown.stderr.endsWith(`\r${ESC}[K`)).toBe(true);
    for (const quiet of [{ stderrIsTTY: true, env: { CI: 'true' } }, { stderrIsTTY: false }]) {
      expect((await cli('build', 'a.md', 'b.md', quiet)).stderr).toBe('');
    }
    // One deck is quick: no progress.
    expect((await cli('build', 'a.md', { stderrIsTTY: true })).stderr).toBe('');
  });
});

/** Stand-ins for LibreOffice and pdftoppm, in a folder put first on PATH. */
function fakeRenderers(soffice: string): string {
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'soffice'), `#!/bin/sh\n${soffice}\n`);
  // pdftoppm <options> <pdf> <prefix>: one page.
  writeFileSync(join(bin, 'pdftoppm'), '#!/bin/sh\nfor last; do :; done\ncp "$FAKE_PNG" "$last-1.png"\n');
  for (const name of ['soffice', 'pdftoppm']) chmodSync(join(bin, name), 0o755);
  writeFileSync(join(dir, 'page.png'), png());
  mkdirSync(join(dir, 'tmp'));
  return bin;
}

/** soffice … --outdir <dir> <deck.pptx>: a PDF beside it. */
const CONVERTS = 'while [ $# -gt 0 ]; do [ "$1" = --outdir ] && out="$2"; input="$1"; shift; done\necho "%PDF" > "$out/$(basename "$input" .pptx).pdf"';

describe.skipIf(process.platform === 'win32')('preview', () => {
  const env = (bin: string, more: Record<string, string> = {}) => ({ PATH: `${bin}:${process.env.PATH}`, TMPDIR: join(dir, 'tmp'), FAKE_PNG: join(dir, 'page.png'), ...more });

  it('leaves nothing in the temporary folder when it succeeds, and says what it waits for on a terminal', async () => {
    const bin = fakeRenderers(CONVERTS);
    write('talk.md', good);
    const result = await cli('preview', 'talk.md', '-o', 'pictures', { env: env(bin), stderrIsTTY: true });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('[1/1] talk.md: rendering with LibreOffice');
    expect(result.stdout).toContain(`wrote 1 slide pictures and ${join(dir, 'pictures', 'talk-contact-sheet.png')}`);
    expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
  });

  it('says in one line that LibreOffice failed, and leaves nothing in the temporary folder', async () => {
    const bin = fakeRenderers('echo "source file could not be loaded" >&2\nexit 3');
    write('talk.md', good);
    const result = await cli('preview', 'talk.md', '-o', 'pictures', { env: env(bin) });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('deckdown: soffice failed with exit code 3: source file could not be loaded\n');
    expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
  });

  it('stops LibreOffice and removes its folder when interrupted', async () => {
    const bin = fakeRenderers('echo $$ > "$FAKE_PID"\nexec sleep 60');
    write('talk.md', good);
    const interrupt = new AbortController();
    const pidFile = join(dir, 'soffice.pid');
    const running = cli('preview', 'talk.md', '-o', 'pictures', { env: env(bin, { FAKE_PID: pidFile }), signal: interrupt.signal });
    const pid = Number(await waitForFile(pidFile));
    expect(isRunning(pid)).toBe(true);
    interrupt.abort('SIGINT');
    // Stopped and removed at once, as the process exits right after.
    expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
    await running;
    await until(() => !isRunning(pid));
  });
});

/** Poll until `done` holds, up to 20 s. */
async function until(done: () => boolean): Promise<void> {
  for (let tries = 0; !done(); tries += 1) {
    if (tries > 400) throw new Error('timed out');
    await new Promise((wake) => setTimeout(wake, 50));
  }
}

async function waitForFile(path: string): Promise<string> {
  await until(() => existsSync(path) && readFileSync(path, 'utf8').endsWith('\n'));
  return readFileSync(path, 'utf8');
}

/** Whether a process is alive: neither gone nor a zombie waiting to be reaped. */
function isRunning(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (existsSync('/proc/self/stat')) return existsSync(stat) && !/^\d+ \(.*\) Z/.test(readFileSync(stat, 'utf8'));
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('watching files', () => {
  it('rebuilds each input its changed file belongs to, in one batch per burst, until aborted', async () => {
    const [a, b, shared] = ['a.md', 'b.md', 'shared.json'].map((name) => write(name, 'x'));
    const batches: string[][] = [];
    const stop = new AbortController();
    const watching = watchInputs({ inputs: () => [a!, b!], dependencies: (input) => [input, shared!], rebuild: async (inputs) => void batches.push(inputs), signal: stop.signal, debounceMs: 50 });
    writeFileSync(a!, 'y');
    await until(() => batches.length === 1);
    writeFileSync(shared!, 'y');
    writeFileSync(b!, 'y');
    await until(() => batches.length === 2);
    write('unrelated.md', 'y');
    stop.abort();
    await watching;
    expect(batches).toEqual([[a], [a, b]]);
  });

  it('says it is ready once the files are watched: a change made then is seen', async () => {
    const input = write('ready.md', 'x');
    const batches: string[][] = [];
    let readies = 0;
    const stop = new AbortController();
    const watching = watchInputs({
      inputs: () => [input],
      dependencies: (file) => [file],
      rebuild: async (inputs) => void batches.push(inputs),
      signal: stop.signal,
      debounceMs: 10,
      ready: () => {
        readies += 1;
        writeFileSync(input, 'y');
      },
    });
    await until(() => batches.length === 1);
    stop.abort();
    await watching;
    expect(batches).toEqual([[input]]);
    expect(readies).toBe(1);
  });

  it('ends with the error a rebuild throws', async () => {
    const a = write('a.md', 'x');
    const watching = watchInputs({ inputs: () => [a], dependencies: (input) => [input], rebuild: () => Promise.reject(new Error('broken')), signal: undefined, debounceMs: 10 });
    writeFileSync(a, 'y');
    await expect(watching).rejects.toThrow('broken');
  });
});

const root = fileURLToPath(new URL('..', import.meta.url));

/** The CLI in a process of its own, from source, for what only a process has: signals and file watching. */
function spawnCli(args: string[], env: Record<string, string> = {}) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/bin.ts'), ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { stdout: '', stderr: '' };
  child.stdout!.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, output, exit };
}

/** A deck that takes seconds to lay out. */
const slow = Array.from({ length: 200 }, (_, index) => `# Slide ${index + 1}\n\n${'Words to set and fit. '.repeat(20)}\n`).join('\n');

describe.skipIf(process.platform === 'win32')('interrupts and watching, in a process', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s during a build exits %i, leaving the previous deck and no temporary file', async (signal, code) => {
    mkdirSync(join(dir, 'talks'));
    write('talks/a.md', good);
    write('talks/b.md', slow);
    write('talks/b.pptx', 'previous deck');
    const { child, output, exit } = spawnCli(['build', join(dir, 'talks')]);
    await until(() => output.stdout.includes('a.pptx'));
    child.kill(signal);
    expect(await exit).toBe(code);
    expect(output.stderr).toBe('');
    expect(readFileSync(join(dir, 'talks/b.pptx'), 'utf8')).toBe('previous deck');
    expect(temporaries(dir)).toEqual([]);
  }, 60_000);

  it('SIGINT during a preview exits 130, stops LibreOffice and leaves no temporary folder', async () => {
    const bin = fakeRenderers('echo $$ > "$FAKE_PID"\nexec sleep 60');
    write('talk.md', good);
    const pidFile = join(dir, 'soffice.pid');
    const { child, exit } = spawnCli(['preview', join(dir, 'talk.md'), '-o', join(dir, 'pictures')], { PATH: `${bin}:${process.env.PATH}`, TMPDIR: join(dir, 'tmp'), FAKE_PID: pidFile });
    const pid = Number(await waitForFile(pidFile));
    child.kill('SIGINT');
    expect(await exit).toBe(130);
    await until(() => !isRunning(pid));
    expect(readdirSync(join(dir, 'tmp')).filter((name) => name.startsWith('deckdown-'))).toEqual([]);
  }, 60_000);

  it('--watch rebuilds on a change of the deck or the theme it extends, once per burst, keeps the last good deck on errors, and stops on Ctrl-C', async () => {
    const theme = JSON.parse(readFileSync(new URL('../templates/default/theme.json', import.meta.url), 'utf8'));
    // The deck's theme extends another file: a change there is a change of the theme.
    const writeTheme = (heading: string) => write('base.json', JSON.stringify({ ...theme, name: 'base', colors: { ...theme.colors, heading } }));
    writeTheme('123456');
    write('mine.json', JSON.stringify({ extends: 'base.json', name: 'mine' }));
    const deck = (text: string) => `---\ntitle: Watched\ntheme: mine.json\n---\n\n# Slide\n\n${text}\n`;
    write('talk.md', deck('First.'));
    const { child, output, exit } = spawnCli(['build', join(dir, 'talk.md'), '--watch']);
    const builds = () => output.stdout.split('wrote ').length - 1;
    const pptx = () => readPackage(readFileSync(join(dir, 'talk.pptx')));
    await until(() => output.stderr.includes('watching'));
    expect(builds()).toBe(1);

    write('talk.md', '---\ntitle: 42\n---\n\n# Slide\n');
    await until(() => output.stderr.includes('[invalid-front-matter]'));
    expect(JSON.stringify([...pptx().values()])).toContain('First.');

    // An editor's burst of saves is one build, of the last.
    for (const word of ['One', 'Two', 'Three', 'Four']) write('talk.md', deck(`${word}.`));
    await until(() => builds() === 2);
    expect(JSON.stringify([...pptx().values()])).toContain('Four.');

    writeTheme('654321');
    await until(() => builds() === 3);
    expect(pptx().get('ppt/theme/theme1.xml')).toContain('<a:dk2><a:srgbClr val="654321"/></a:dk2>');
    expect(builds()).toBe(3);

    child.kill('SIGINT');
    expect(await exit).toBe(130);
    expect(temporaries(dir)).toEqual([]);
  }, 90_000);

  it('--watch on a folder rebuilds a deck when a picture it shows changes, and builds a deck saved in the folder later', async () => {
    mkdirSync(join(dir, 'talks', 'img'), { recursive: true });
    writeFileSync(join(dir, 'talks', 'img', 'chart.png'), png());
    write('talks/a.md', '# Figures\n\n![The chart](img/chart.png)\n');
    const { child, output, exit } = spawnCli(['build', join(dir, 'talks'), '--watch']);
    const wrote = (name: string) => output.stdout.split('\n').filter((line) => line.startsWith(`wrote ${join(dir, 'talks', name)}`)).length;
    await until(() => output.stderr.includes('watching'));
    expect(wrote('a.pptx')).toBe(1);

    const bigger = new PNG({ width: 4, height: 3 });
    bigger.data.fill(0x80);
    writeFileSync(join(dir, 'talks', 'img', 'chart.png'), PNG.sync.write(bigger));
    await until(() => wrote('a.pptx') === 2);

    write('talks/b.md', '# Later\n\nA deck saved after the watch began.\n');
    await until(() => wrote('b.pptx') === 1);
    expect(JSON.stringify([...readPackage(readFileSync(join(dir, 'talks', 'b.pptx'))).values()])).toContain('A deck saved after the watch began.');
    expect(wrote('a.pptx')).toBe(2);

    child.kill('SIGINT');
    expect(await exit).toBe(130);
  }, 90_000);
});
