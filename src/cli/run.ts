import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { planSlides, renderPlan, type SlidePlan } from '../api.js';
import { DeckdownError } from '../diagnostics/error.js';
import { formatMessages } from '../diagnostics/format.js';
import { hasErrors } from '../diagnostics/report.js';
import type { Deck } from '../outline/schema.js';
import { METRIC_COMPATIBLE } from '../fonts/catalog.js';
import { missingFontFiles, themeFonts, themeFontSet, withoutFile } from '../fonts/theme-fonts.js';
import { defineTheme, isThemePath, loadLocatedTheme, loadTheme, ThemeError } from '../theme/load.js';
import type { Theme } from '../theme/schema.js';
import { importTemplate, isTemplatePath, templateFonts, type ImportedTemplate } from '../theme/import.js';
import { contrastWarnings } from '../theme/contrast.js';
import { listThemes } from '../theme/registry.js';
import { packageRoot } from '../package-root.js';
import { checkOptions, deckChoice, parseCommandLine, themeOption, type DeckChoice, type Options } from './args.js';
import { attempt, FileError } from './file-error.js';
import { installFonts, userFontConfig, userFontDir } from './fonts.js';
import { expandInputs, inputName, STDIN } from './inputs.js';
import { loadInput, type InputIo } from './load-input.js';
import { MissingRenderer, previewDeck, RendererFailed } from './preview.js';
import { STDOUT, targetPaths } from './targets.js';
import { terminal, type Terminal, type TerminalIo } from './terminal.js';
import { COMMAND_HELP, isCommand, suggestCommand, UsageError, USAGE, type Command } from './usage.js';
import { watchInputs } from './watch.js';
import { writeFileAtomic } from './write-atomic.js';

/**
 * Everything the command line touches of the process, so that `run` can be called from a test:
 * output and the terminal (`TerminalIo`), the working directory and stdin (`InputIo`), and these.
 */
export interface Io extends TerminalIo, InputIo {
  /** Where `-o -` writes the deck's bytes; without it, `-o -` is a usage error. */
  stdoutBytes?: ((bytes: Uint8Array) => void) | undefined;
  /** Whether stdout is a terminal: `-o -` refuses to write a deck's bytes there. */
  stdoutIsTTY?: boolean | undefined;
  /**
   * Aborted on an interrupt: running renderers are stopped, temporary folders removed and a
   * watch ended. The caller exits right after aborting it.
   */
  signal?: AbortSignal | undefined;
}

const EXIT = { ok: 0, input: 1, usage: 2 } as const;

