import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { buildOutline, planSlides, renderPlan, type SlidePlan } from '../api.js';
import { DeckdownError } from '../diagnostics/error.js';
import { formatMessages } from '../diagnostics/format.js';
import { hasErrors, report } from '../diagnostics/report.js';
import type { Deck } from '../outline/schema.js';
import { METRIC_COMPATIBLE } from '../fonts/catalog.js';
import { missingFontFiles, themeFonts, themeFontSet, withoutFile } from '../fonts/theme-fonts.js';
import { defineTheme, isThemePath, loadLocatedTheme, loadTheme, ThemeError } from '../theme/load.js';
import type { Theme } from '../theme/schema.js';
import { installFonts, userFontConfig, userFontDir } from './fonts.js';
import { MissingRenderer, previewDeck } from './preview.js';
import { importTemplate, isTemplatePath, templateFonts, type ImportedTemplate } from '../theme/import.js';
import { contrastWarnings } from '../theme/contrast.js';
import { listThemes } from '../theme/registry.js';
import { UsageError, USAGE } from './usage.js';
import { writeFileAtomic } from './write-atomic.js';
import { packageRoot } from '../package-root.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
}

const EXIT = { ok: 0, input: 1, usage: 2 } as const;

function version(): string {
  const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

interface Loaded {
  deck?: Deck | undefined;
  messages: VFileMessage[];
  file: VFile;
}

/** A file that is not UTF-8 text (a .pptx, a picture) is refused before anything is built from it. */
function readText(path: string): string {
  const bytes = attempt(`read ${path}`, () => readFileSync(path));
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  let text: string | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = undefined;
  }
  if (zip || text === undefined || text.includes('\0')) {
    throw new FileError(`${path} is not a text file${zip ? ' (it is a zip package, such as a .pptx)' : ''}; give the Markdown source or a deck outline (.json)`);
  }
  return text;
}

