import type { Root } from 'mdast';
import { dirname } from 'node:path';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { resolveBuildDate } from './build-date.js';
import { DeckdownError } from './diagnostics/error.js';
import { hasErrors, report } from './diagnostics/report.js';
import type { RuleId } from './diagnostics/rules.js';
import { layoutDeck } from './layout/layout-deck.js';
import { loadImages } from './media/collect-images.js';
import { DeckSchema, type Deck } from './outline/schema.js';
import { createProcessor } from './processor.js';
import { renderPlacedDeck } from './render/render-pptx.js';
import { checkThemeName, formatIssues, loadTheme, ThemeError } from './theme/load.js';
import { ThemeSchema, type Theme } from './theme/schema.js';

export interface OutlineBuildOptions {
  /** The source's path: named in messages, and the base for relative theme paths. */
  path?: string | undefined;
  /**
   * A built-in theme name or a theme file path; overrides the front matter. A path given here
   * is resolved against the working directory, one in the front matter against the source's.
   */
  theme?: string | undefined;
}

export interface RenderOptions {
  /** A built-in theme name, a theme file path, or a theme object; defaults to the deck's own. */
  theme?: string | Theme | undefined;
  /** Where relative theme paths are resolved. */
  baseDir?: string | undefined;
  /** The timestamp written into the package; see `resolveBuildDate`. */
  date?: Date | undefined;
  /** Seconds since the epoch, as in SOURCE_DATE_EPOCH; defaults to the process environment's. */
  sourceDateEpoch?: string | undefined;
}

export interface OutlineResult {
  deck: Deck;
  messages: VFileMessage[];
}

export interface PptxResult extends OutlineResult {
  pptx: Uint8Array;
}

function baseDirOf(path: string | undefined): string {
  return path ? dirname(path) : process.cwd();
}

/** Markdown → the slide outline and every message about the source. Never throws for bad input. */
export function buildOutline(input: string | VFile, options: OutlineBuildOptions = {}): OutlineResult {
  const file = typeof input === 'string' ? new VFile({ value: input, ...(options.path ? { path: options.path } : {}) }) : input;
  const baseDir = baseDirOf(file.path);
  const processor = createProcessor({
    theme: options.theme,
    checkTheme: (name) => checkThemeName(name, options.theme ? process.cwd() : baseDir),
  });
  const tree = processor.runSync(processor.parse(file), file) as Root;
  const deck = processor.stringify(tree, file);
  return { deck, messages: [...file.messages] };
}

function resolveTheme(theme: string | Theme, baseDir: string): Theme {
  if (typeof theme !== 'string') {
    const parsed = ThemeSchema.safeParse(theme);
    if (!parsed.success) throw new ThemeError(`the theme object is invalid: ${formatIssues(parsed.error.issues)}`, 'invalid-theme');
    return parsed.data;
  }
  return loadTheme(theme, baseDir);
}

/** A problem that is not about a place in a Markdown file, as a message like any other. */
function messageFor(ruleId: RuleId, reason: string, path?: string): VFileMessage {
  const file = new VFile(path ? { path } : {});
  return report(file, ruleId, reason);
}

/**
 * A Deck (for example JSON written by hand) → .pptx bytes. The deck is validated first;
 * an invalid deck or theme throws a DeckdownError that lists every problem.
 */
export async function renderPptx(deck: unknown, options: RenderOptions = {}): Promise<Uint8Array> {
  const parsed = DeckSchema.safeParse(deck);
  if (!parsed.success) {
    throw new DeckdownError(parsed.error.issues.map((issue) => messageFor('invalid-outline', `${issue.path.join('.') || '(root)'}: ${issue.message}`)));
  }
  const valid = parsed.data;
  let theme: Theme;
  try {
    theme = resolveTheme(options.theme ?? valid.meta.theme, options.baseDir ?? process.cwd());
  } catch (error) {
    if (error instanceof ThemeError) throw new DeckdownError([messageFor(error.ruleId, error.message)]);
    throw error;
  }
  const { images, problems } = loadImages(valid, options.baseDir ?? process.cwd());
  if (problems.length > 0) throw new DeckdownError(problems.map((problem) => messageFor(problem.ruleId, problem.reason)));
  const date = options.date ?? resolveBuildDate(valid.meta.date, options.sourceDateEpoch ?? process.env.SOURCE_DATE_EPOCH);
  return renderPlacedDeck(layoutDeck(valid, theme, images), { title: valid.meta.title, author: valid.meta.author, lang: valid.meta.lang, date });
}

/** Markdown → .pptx bytes, the outline and the messages. Throws a DeckdownError when the source has errors. */
export async function markdownToPptx(input: string | VFile, options: OutlineBuildOptions & Omit<RenderOptions, 'theme'> = {}): Promise<PptxResult> {
  const { deck, messages } = buildOutline(input, options);
  const path = typeof input === 'string' ? options.path : input.path;
  if (hasErrors(messages)) throw new DeckdownError(messages, path);
  const baseDir = options.baseDir ?? (options.theme ? process.cwd() : baseDirOf(path));
  const pptx = await renderPptx(deck, { ...options, theme: deck.meta.theme, baseDir });
  return { pptx, deck, messages };
}