function version(): string {
  const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

interface Checked {
  path: string;
  deck?: Deck | undefined;
  plan?: SlidePlan | undefined;
  messages: VFileMessage[];
}

/** Outline, validation and layout for one input: everything `check` reports and `build` writes. */
async function checkInput(path: string, choice: DeckChoice, io: Io): Promise<Checked> {
  const { deck, messages, file } = await loadInput(path, choice, io);
  if (!deck || hasErrors(messages)) return { path, deck, messages };
  try {
    const { theme, referenceDoc, limits, resourceRoot } = choice;
    const plan = planSlides(deck, { theme, referenceDoc, limits, resourceRoot, baseDir: path === STDIN ? io.cwd : dirname(path), file });
    return { path, deck, plan, messages: [...messages, ...plan.messages] };
  } catch (error) {
    if (!(error instanceof DeckdownError)) throw error;
    return { path, deck, messages: [...messages, ...error.messages] };
  }
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

/** Diagnostics, on stderr. */
function printMessages(term: Terminal, { messages, path }: Checked): void {
  if (messages.length > 0) term.err(`${formatMessages(messages, path)}\n`);
}

function summary(plan: SlidePlan): string {
  const shrunk = plan.fit.filter((fit) => fit.bodyPt !== undefined || fit.titlePt !== undefined).length;
  const continued = plan.fit.filter((fit) => fit.continuations > 0).length;
  return `${plan.placed.slides.length} slides; ${shrunk} shrunk, ${continued} continued`;
}

/** The fitting report as data, for `--json`. */
function jsonReport(checked: Checked[]): string {
  const severity = (message: VFileMessage) => (message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info');
  const report = checked.map(({ path, plan, messages }) => ({
    file: path,
    slides: plan?.placed.slides.length,
    fit: plan?.fit,
    messages: messages.map((message) => ({ ...(message.file && message.file !== path ? { file: message.file } : {}), line: message.line, column: message.column, severity: severity(message), ruleId: message.ruleId, reason: message.reason })),
  }));
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Problems decide the exit code; with --strict, so does any warning or continuation. */
function exitCode(checked: Checked[], strict: boolean | undefined): number {
  const failed = checked.some(({ plan, messages }) => !plan || hasErrors(messages));
  const continued = checked.some(({ plan }) => plan?.fit.some((fit) => fit.continuations > 0 || fit.overflow));
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

/** Build one input and write its deck (and outline); the previous files stay as they were on any error. */
async function buildInput(path: string, index: number, targets: BuildTargets, choice: DeckChoice, values: Options, io: Io, term: Terminal): Promise<Checked> {
  const result = await checkInput(path, choice, io);
  printMessages(term, result);
  if (!result.plan || hasErrors(result.messages)) return result;
  const pptx = await renderPlan(result.plan, { sourceDateEpoch: io.env.SOURCE_DATE_EPOCH });
  const deck = targets.decks[index]!;
  const outline = targets.outlines[index];
  if (deck === STDOUT) io.stdoutBytes!(pptx);
  else attempt(`write ${deck}`, () => writeFileAtomic(deck, pptx));
  if (outline) attempt(`write ${outline}`, () => writeFileAtomic(outline, `${JSON.stringify(result.deck, null, 2)}\n`));
  if (!values.json && deck !== STDOUT) term.out(`wrote ${deck} (${summary(result.plan)})\n`);
  return result;
}

/** The files an input is built from besides itself, for --watch: its theme file and template, by option or front matter. */
function dependencies(checked: Checked | undefined, choice: DeckChoice): string[] {
  if (!checked) return [];
  const base = dirname(checked.path);
  const meta = checked.deck?.meta;
  const theme = choice.theme ?? meta?.theme;
  const template = choice.referenceDoc ?? meta?.template;
  return [theme && isThemePath(theme) ? resolve(base, theme) : undefined, template ? resolve(base, template) : undefined].filter((file) => file !== undefined);
}

/** `build --watch`: build again on every change until interrupted; a failed build leaves the last good deck. */
async function watchBuilds(paths: string[], targets: BuildTargets, checked: Checked[], choice: DeckChoice, values: Options, io: Io, term: Terminal): Promise<number> {
  const latest = new Map(checked.map((result) => [result.path, result]));
  term.err(`watching ${paths.length === 1 ? paths[0] : `${paths.length} decks`} for changes; Ctrl-C stops\n`);
  await watchInputs({
    inputs: paths,
    dependencies: (input) => [input, ...dependencies(latest.get(input), choice)],
    signal: io.signal,
    rebuild: async (inputs) => {
      for (const input of inputs) {
        try {
          latest.set(input, await buildInput(input, paths.indexOf(input), targets, choice, values, io, term));
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
  const paths = expandInputs(inputs, io.cwd, 'build');
  const choice = deckChoice(values, io.cwd);
  if (values.outline === STDOUT) throw new UsageError('--outline writes a file; only -o takes - for stdout', 'build');
  if (values.watch && paths.includes(STDIN)) throw new UsageError('--watch needs files to watch, not stdin', 'build');
  const targets = { decks: targetPaths(paths, values.output, '.pptx', '-o', io.cwd), outlines: values.outline ? targetPaths(paths, values.outline, '.json', '--outline', io.cwd) : [] };
  checkStdout(targets.decks, values, io);
  const checked: Checked[] = [];
  const step = progressOf(term, paths, io.cwd);
  for (const [index, path] of paths.entries()) {
    step(index);
    checked.push(await buildInput(path, index, targets, choice, values, io, term));
  }
  term.clear();
  if (values.json) term.out(jsonReport(checked));
  if (values.watch) return watchBuilds(paths, targets, checked, choice, values, io, term);
  return exitCode(checked, values.strict);
}

async function check(inputs: string[], values: Options, io: Io, term: Terminal): Promise<number> {
  const paths = expandInputs(inputs, io.cwd, 'check');
  const choice = deckChoice(values, io.cwd);
  const checked: Checked[] = [];
  const step = progressOf(term, paths, io.cwd);
  for (const [index, path] of paths.entries()) {
    step(index);
    const result = await checkInput(path, choice, io);
    checked.push(result);
    printMessages(term, result);
    if (!values.json) term.out(`${path}: ${result.plan && !hasErrors(result.messages) ? `ok (${summary(result.plan)})` : 'errors found'}\n`);
  }
  term.clear();
  if (values.json) term.out(jsonReport(checked));
  return exitCode(checked, values.strict);
}

/** The theme a template imports as, as far as fonts go: its heading and body fonts over `default`. */
function templateFontTheme(path: string): Theme {
  const bytes = attempt(`read ${path}`, () => readFileSync(path));
  try {
    return defineTheme({ fonts: templateFonts(bytes) });
  } catch (error) {
    throw new FileError(`cannot read the fonts of ${path}: ${(error as Error).message}`);
  }
}

/**
 * The themes `fonts` covers: the theme or template given, else every built-in theme and the
 * Office families templates name, drawn with their metric-compatible stand-ins.
 */
function fontThemes(values: Options, io: Io): Theme[] {
  const value = themeOption(values, io.cwd);
  if (value === undefined) return [...listThemes().map((name) => loadTheme(name)), defineTheme({ fonts: { fallback: Object.keys(METRIC_COMPATIBLE) } })];
  return [isTemplatePath(value) ? templateFontTheme(resolve(io.cwd, value)) : attemptTheme(value, io.cwd, values['allow-outside-root'] ? false : undefined)];
}

/** `deckdown fonts`: the themes' families and their files; with --install, copied where renderers look. */
function fonts(values: Options, io: Io, term: Terminal): number {
  const themes = fontThemes(values, io);
  const set = themeFontSet(themes);
  for (const font of themeFonts(themes)) {
    const resolved = set.resolve(font.family);
    const stand = resolved && resolved !== font.family ? ` (measured with ${resolved}, metric-compatible)` : '';
    term.out(`${font.family}${stand}: ${resolved ? set.files([font.family]).join(', ') : `no font file; ${withoutFile(font)}`}\n`);
  }
  if (values.install) {
    const target = userFontDir(io.env);
    const copied = installFonts(themes, target, userFontConfig(io.env));
    term.out(`installed ${copied.length} font files into ${target}\n`);
  }
  return EXIT.ok;
}

/** A theme named on the command line; one that does not exist is a usage error, one that cannot be used an input error. */
function attemptTheme(value: string, cwd: string, root: false | undefined): Theme {
  try {
    return loadTheme(value, cwd, { root });
  } catch (error) {
    if (error instanceof ThemeError) throw error.ruleId === 'unknown-theme' ? new UsageError(error.message, 'fonts') : new FileError(error.message);
    throw error;
  }
}

/** `deckdown preview`: build each deck and render it through LibreOffice to PNGs and a contact sheet. */
async function preview(inputs: string[], values: Options, io: Io, term: Terminal): Promise<number> {
  const paths = expandInputs(inputs, io.cwd, 'preview');
  if (!values.output || values.output === STDOUT) throw new UsageError('preview needs -o <folder> for the pictures', 'preview');
  const outDir = resolve(io.cwd, values.output);
  const choice = deckChoice(values, io.cwd);
  let code: number = EXIT.ok;
  const step = progressOf(term, paths, io.cwd);
  for (const [index, path] of paths.entries()) {
    step(index, ': checking');
    const result = await checkInput(path, choice, io);
    printMessages(term, result);
    if (!result.plan || hasErrors(result.messages)) {
      code = EXIT.input;
      continue;
    }
    try {
      const pptx = await renderPlan(result.plan, { sourceDateEpoch: io.env.SOURCE_DATE_EPOCH });
      // LibreOffice takes seconds per deck: the one wait worth saying on a terminal.
      step(index, ': rendering with LibreOffice');
      const { slides, sheet } = await previewDeck(pptx, outDir, inputName(path), { signal: io.signal, env: io.env });
      term.out(`wrote ${slides.length} slide pictures and ${sheet}\n`);
    } catch (error) {
      if (!(error instanceof MissingRenderer || error instanceof RendererFailed)) throw error;
      term.err(`deckdown: ${error.message}\n`);
      if (error instanceof MissingRenderer) return EXIT.input;
      code = EXIT.input;
    }
  }
  term.clear();
  return code;
}

/** `deckdown theme import`: a corporate template's colours, fonts, size and logo as a theme file. */
function themeImport(inputs: string[], values: Options, io: Io, term: Terminal): number {
  if (inputs.length !== 1) throw new UsageError('theme import takes one template', 'theme');
  const template = resolve(io.cwd, inputs[0]!);
  if (!statSync(template, { throwIfNoEntry: false })?.isFile()) throw new UsageError(`template "${inputs[0]}" does not exist`, 'theme');
  if (!values.output || !/\.(json|ya?ml)$/i.test(values.output)) throw new UsageError('theme import needs -o <theme.json>', 'theme');
  const target = resolve(io.cwd, values.output);
  const name = basename(target).replace(/\.(json|ya?ml)$/i, '');
  let imported: ImportedTemplate;
  try {
    imported = importTemplate(attempt(`read ${template}`, () => readFileSync(template)), loadTheme('default'), name);
  } catch (error) {
    if (error instanceof FileError) throw error;
    term.err(`deckdown: cannot import ${template}: ${(error as Error).message}\n`);
    return EXIT.input;
  }
  if (imported.logo) attempt(`write the logo`, () => writeFileAtomic(join(dirname(target), `${name}-logo.${imported.logo!.extension}`), imported.logo!.data));
  attempt(`write ${target}`, () => writeFileAtomic(target, `${JSON.stringify(imported.theme, null, 2)}\n`));
  for (const note of imported.notes) term.err(`deckdown: ${note}\n`);
  const { theme, place } = loadLocatedTheme(target, io.cwd);
  for (const warning of contrastWarnings(theme)) term.err(`${target}: warning: ${warning} [low-contrast]\n`);
  for (const font of missingFontFiles(theme)) {
    const at = place(font.key);
    term.err(`${at.file}:${at.line}:${at.column}: warning: ${font.reason} [missing-font-file]\n`);
  }
  term.out(`wrote ${target}\n`);
  return EXIT.ok;
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
      return fonts(values, io, term);
    case 'preview':
      return preview(inputs, values, io, term);
    case 'theme':
      if (inputs[0] !== 'import') throw new UsageError(`unknown theme command "${inputs[0] ?? ''}"; use: deckdown theme import <template.potx|pptx> -o <theme.json>`, 'theme');
      return themeImport(inputs.slice(1), values, io, term);
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
