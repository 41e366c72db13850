import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { documentValue } from '../yaml/document-value.js';
import type { z } from 'zod';
import { DEFAULT_LIMITS, overLimit, type Limits } from '../limits.js';
import { isUrl, locateResource, projectRoot, type ResourceRoot } from '../resources/policy.js';
import { checkThemeFiles } from './files.js';
import { builtInThemePath, listThemes, templatesDir } from './registry.js';
import { ThemeSchema, type Theme } from './schema.js';
import { isThemePath } from './theme-path.js';

export { isThemePath };

/** The rules a theme that cannot be used is reported by. */
export type ThemeRuleId = 'unknown-theme' | 'invalid-theme' | 'outside-root';

/** One problem with a theme, where the theme file says it. */
export interface ThemeProblem {
  file?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
  reason: string;
}

/** A theme that cannot be used, with every reason; the caller decides how to report it. */
export class ThemeError extends Error {
  readonly problems: readonly ThemeProblem[];
  constructor(
    problems: readonly ThemeProblem[] | string,
    readonly ruleId: ThemeRuleId,
  ) {
    const list = typeof problems === 'string' ? [{ reason: problems }] : problems;
    super(list.map((problem) => (problem.file ? `${problem.file}:${problem.line ?? 1}:${problem.column ?? 1}: ${problem.reason}` : problem.reason)).join('; '));
    this.name = 'ThemeError';
    this.problems = list;
  }
}


/** A schema problem as "path.to.key: what was expected". */
export function issueText(issue: z.core.$ZodIssue): string {
  return `${issue.path.join('.') || '(root)'}: ${issue.message}`;
}

export function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map(issueText).join('; ');
}

/** A theme file as read: its data, and its document for finding where a key is written. */
interface Source {
  path: string;
  data: Record<string, unknown>;
  positions: () => Positions;
}

/** A theme file's document, with the lines of its text, for finding where a key is written. */
interface Positions {
  document: Document;
  lineCounter: LineCounter;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * How a theme may be read. A theme the user names (on the command line, or through the API) is
 * trusted, and its files must be inside its own project; one a deck names must be inside the
 * deck's root, with everything it names.
 */
export interface ThemeAccess {
  /** The deck's root, for a theme the deck names; left out for a theme the user names. */
  root?: ResourceRoot | undefined;
  limits?: Limits | undefined;
}

/** A theme file, or a built-in theme, and the root its own files must be inside. */
interface Located {
  path: string;
  root: ResourceRoot;
}

/** Where a theme name or path points. */
function locate(value: string, baseDir: string, root: ResourceRoot | undefined): Located {
  if (isThemePath(value)) {
    const found = locateResource(value, baseDir, root ?? false);
    if ('path' in found) return { path: found.path, root: root ?? projectRoot(dirname(found.path)) };
    const reason = found.problem === 'missing' ? `theme file "${value}" does not exist` : found.problem === 'not-a-file' ? `theme ${found.reason}; a theme is a .json or .yaml file` : `theme ${found.reason}`;
    throw new ThemeError(reason, found.problem === 'outside-root' ? 'outside-root' : 'unknown-theme');
  }
  const available = listThemes();
  if (!available.includes(value)) throw new ThemeError(`unknown theme "${value}"; available themes: ${available.join(', ')}`, 'unknown-theme');
  return { path: builtInThemePath(value), root: root ?? false };
}

/** Paths in a theme file are relative to it; they are made absolute before files are merged. */
function absolutePaths(data: Json, dir: string): Json {
  const result = { ...data };
  // A URL stays as written, to be refused as one; a file URL is checked, then replaced by the path it names.
  const absolute = (value: unknown) => (typeof value === 'string' && !isUrl(value) && !/^file:/i.test(value) ? resolve(dir, value) : value);
  if (isObject(result.logo)) result.logo = { ...result.logo, path: absolute(result.logo.path) };
  if (typeof result.template === 'string') result.template = absolute(result.template);
  if (isObject(result.backgrounds)) result.backgrounds = Object.fromEntries(Object.entries(result.backgrounds).map(([layout, path]) => [layout, absolute(path)]));
  if (isObject(result.fonts) && isObject(result.fonts.files)) {
    const files = Object.fromEntries(Object.entries(result.fonts.files).map(([family, faces]) => [family, isObject(faces) ? Object.fromEntries(Object.entries(faces).map(([face, path]) => [face, absolute(path)])) : faces]));
    result.fonts = { ...result.fonts, files };
  }
  return result;
}

/** One of the themes deckdown ships, in its own folder of `templates`. */
const isOwnTheme = (path: string) => dirname(dirname(path)) === templatesDir;

/** A theme file's text, if it is not larger than the input budget; deckdown's own themes are not counted against it. */
function readThemeText(path: string, limits: Limits): string {
  const { size } = statSync(path);
  if (size > limits.inputBytes && !isOwnTheme(path)) throw new ThemeError([{ file: path, line: 1, column: 1, reason: overLimit(`the theme file's size (${size.toLocaleString('en')} bytes)`, 'inputBytes', limits) }], 'invalid-theme');
  return readFileSync(path, 'utf8');
}

/** The document's data; aliases that expand without bound, or to nothing, are an error at the first alias. */
function documentData({ document, lineCounter }: Positions, path: string): unknown {
  const data = documentValue(document);
  if ('value' in data) return data.value;
  const { line, col } = lineCounter.linePos(data.offset);
  throw new ThemeError([{ file: path, line, column: col, reason: data.reason }], 'invalid-theme');
}

/** A theme file's text as a document (JSON or YAML: YAML reads JSON too), with positions kept for error messages. */
function parsePositions(text: string, path: string): Positions {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    throw new ThemeError(
      document.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return { file: path, line, column: col, reason: `not valid JSON or YAML: ${error.message.split('\n')[0]}` };
      }),
      'invalid-theme',
    );
  }
  return { document, lineCounter };
}

