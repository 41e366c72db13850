import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { buildOutline, renderPptx } from '../api.js';
import { DeckdownError } from '../diagnostics/error.js';
import { formatMessages } from '../diagnostics/format.js';
import { hasErrors, report } from '../diagnostics/report.js';
import type { Deck } from '../outline/schema.js';
import { isThemePath } from '../theme/load.js';
import { listThemes } from '../theme/registry.js';
import { UsageError, USAGE } from './usage.js';
import { writeFileAtomic } from './write-atomic.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
}

const EXIT = { ok: 0, input: 1, usage: 2 } as const;

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

interface Loaded {
  deck?: Deck | undefined;
  messages: VFileMessage[];
}

/** Read one input: Markdown goes through the outline stage, JSON is taken as an outline. */
function loadInput(path: string, theme: string | undefined): Loaded {
  const value = attempt(`read ${path}`, () => readFileSync(path, 'utf8'));
  if (extname(path).toLowerCase() !== '.json') return buildOutline(new VFile({ path, value }), { theme });
  try {
    return { deck: JSON.parse(value) as Deck, messages: [] };
  } catch (error) {
    const file = new VFile({ path, value });
    report(file, 'invalid-outline', `not valid JSON: ${(error as Error).message}`);
    return { messages: [...file.messages] };
  }
}

/**
 * Where one input's output goes: next to it by default, the named file for a single input,
 * or inside the named directory.
 */
function targetPath(input: string, option: string | undefined, extension: '.pptx' | '.json', flag: string, count: number, cwd: string): string {
  const name = `${basename(input, extname(input))}${extension}`;
  if (!option) return join(dirname(input), name);
  const target = resolve(cwd, option);
  if (extname(target).toLowerCase() !== extension) return join(target, name);
  if (count > 1) throw new UsageError(`${flag} ${option} names one file, but there are ${count} inputs; give a directory instead`);
  return target;
}

function targetPaths(inputs: string[], option: string | undefined, extension: '.pptx' | '.json', flag: string, cwd: string): string[] {
  const targets = inputs.map((input) => targetPath(input, option, extension, flag, inputs.length, cwd));
  const clash = targets.find((target, index) => targets.indexOf(target) !== index);
  if (clash) throw new UsageError(`two inputs would both be written to ${clash}; build them into different directories`);
  return targets;
}

/** A file-system failure (unreadable input, output path that is a directory…) as one line, not a stack trace. */
class FileError extends Error {
  override name = 'FileError';
}

function attempt<T>(action: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw new FileError(`cannot ${action}: ${(error as Error).message}`);
    throw error;
  }
}

function checkInputs(inputs: string[], cwd: string): string[] {
  if (inputs.length === 0) throw new UsageError('no input file given');
  return inputs.map((input) => {
    const path = resolve(cwd, input);
    if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(`input file "${input}" does not exist`);
    return path;
  });
}

/** A theme path on the command line is relative to the working directory, like every other path there. */
function themeOption(values: Options, io: Io): string | undefined {
  return values.theme && isThemePath(values.theme) ? resolve(io.cwd, values.theme) : values.theme;
}

async function build(inputs: string[], values: Options, io: Io): Promise<number> {
  const paths = checkInputs(inputs, io.cwd);
  const theme = themeOption(values, io);
  const targets = targetPaths(paths, values.output, '.pptx', '-o', io.cwd);
  const outlines = values.outline ? targetPaths(paths, values.outline, '.json', '--outline', io.cwd) : [];
  let failed = false;
  for (const [index, path] of paths.entries()) {
    const { deck, messages } = loadInput(path, theme);
    if (messages.length > 0) io.stderr(`${formatMessages(messages)}\n`);
    if (!deck || hasErrors(messages)) {
      failed = true;
      continue;
    }
    try {
      const pptx = await renderPptx(deck, { theme, baseDir: dirname(path), sourceDateEpoch: io.env.SOURCE_DATE_EPOCH });
      attempt(`write ${targets[index]}`, () => writeFileAtomic(targets[index]!, pptx));
      if (outlines[index]) attempt(`write ${outlines[index]}`, () => writeFileAtomic(outlines[index]!, `${JSON.stringify(deck, null, 2)}\n`));
      io.stdout(`wrote ${targets[index]} (${deck.slides.length} slides)\n`);
    } catch (error) {
      if (!(error instanceof DeckdownError)) throw error;
      io.stderr(`${formatMessages(error.messages, path)}\n`);
      failed = true;
    }
  }
  return failed ? EXIT.input : EXIT.ok;
}

async function check(inputs: string[], values: Options, io: Io): Promise<number> {
  const paths = checkInputs(inputs, io.cwd);
  const theme = themeOption(values, io);
  let failed = false;
  for (const path of paths) {
    const { deck, messages } = loadInput(path, theme);
    const problems = [...messages];
    if (deck && !hasErrors(messages) && extname(path).toLowerCase() === '.json') {
      // Rendering validates the outline and its theme; the bytes are thrown away.
      try {
        await renderPptx(deck, { theme, baseDir: dirname(path) });
      } catch (error) {
        if (!(error instanceof DeckdownError)) throw error;
        problems.push(...error.messages);
      }
    }
    if (problems.length > 0) io.stderr(`${formatMessages(problems, path)}\n`);
    failed ||= !deck || hasErrors(problems);
    io.stdout(`${path}: ${hasErrors(problems) || !deck ? 'errors found' : `ok (${deck.slides.length} slides)`}\n`);
  }
  return failed ? EXIT.input : EXIT.ok;
}

interface Options {
  output?: string | undefined;
  theme?: string | undefined;
  outline?: string | undefined;
  help?: boolean | undefined;
  version?: boolean | undefined;
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        output: { type: 'string', short: 'o' },
        theme: { type: 'string', short: 't' },
        outline: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The command line, without the process: argv in, exit code out, all output through `io`. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    const { values, positionals } = parse(argv);
    if (values.version) {
      io.stdout(`${version()}\n`);
      return EXIT.ok;
    }
    const [command, ...inputs] = positionals;
    if (values.help || command === 'help') {
      io.stdout(USAGE);
      return EXIT.ok;
    }
    switch (command) {
      case 'build':
        return await build(inputs, values, io);
      case 'check':
        if (values.output || values.outline) throw new UsageError('check writes nothing; -o and --outline belong to build');
        return await check(inputs, values, io);
      case 'themes':
        io.stdout(`${listThemes().join('\n')}\n`);
        return EXIT.ok;
      case undefined:
        throw new UsageError('no command given');
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`deckdown: ${error.message}\nRun "deckdown --help" for usage.\n`);
      return EXIT.usage;
    }
    if (error instanceof FileError) {
      io.stderr(`deckdown: ${error.message}\n`);
      return EXIT.input;
    }
    throw error;
  }
}
