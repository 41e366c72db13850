import { readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { formatMessages } from '../diagnostics/format.js';
import { hasErrors } from '../diagnostics/report.js';
import type { SlideFit } from '../layout/layout-deck.js';
import type { Deck } from '../outline/schema.js';
import { inThisThread, workerBuilder, type Builder } from '../isolate/builder.js';
import { fromMessageData } from '../isolate/message-data.js';
import { listThemes } from '../theme/registry.js';
import { packageRoot } from '../package-root.js';
import { checkOptions, deckChoice, parseCommandLine, type DeckChoice, type Options } from './args.js';
import { attempt, FileError } from './file-error.js';
import { expandInputs, inputName, STDIN } from './inputs.js';
import type { Io } from './io.js';
import { readSource } from './read-source.js';
import { STDOUT, targetPaths } from './targets.js';
import { terminal, type Terminal } from './terminal.js';
import { COMMAND_HELP, isCommand, suggestCommand, UsageError, USAGE, type Command } from './usage.js';
import { watchInputs } from './watch.js';
import { writeFileAtomic } from './write-atomic.js';
import { EXIT } from './exit.js';

export type { Io } from './io.js';

function version(): string {
  const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

interface Checked {
  path: string;
  deck?: Deck | undefined;
  /** The number of slides and the fitting of each, once the deck is laid out. */
  slides?: number | undefined;
  fit?: SlideFit[] | undefined;
  messages: VFileMessage[];
  pptx?: Uint8Array | undefined;
  /** The files the deck and its theme named, for --watch. */
  files?: string[] | undefined;
}

/** What a command wants of each build besides the report: the deck's bytes, its outline. */
interface Wants {
  render: boolean;
  outline: boolean;
}

/** Read one input and build it: everything `check` reports and what else the command `wants`. */
async function checkInput(path: string, choice: DeckChoice, io: Io, builder: Builder, wants: Wants): Promise<Checked> {
  const { file, text } = await readSource(path, choice, io);
  if (text === undefined) return { path, messages: [...file.messages] };
  const result = await builder.run({
    path: file.path,
    baseDir: path === STDIN ? io.cwd : dirname(path),
    cwd: io.cwd,
    text,
    outline: extname(path).toLowerCase() === '.json',
    theme: choice.theme,
    referenceDoc: choice.referenceDoc,
    limits: choice.limits,
    resourceRoot: choice.resourceRoot,
    render: wants.render,
    returnOutline: wants.outline,
    sourceDateEpoch: io.env.SOURCE_DATE_EPOCH,
  });
  return { ...result, path, messages: result.messages.map(fromMessageData) };
}

/** Where decks are built: in workers within the heap and time budgets, unless the caller runs the CLI where workers cannot start. */
function builderFor(paths: readonly string[], choice: DeckChoice, io: Io): Builder {
  return io.isolate ? workerBuilder({ limits: choice.limits, tasks: paths.length, signal: io.signal }) : inThisThread;
}

/** Every input read and built, as many at once as the builder takes, in the order given. */
function checkAll(paths: readonly string[], choice: DeckChoice, io: Io, builder: Builder, wants: Wants): Promise<Checked>[] {
  const pending = paths.map((path) => checkInput(path, choice, io, builder, wants));
  // Each is awaited in turn; one that fails before its turn must not count as unhandled meanwhile.
  for (const result of pending) result.catch(() => undefined);
  return pending;
}

/** Progress as `[2/5] talk.md`, on a terminal, when there is more than one deck or a slow step to wait for. */
function progressOf(term: Terminal, paths: readonly string[], cwd: string): (index: number, doing?: string) => void {
  return (index, doing = '') => {
    if (paths.length === 1 && !doing) return;
    const path = paths[index]!;
    const name = path === STDIN ? 'stdin' : relative(cwd, path) || path;
    // The end of a long path names the file; the line must not wrap.
    term.progress(`[${index + 1}/${paths.length}] ${name.length > 48 ? `…${name.slice(-47)}` : name}${doing}`);
  };
}

/** Each input's result, in the order given, as it comes, with progress: what every command does with what it built. */
async function inTurn<T>(pending: readonly Promise<Checked>[], step: (index: number) => void, use: (result: Checked, index: number) => T | Promise<T>): Promise<T[]> {
  const used: T[] = [];
  for (const [index, result] of pending.entries()) {
    step(index);
    used.push(await use(await result, index));
  }
  return used;
}

/** Diagnostics, on stderr. */
function printMessages(term: Terminal, { messages, path }: Checked): void {
  if (messages.length > 0) term.err(`${formatMessages(messages, path)}\n`);
}

function summary({ slides = 0, fit = [] }: Checked): string {
  const shrunk = fit.filter((slide) => slide.bodyPt !== undefined || slide.titlePt !== undefined).length;
  const continued = fit.filter((slide) => slide.continuations > 0).length;
  return `${slides} slides; ${shrunk} shrunk, ${continued} continued`;
}

/** The fitting report as data, for `--json`. */
function jsonReport(checked: Checked[]): string {
  const severity = (message: VFileMessage) => (message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info');
  const report = checked.map(({ path, slides, fit, messages }) => ({
    file: path,
    slides,
    fit,
    messages: messages.map((message) => ({ ...(message.file && message.file !== path ? { file: message.file } : {}), line: message.line, column: message.column, severity: severity(message), ruleId: message.ruleId, reason: message.reason })),
  }));
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Problems decide the exit code; with --strict, so does any warning or continuation. */
function exitCode(checked: Checked[], strict: boolean | undefined): number {
  const failed = checked.some(({ fit, messages }) => !fit || hasErrors(messages));
  const continued = checked.some(({ fit }) => fit?.some((slide) => slide.continuations > 0 || slide.overflow));
  const warned = checked.some(({ messages }) => messages.some((message) => message.fatal === false));
  return failed || (strict && (continued || warned)) ? EXIT.input : EXIT.ok;
}

/** `-o -` and the options that would write to stdout beside it, or to a terminal. */
function checkStdout(targets: string[], values: Options, io: Io): void {
  if (!targets.includes(STDOUT)) return;
  if (values.json) throw new UsageError('--json and -o - would both write to stdout; choose one', 'build');
  if (values.watch) throw new UsageError('--watch writes a deck on every change; it needs a file or a folder, not -o -', 'build');
  if (!io.stdoutBytes) throw new UsageError('-o - is not available here; give a file', 'build');
  if (io.stdoutIsTTY) throw new UsageError("-o - would print the deck's bytes on the terminal; redirect stdout to a file or a pipe", 'build');
}

interface BuildTargets {
  decks: string[];
  outlines: string[];
}

/** Write what one input built: its deck (and outline); the previous files stay as they were on any error. */
function writeBuilt(result: Checked, index: number, targets: BuildTargets, values: Options, io: Io, term: Terminal): Checked {
  printMessages(term, result);
  if (!result.pptx || hasErrors(result.messages)) return result;
  const deck = targets.decks[index]!;
  const outline = targets.outlines[index];
  if (deck === STDOUT) io.stdoutBytes!(result.pptx);
  else attempt(`write ${deck}`, () => writeFileAtomic(deck, result.pptx!));
  if (outline) attempt(`write ${outline}`, () => writeFileAtomic(outline, `${JSON.stringify(result.deck, null, 2)}\n`));
  if (!values.json && deck !== STDOUT) term.out(`wrote ${deck} (${summary(result)})\n`);
  return result;
}

/** The files an input is built from besides itself, for --watch: what its deck and theme named, and the template given. */
function dependencies(checked: Checked | undefined, choice: DeckChoice): string[] {
  return [...(choice.referenceDoc ? [choice.referenceDoc] : []), ...(checked?.files ?? [])];
}

/** `build` writes each deck, and its outline where --outline asks. */
const buildWants = (targets: BuildTargets): Wants => ({ render: true, outline: targets.outlines.length > 0 });

/** The decks a build's inputs stand for, and where each is written. */
function buildPlan(inputs: string[], values: Options, io: Io): { paths: string[]; targets: BuildTargets } {
  const paths = expandInputs(inputs, io.cwd, 'build');
  const targets = { decks: targetPaths(paths, values.output, '.pptx', '-o', io.cwd), outlines: values.outline ? targetPaths(paths, values.outline, '.json', '--outline', io.cwd) : [] };
  return { paths, targets };
}

/**
 * `build --watch`: build again on every change until interrupted; a failed build leaves the
 * last good deck. A deck saved in a folder given as input is built from then on.
 */
async function watchBuilds(inputs: string[], first: ReturnType<typeof buildPlan>, checked: Checked[], builder: Builder, choice: DeckChoice, values: Options, io: Io, term: Terminal): Promise<number> {
  const latest = new Map(checked.map((result) => [result.path, result]));
  let plan = first;
  const current = () => {
    try {
      plan = buildPlan(inputs, values, io);
    } catch (error) {
      // A folder emptied for now keeps the decks it had.
      if (!(error instanceof UsageError)) throw error;
    }
    return plan.paths;
  };
  const folders = inputs.map((input) => resolve(io.cwd, input)).filter((path) => statSync(path, { throwIfNoEntry: false })?.isDirectory());
  await watchInputs({
    // Said once the files are watched, so that a change made on reading it is seen.
    ready: () => term.err(`watching ${plan.paths.length === 1 ? plan.paths[0] : `${plan.paths.length} decks`} for changes; Ctrl-C stops\n`),
    inputs: current,
    folders,
    dependencies: (input) => [input, ...dependencies(latest.get(input), choice)],
    signal: io.signal,
    rebuild: async (changed) => {
      for (const input of changed) {
        try {
          latest.set(input, writeBuilt(await checkInput(input, choice, io, builder, buildWants(plan.targets)), plan.paths.indexOf(input), plan.targets, values, io, term));
        } catch (error) {
          // A file that cannot be written now may be writable at the next change.
          if (!(error instanceof FileError)) throw error;
          term.err(`deckdown: ${error.message}\n`);
        }
      }
    },
  });
  return EXIT.ok;
}

async function build(inputs: string[], values: Options, io: Io, term: Terminal): Promise<number> {
  const plan = buildPlan(inputs, values, io);
  const { paths, targets } = plan;
  const choice = deckChoice(values, io.cwd);
  if (values.outline === STDOUT) throw new UsageError('--outline writes a file; only -o takes - for stdout', 'build');
  if (values.watch && paths.includes(STDIN)) throw new UsageError('--watch needs files to watch, not stdin', 'build');
  checkStdout(targets.decks, values, io);
  const builder = builderFor(paths, choice, io);
  try {
    const step = progressOf(term, paths, io.cwd);
    const checked = await inTurn(checkAll(paths, choice, io, builder, buildWants(targets)), step, (result, index) => writeBuilt(result, index, targets, values, io, term));
    term.clear();
    if (values.json) term.out(jsonReport(checked));
    if (values.watch) return await watchBuilds(inputs, plan, checked, builder, choice, values, io, term);
    return exitCode(checked, values.strict);
  } finally {
    await builder.close();
  }
}

async function check(inputs: string[], values: Options, io: Io, term: Terminal): Promise<number> {
  const paths = expandInputs(inputs, io.cwd, 'check');
  const choice = deckChoice(values, io.cwd);
  const builder = builderFor(paths, choice, io);
  try {
    const checked = await inTurn(checkAll(paths, choice, io, builder, { render: false, outline: false }), progressOf(term, paths, io.cwd), (result) => {
      printMessages(term, result);
      if (!values.json) term.out(`${result.path}: ${result.fit && !hasErrors(result.messages) ? `ok (${summary(result)})` : 'errors found'}\n`);
      return result;
    });
    term.clear();
    if (values.json) term.out(jsonReport(checked));
    return exitCode(checked, values.strict);
  } finally {
    await builder.close();
  }
}

/** `deckdown preview`: build each deck and render it through LibreOffice to PNGs and a contact sheet. */
async function preview(inputs: string[], values: Options, io: Io, term: Terminal): Promise<number> {
  const paths = expandInputs(inputs, io.cwd, 'preview');
  if (!values.output || values.output === STDOUT) throw new UsageError('preview needs -o <folder> for the pictures', 'preview');
  const outDir = resolve(io.cwd, values.output);
  const choice = deckChoice(values, io.cwd);
  const { previewDeck, MissingRenderer, RendererFailed } = await import('./preview.js');
  const builder = builderFor(paths, choice, io);
  const step = progressOf(term, paths, io.cwd);
  try {
    const codes = await inTurn(checkAll(paths, choice, io, builder, { render: true, outline: false }), (index) => step(index, ': building'), async (result, index) => {
      printMessages(term, result);
      if (!result.pptx || hasErrors(result.messages)) return EXIT.input;
      try {
        // LibreOffice takes seconds per deck: the one wait worth saying on a terminal.
        step(index, ': rendering with LibreOffice');
        const { slides, sheet } = await previewDeck(result.pptx, outDir, inputName(result.path), { signal: io.signal, env: io.env });
        term.out(`wrote ${slides.length} slide pictures and ${sheet}\n`);
        return EXIT.ok;
      } catch (error) {
        // Without LibreOffice no deck can be previewed; a deck it failed on is one of several.
        if (error instanceof MissingRenderer) throw new FileError(error.message);
        if (!(error instanceof RendererFailed)) throw error;
        term.err(`deckdown: ${error.message}\n`);
        return EXIT.input;
      }
    });
    return Math.max(...codes);
  } finally {
    term.clear();
    await builder.close();
  }
}

/**
 * What names a deck rather than a command: a Markdown source or an outline, `-` for stdin, or a
 * file or folder that exists (a command of the same name wins).
 */
function namesDecks(word: string, cwd: string): boolean {
  return /\.(md|markdown|json)$/i.test(word) || word === '-' || statSync(resolve(cwd, word), { throwIfNoEntry: false }) !== undefined;
}

/** The command a command line runs: its own word, or `build` for `deckdown talk.md` (as with pandoc and marp). */
function commandOf(word: string | undefined, cwd: string): { command: Command | undefined; build: boolean } {
  if (word === undefined) return { command: undefined, build: false };
  if (isCommand(word)) return { command: word, build: false };
  if (namesDecks(word, cwd)) return { command: 'build', build: true };
  throw new UsageError(`unknown command "${word}"${suggestCommand(word)}`);
}

/** `deckdown help [command]`: the commands, or one command's options. */
function help(topic: string | undefined, term: Terminal): number {
  if (topic !== undefined && !isCommand(topic)) throw new UsageError(`no help for "${topic}": it is not a command${suggestCommand(topic)}`);
  term.out(topic ? COMMAND_HELP[topic] : USAGE);
  return EXIT.ok;
}

async function dispatch(argv: readonly string[], io: Io, term: Terminal): Promise<number> {
  const { command: word, inputs: rest, values } = parseCommandLine(argv);
  if (values.version) {
    term.out(`${version()}\n`);
    return EXIT.ok;
  }
  const { command, build: shorthand } = commandOf(word, io.cwd);
  const inputs = shorthand ? [word!, ...rest] : rest;
  if (values.help) {
    // `deckdown build --help` (and `deckdown talk.md --help`) is build's help; `deckdown --help` the overview.
    term.out(command ? COMMAND_HELP[command] : USAGE);
    return EXIT.ok;
  }
  if (command === undefined) throw new UsageError('no command given');
  try {
    return await runCommand(command, inputs, values, io, term);
  } catch (error) {
    // A usage error deep in a command points to that command's help.
    if (error instanceof UsageError && !error.command) throw new UsageError(error.message, command);
    throw error;
  }
}

async function runCommand(command: Command, inputs: string[], values: Options, io: Io, term: Terminal): Promise<number> {
  checkOptions(command, values);
  switch (command) {
    case 'build':
      return build(inputs, values, io, term);
    case 'check':
      return check(inputs, values, io, term);
    case 'themes':
      term.out(`${listThemes().join('\n')}\n`);
      return EXIT.ok;
    case 'fonts':
      return (await import('./fonts-command.js')).fonts(values, io, term);
    case 'preview':
      return preview(inputs, values, io, term);
    case 'theme':
      if (inputs[0] !== 'import') throw new UsageError(`unknown theme command "${inputs[0] ?? ''}"; use: deckdown theme import <template.potx|pptx> -o <theme.json>`, 'theme');
      return (await import('./theme-import.js')).themeImport(inputs.slice(1), values, io, term);
    case 'help':
      return help(inputs[0], term);
  }
}

/** The command line, without the process: argv in, exit code out, all output through `io`. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const term = terminal(io);
  try {
    return await dispatch(argv, io, term);
  } catch (error) {
    if (error instanceof UsageError) {
      term.err(`deckdown: ${error.message}\nRun "deckdown ${error.command ? `${error.command} ` : ''}--help" for usage.\n`);
      return EXIT.usage;
    }
    if (error instanceof FileError) {
      term.err(`deckdown: ${error.message}\n`);
      return EXIT.input;
    }
    throw error;
  } finally {
    term.clear();
  }
}