/** The text as JSON, or undefined if it is not JSON. */
function jsonValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A theme file's data. deckdown's own themes are JSON that its tests validate, read by the
 * runtime's JSON parser: reading them as documents with positions, in a process that has not
 * yet run the YAML parser, takes a tenth of a second of a build, for positions that only a
 * problem would be reported at. Any other file, and any in `templates` that is not JSON, is
 * read as a document straight away.
 */
function readSource(path: string, limits: Limits): Source {
  const text = readThemeText(path, limits);
  let positions: Positions | undefined;
  const positionsOf = () => (positions ??= parsePositions(text, path));
  const data = (isOwnTheme(path) ? jsonValue(text) : undefined) ?? documentData(positionsOf(), path);
  if (!isObject(data)) throw new ThemeError([{ file: path, line: 1, column: 1, reason: 'a theme file must be a mapping of keys to values' }], 'invalid-theme');
  return { path, data: absolutePaths(data, dirname(path)), positions: positionsOf };
}

/** Objects merge key by key; anything else (arrays included) is replaced whole. */
export function mergeThemeData(base: Json, override: Json): Json {
  const merged: Json = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = isObject(value) && isObject(merged[key]) ? mergeThemeData(merged[key] as Json, value) : value;
  return merged;
}

/** A theme file and the files it extends, the file itself first; every file in the chain inside the first one's root. */
function chain({ path, root }: Located, limits: Limits, seen: string[] = []): Source[] {
  if (seen.includes(path)) throw new ThemeError(`themes extend each other in a circle: ${[...seen, path].join(' → ')}`, 'invalid-theme');
  const source = readSource(path, limits);
  const parent = source.data.extends;
  if (parent === undefined) return [source];
  const at = () => ({ file: path, ...position(source, ['extends']) });
  if (typeof parent !== 'string') throw new ThemeError([{ ...at(), reason: '"extends" names a built-in theme or a theme file' }], 'invalid-theme');
  let next: Located;
  try {
    next = locate(parent, dirname(path), root);
  } catch (error) {
    if (!(error instanceof ThemeError)) throw error;
    throw new ThemeError([{ ...at(), reason: `extends: ${error.message}` }], error.ruleId);
  }
  return [source, ...chain(next, limits, [...seen, path])];
}

function position(source: Source, path: readonly PropertyKey[]): { line: number; column: number } | undefined {
  const { document, lineCounter } = source.positions();
  const node = document.getIn(path.map(String), true) as { range?: [number, number, number] } | undefined;
  if (!node?.range) return undefined;
  const { line, col } = lineCounter.linePos(node.range[0]);
  return { line, column: col };
}

/** Where a key of a theme is written. */
export interface ThemePlace {
  file: string;
  line: number;
  column: number;
}