/** Read one input: Markdown goes through the outline stage, JSON is taken as an outline. */
function loadInput(path: string, theme: string | undefined): Loaded {
  const value = readText(path);
  const file = new VFile({ path, value });
  if (extname(path).toLowerCase() !== '.json') return { ...buildOutline(file, { theme }), file };
  try {
    return { deck: JSON.parse(value) as Deck, messages: [], file };
  } catch (error) {
    report(file, 'invalid-outline', `not valid JSON: ${(error as Error).message}`);
    return { messages: [...file.messages], file };
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

/** The same file, by path or through a hard link. */
function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  if (!existsSync(a) || !existsSync(b)) return false;
  const [first, second] = [statSync(a), statSync(b)];
  return first.dev === second.dev && first.ino === second.ino;
}

function targetPaths(inputs: string[], option: string | undefined, extension: '.pptx' | '.json', flag: string, cwd: string): string[] {
  const targets = inputs.map((input) => targetPath(input, option, extension, flag, inputs.length, cwd));
  const clash = targets.find((target, index) => targets.indexOf(target) !== index);
  if (clash) throw new UsageError(`two inputs would both be written to ${clash}; build them into different directories`);
  // An output is never written over an input, whatever name it is reached by.
  const overwritten = targets.find((target) => inputs.some((input) => sameFile(input, target)));
  if (overwritten) throw new FileError(`${overwritten} is an input; deckdown never writes over an input file, so choose another output with -o`);
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

/** The theme and the template a deck is built with, from the command line. */
interface DeckChoice {
  theme: string | undefined;
  referenceDoc: string | undefined;
}

function deckChoice(values: Options, io: Io): DeckChoice {
  const template = values['reference-doc'];
  return { theme: themeOption(values, io), referenceDoc: template ? resolve(io.cwd, template) : undefined };
}

interface Checked {
  path: string;
  deck?: Deck | undefined;
  plan?: SlidePlan | undefined;
  messages: VFileMessage[];
}

/** Outline, validation and layout for one input: everything `check` reports and `build` writes. */
function checkInput(path: string, { theme, referenceDoc }: DeckChoice): Checked {
  const { deck, messages, file } = loadInput(path, theme);
  if (!deck || hasErrors(messages)) return { path, deck, messages };
  try {
    const plan = planSlides(deck, { theme, referenceDoc, baseDir: dirname(path), file });
    return { path, deck, plan, messages: [...messages, ...plan.messages] };
  } catch (error) {
    if (!(error instanceof DeckdownError)) throw error;
    return { path, deck, messages: [...messages, ...error.messages] };
  }
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

async function build(inputs: string[], values: Options, io: Io): Promise<number> {
  const paths = checkInputs(inputs, io.cwd);
  const choice = deckChoice(values, io);
  const targets = targetPaths(paths, values.output, '.pptx', '-o', io.cwd);
  const outlines = values.outline ? targetPaths(paths, values.outline, '.json', '--outline', io.cwd) : [];
  const checked: Checked[] = [];
  for (const [index, path] of paths.entries()) {
    const result = checkInput(path, choice);
    checked.push(result);
    if (result.messages.length > 0) io.stderr(`${formatMessages(result.messages, path)}\n`);
    if (!result.plan || hasErrors(result.messages)) continue;
    const pptx = await renderPlan(result.plan, { sourceDateEpoch: io.env.SOURCE_DATE_EPOCH });
    attempt(`write ${targets[index]}`, () => writeFileAtomic(targets[index]!, pptx));
    if (outlines[index]) attempt(`write ${outlines[index]}`, () => writeFileAtomic(outlines[index]!, `${JSON.stringify(result.deck, null, 2)}\n`));
    if (!values.json) io.stdout(`wrote ${targets[index]} (${summary(result.plan)})\n`);
  }
  if (values.json) io.stdout(jsonReport(checked));
  return exitCode(checked, values.strict);
}

async function check(inputs: string[], values: Options, io: Io): Promise<number> {
  const paths = checkInputs(inputs, io.cwd);
  const choice = deckChoice(values, io);
  const checked = paths.map((path) => checkInput(path, choice));
  for (const result of checked) {
    if (result.messages.length > 0) io.stderr(`${formatMessages(result.messages, result.path)}\n`);
    if (!values.json) io.stdout(`${result.path}: ${result.plan && !hasErrors(result.messages) ? `ok (${summary(result.plan)})` : 'errors found'}\n`);
  }
  if (values.json) io.stdout(jsonReport(checked));
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
  const value = themeOption(values, io);
  if (value === undefined) return [...listThemes().map((name) => loadTheme(name)), defineTheme({ fonts: { fallback: Object.keys(METRIC_COMPATIBLE) } })];
  return [isTemplatePath(value) ? templateFontTheme(resolve(io.cwd, value)) : attemptTheme(value, io.cwd)];
}

/** `deckdown fonts`: the themes' families and their files; with --install, copied where renderers look. */
function fonts(values: Options, io: Io): number {
  const themes = fontThemes(values, io);
  const set = themeFontSet(themes);
  for (const font of themeFonts(themes)) {
    const resolved = set.resolve(font.family);
    const stand = resolved && resolved !== font.family ? ` (measured with ${resolved}, metric-compatible)` : '';
    io.stdout(`${font.family}${stand}: ${resolved ? set.files([font.family]).join(', ') : `no font file; ${withoutFile(font)}`}\n`);
  }
  if (values.install) {
    const target = userFontDir(io.env);
    const copied = installFonts(themes, target, userFontConfig(io.env));
    io.stdout(`installed ${copied.length} font files into ${target}\n`);
  }
  return EXIT.ok;
}

function attemptTheme(value: string, cwd: string): Theme {
  try {
    return loadTheme(value, cwd);
  } catch (error) {
    if (error instanceof ThemeError) throw new UsageError(error.message);
    throw error;
  }
}

/** `deckdown preview`: build each deck and render it through LibreOffice to PNGs and a contact sheet. */
async function preview(inputs: string[], values: Options, io: Io): Promise<number> {
  const paths = checkInputs(inputs, io.cwd);
  if (!values.output) throw new UsageError('preview needs -o <directory> for the pictures');
  const outDir = resolve(io.cwd, values.output);
  const choice = deckChoice(values, io);
  let code: number = EXIT.ok;
  for (const path of paths) {
    const result = checkInput(path, choice);
    if (result.messages.length > 0) io.stderr(`${formatMessages(result.messages, path)}\n`);
    if (!result.plan || hasErrors(result.messages)) {
      code = EXIT.input;
      continue;
    }
    const name = basename(path, extname(path));
    try {
      const { slides, sheet } = await previewDeck(await renderPlan(result.plan, { sourceDateEpoch: io.env.SOURCE_DATE_EPOCH }), outDir, name);
      io.stdout(`wrote ${slides.length} slide pictures and ${sheet}\n`);
    } catch (error) {
      if (!(error instanceof MissingRenderer)) throw error;
      io.stderr(`deckdown: ${error.message}\n`);
      return EXIT.input;
    }
  }
  return code;
}

/** `deckdown theme import`: a corporate template's colours, fonts, size and logo as a theme file. */
function themeImport(inputs: string[], values: Options, io: Io): number {
  const [template] = checkInputs(inputs, io.cwd);
  if (!values.output || !/\.(json|ya?ml)$/i.test(values.output)) throw new UsageError('theme import needs -o <theme.json>');
  const target = resolve(io.cwd, values.output);
  const name = basename(target).replace(/\.(json|ya?ml)$/i, '');
  let imported: ImportedTemplate;
  try {
    imported = importTemplate(attempt(`read ${template}`, () => readFileSync(template!)), loadTheme('default'), name);
  } catch (error) {
    if (error instanceof FileError) throw error;
    io.stderr(`deckdown: cannot import ${template}: ${(error as Error).message}\n`);
    return EXIT.input;
  }
  if (imported.logo) attempt(`write the logo`, () => writeFileAtomic(join(dirname(target), `${name}-logo.${imported.logo!.extension}`), imported.logo!.data));
  attempt(`write ${target}`, () => writeFileAtomic(target, `${JSON.stringify(imported.theme, null, 2)}\n`));
  for (const note of imported.notes) io.stderr(`deckdown: ${note}\n`);
  const { theme, place } = loadLocatedTheme(target, io.cwd);
  for (const warning of contrastWarnings(theme)) io.stderr(`${target}: warning: ${warning} [low-contrast]\n`);
  for (const font of missingFontFiles(theme)) {
    const at = place(font.key);
    io.stderr(`${at.file}:${at.line}:${at.column}: warning: ${font.reason} [missing-font-file]\n`);
  }
  io.stdout(`wrote ${target}\n`);
  return EXIT.ok;
}

interface Options {
  install?: boolean | undefined;
  json?: boolean | undefined;
  strict?: boolean | undefined;
  output?: string | undefined;
  theme?: string | undefined;
  'reference-doc'?: string | undefined;
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
        'reference-doc': { type: 'string' },
        outline: { type: 'string' },
        json: { type: 'boolean' },
        install: { type: 'boolean' },
        strict: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** What names a deck rather than a command: a Markdown source or an outline. */
const DECK_FILE = /\.(md|markdown|json)$/i;

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
      case 'fonts':
        return fonts(values, io);
      case 'preview':
        return await preview(inputs, values, io);
      case 'theme':
        if (inputs[0] !== 'import') throw new UsageError(`unknown theme command "${inputs[0] ?? ''}"; use: deckdown theme import <template.potx|pptx> -o <theme.json>`);
        return themeImport(inputs.slice(1), values, io);
      case undefined:
        throw new UsageError('no command given');
      default:
        // `deckdown talk.md` is short for `deckdown build talk.md`, as with pandoc and marp.
        if (DECK_FILE.test(command)) return await build([command, ...inputs], values, io);
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