/** The nearest file of the chain that writes the key (or its parent), at the value. */
function place(sources: readonly Source[], key: readonly PropertyKey[]): ThemePlace {
  for (let depth = key.length; depth > 0; depth -= 1) {
    for (const source of sources) {
      const at = position(source, key.slice(0, depth));
      if (at) return { file: source.path, ...at };
    }
  }
  return { file: sources[0]!.path, line: 1, column: 1 };
}

function placeIssues(sources: readonly Source[], issues: readonly z.core.$ZodIssue[]): ThemeProblem[] {
  return issues.map((issue) => ({ ...place(sources, issue.path), reason: issueText(issue) }));
}

function validate(data: Json, sources: readonly Source[]): Theme {
  const { extends: _extends, ...theme } = data;
  const parsed = ThemeSchema.safeParse(theme);
  if (!parsed.success) throw new ThemeError(placeIssues(sources, parsed.error.issues), 'invalid-theme');
  return parsed.data;
}

/** A loaded theme, and where its keys are written, for problems found once it is in use. */
export interface LocatedTheme {
  theme: Theme;
  place: (key: readonly PropertyKey[]) => ThemePlace;
}

/** The theme with the real files it names; those that cannot be read are one error pointing at each. */
function checkFiles(theme: Theme, root: ResourceRoot, at: (key: readonly PropertyKey[]) => ThemePlace | undefined, limits?: Limits): Theme {
  const checked = checkThemeFiles(theme, root, limits);
  const { problems } = checked;
  if (problems.length === 0) return checked.theme;
  throw new ThemeError(
    problems.map((problem) => ({ ...at(problem.key), reason: problem.reason })),
    problems.some((problem) => problem.outside) ? 'outside-root' : 'invalid-theme',
  );
}

/** A theme object given through the API, with the real files it names: they must exist and be regular files, anywhere. */
export function checkThemeObjectFiles(theme: Theme, limits?: Limits): Theme {
  return checkFiles(theme, false, () => undefined, limits);
}

/** `loadTheme`, keeping the theme files for pointing into them. */
export function loadLocatedTheme(value: string, baseDir = process.cwd(), access: ThemeAccess = {}): LocatedTheme {
  const located = locate(value, baseDir, access.root);
  const sources = chain(located, access.limits ?? DEFAULT_LIMITS);
  const data = sources.reduceRight<Json>((merged, source) => mergeThemeData(merged, source.data), {});
  const at = (key: readonly PropertyKey[]) => place(sources, key);
  const theme = checkFiles(validate(data, sources), located.root, at, access.limits);
  return { theme, place: at };
}

/** Load a built-in theme by name, or a theme file (JSON or YAML, with `extends`) by path, and validate it. */
export function loadTheme(value: string, baseDir = process.cwd(), access: ThemeAccess = {}): Theme {
  return loadLocatedTheme(value, baseDir, access).theme;
}

/** Why a theme cannot be used (missing, or invalid), or nothing: the full check, without throwing. */
export function themeProblem(value: string, baseDir = process.cwd(), access: ThemeAccess = {}): { ruleId: ThemeError['ruleId']; reason: string } | undefined {
  try {
    loadTheme(value, baseDir, access);
    return undefined;
  } catch (error) {
    if (error instanceof ThemeError) return { ruleId: error.ruleId, reason: error.message };
    throw error;
  }
}

/** What `defineTheme` takes: any part of a theme, over the theme it extends. */
export type ThemeOverrides = { [Key in keyof Theme]?: Theme[Key] extends object ? Partial<Theme[Key]> | Theme[Key] : Theme[Key] } & {
  /** A built-in theme name, a theme file, or a theme object; `default` when left out. */
  extends?: string | Theme;
};

/**
 * A theme for programmatic use: the overrides merged over the theme they extend, validated.
 * Paths in it (logo, backgrounds, font files) are relative to `baseDir`.
 */
export function defineTheme(overrides: ThemeOverrides, baseDir = process.cwd()): Theme {
  const { extends: parent = 'default', ...rest } = overrides;
  const base = typeof parent === 'string' ? loadTheme(parent, baseDir) : parent;
  const data = mergeThemeData(base as Json, absolutePaths(rest as Json, baseDir));
  const parsed = ThemeSchema.safeParse(data);
  if (!parsed.success) throw new ThemeError(parsed.error.issues.map((issue) => ({ reason: issueText(issue) })), 'invalid-theme');
  return parsed.data;
}
