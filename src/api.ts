import type { Root } from 'mdast';
import { resolve } from 'node:path';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { resolveBuildDate } from './build-date.js';
import { limitsWith, overLimit, type Limits } from './limits.js';
import { locateResource, rootOption, type ResourceRoot } from './resources/policy.js';
import { sourceDir } from './source-dir.js';
import { DeckdownError } from './diagnostics/error.js';
import { hasErrors, report } from './diagnostics/report.js';
import type { RuleId } from './diagnostics/rules.js';
import type { PlacedDeck } from './layout/frames.js';
import { layoutDeck, type SlideFit } from './layout/layout-deck.js';
import { Measurer } from './layout/measure.js';
import { FontSet, usableFontFiles, type FontFileProblem } from './fonts/font-set.js';
import { missingFontFiles } from './fonts/theme-fonts.js';
import { loadImages } from './media/collect-images.js';
import { loadTemplate, type TemplateBuild } from './template/load-template.js';
import { TemplateError } from './template/open-template.js';
import { DeckSchema, type Deck, type Position } from './outline/schema.js';
import { createProcessor } from './processor.js';
import { workerBuilder } from './isolate/builder.js';
import { fromMessageData } from './isolate/message-data.js';
import { removeXmlIllegal } from './syntax/characters.js';
import { renderPlacedDeck } from './render/render-pptx.js';
import type { DocumentProperties } from './render/package.js';
import { checkThemeObjectFiles, formatIssues, isThemePath, issueText, loadLocatedTheme, themeProblem, ThemeError, type LocatedTheme, type ThemeAccess } from './theme/load.js';
import { contrastWarnings } from './theme/contrast.js';
import { withAspect } from './theme/resize.js';
import { ThemeSchema, type Theme } from './theme/schema.js';

/** Options of `buildOutline`: where the source is, and a theme that overrides its front matter's. */
export interface OutlineBuildOptions {
  /** The source's path: named in messages, and the base for relative theme paths. */
  path?: string | undefined;
  /**
   * A built-in theme name or a theme file path; overrides the front matter. A path given here
   * is resolved against the working directory, one in the front matter against the source's.
   */
  theme?: string | undefined;
  /** The folder the deck may read files from; see `RenderOptions.resourceRoot`. */
  resourceRoot?: string | false | undefined;
  /** Budgets that bound the build; see `Limits`. */
  limits?: Partial<Limits> | undefined;
}

/** Options of rendering (`renderPptx`, `planSlides`, `renderPlan`): theme, template, base directory and timestamp. */
export interface RenderOptions {
  /** A built-in theme name, a theme file path, or a theme object; defaults to the deck's own. */
  theme?: string | Theme | undefined;
  /** Where the deck's relative paths (pictures, a theme file) are resolved; defaults to the working directory. */
  baseDir?: string | undefined;
  /** The timestamp written into the package; see `resolveBuildDate`. */
  date?: Date | undefined;
  /** Seconds since the epoch, as in SOURCE_DATE_EPOCH; defaults to the process environment's. */
  sourceDateEpoch?: string | undefined;
  /**
   * A PowerPoint template (.pptx or .potx) to build on, as pandoc's `--reference-doc`: the deck
   * uses its masters, layouts and theme. Overrides the front matter's and the theme's `template`.
   */
  referenceDoc?: string | undefined;
  /**
   * The folder every file the deck or its theme names must be inside: pictures, theme files,
   * logos, backgrounds, fonts and templates. Defaults to the source's folder, or the nearest
   * folder above it with a `package.json` or `.git`. `false` lets them name any file.
   */
  resourceRoot?: string | false | undefined;
  /** Budgets that bound the build; see `Limits`. */
  limits?: Partial<Limits> | undefined;
}

/** What `buildOutline` returns: the deck and every message about the source. */
export interface OutlineResult {
  deck: Deck;
  messages: VFileMessage[];
}

/** What `markdownToPptx` returns: the .pptx bytes, the outline, the messages and the fitting report. */
export interface PptxResult extends OutlineResult {
  pptx: Uint8Array;
  /** What fitting did to each body slide. */
  fit: SlideFit[];
}

function toFile(input: string | VFile, path: string | undefined): VFile {
  return typeof input === 'string' ? new VFile({ value: input, ...(path ? { path } : {}) }) : input;
}

/**
 * The processor `buildOutline` runs on a file, set up for its options, with the file's characters
 * XML cannot hold already removed; none when the file is over the input budget (said on it).
 */
export function outlineProcessor(file: VFile, options: OutlineBuildOptions = {}): ReturnType<typeof createProcessor> | undefined {
  const limits = limitsWith(options.limits);
  const bytes = typeof file.value === 'string' ? Buffer.byteLength(file.value) : (file.value?.byteLength ?? 0);
  if (bytes > limits.inputBytes) {
    report(file, 'over-limit', overLimit(`the input (${bytes.toLocaleString('en')} bytes)`, 'inputBytes', limits), { line: 1, column: 1 });
    return undefined;
  }
  removeXmlIllegal(file);
  const baseDir = sourceDir(file);
  const root = rootOption(options.resourceRoot, baseDir);
  return createProcessor({
    theme: options.theme,
    baseDir,
    resourceRoot: root,
    // A theme the caller names is theirs; one the front matter names is the deck's, and confined to its root.
    checkTheme: (name) => (options.theme ? themeProblem(name, process.cwd(), { root: trustedRoot(options.resourceRoot), limits }) : themeProblem(name, baseDir, { root, limits })),
    limits,
  });
}

/** Markdown → the slide outline and every message about the source. Never throws for bad input. */
export function buildOutline(input: string | VFile, options: OutlineBuildOptions = {}): OutlineResult {
  const file = toFile(input, options.path);
  const processor = outlineProcessor(file, options);
  if (!processor) return { deck: { meta: { lang: 'en-US', theme: 'default', slideNumbers: false }, slides: [] }, messages: [...file.messages] };
  const tree = processor.runSync(processor.parse(file), file) as Root;
  const deck = processor.stringify(tree, file);
  return { deck, messages: [...file.messages] };
}

/** The root of what the caller names (a theme, a template): their own project's, unless they lift the restriction. */
function trustedRoot(resourceRoot: ResourceRoot | undefined): ResourceRoot | undefined {
  return resourceRoot === false ? false : undefined;
}

/** The theme to use; a theme object has no file to point into. */
function resolveTheme(theme: string | Theme, baseDir: string, access: ThemeAccess): { theme: Theme; place?: LocatedTheme['place'] } {
  if (typeof theme !== 'string') {
    const parsed = ThemeSchema.safeParse(theme);
    if (!parsed.success) throw new ThemeError(`the theme object is invalid: ${formatIssues(parsed.error.issues)}`, 'invalid-theme');
    return { theme: checkThemeObjectFiles(parsed.data, access.limits) };
  }
  return loadLocatedTheme(theme, baseDir, access);
}

/** The template file the deck names, if its root lets the deck read it; the caller's own is theirs. */
function templateFile(path: string, baseDir: string, root: ResourceRoot): string {
  const found = locateResource(path, baseDir, root);
  if ('path' in found) return found.path;
  // A missing template is reported, with the rest of what is wrong with it, by loadTemplate.
  if (found.problem === 'missing') return resolve(baseDir, path);
  throw new DeckdownError([messageFor(found.problem === 'outside-root' ? 'outside-root' : 'invalid-template', `template ${found.reason}`)]);
}

/** A problem that is not about a place in a Markdown file, as a message like any other. */
function messageFor(ruleId: RuleId, reason: string, path?: string, place?: Position): VFileMessage {
  const file = new VFile(path ? { path } : {});
  return report(file, ruleId, reason, place);
}

/** A theme font without a usable file, at the value in the theme file; on the deck when the theme is an object. */
function themeFontMessage(ruleId: 'missing-font-file' | 'invalid-font-file', font: FontFileProblem, deckFile: VFile, place: LocatedTheme['place'] | undefined): VFileMessage {
  const at = place?.(font.key);
  return at ? messageFor(ruleId, font.reason, at.file, at) : report(deckFile, ruleId, font.reason);
}

/** Placed and fitted slides, ready to render: what `planSlides` returns and `renderPlan` draws. */
export interface SlidePlan {
  /** The validated deck. */
  deck: Deck;
  placed: PlacedDeck;
  /** For each body slide: the sizes fitting chose and the slides it continued onto. */
  fit: SlideFit[];
  /** Font substitutions, shrinking, continuations and overflow, positioned in the source. */
  messages: VFileMessage[];
}

/** A template that cannot be used stops the build with one positioned-as-possible error. */
function templateOrError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof TemplateError) throw new DeckdownError([messageFor('invalid-template', error.message)]);
    throw error;
  }
}

/** The template layouts the deck's slides wanted and did not find, once each. */
function missingLayouts(built: TemplateBuild, placed: PlacedDeck): string[] {
  const used = new Set(placed.slides.map((slide) => slide.layout));
  return [...used].flatMap((name) => {
    const { missing, layout } = built.choice[name];
    return missing ? [`the template has no "${missing}" layout; ${name} slides use its "${layout.name}" layout`] : [];
  });
}

function throwAsDeckdownError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    // Each problem at its place in the theme file that has it.
    if (error instanceof ThemeError) throw new DeckdownError(error.problems.map((problem) => messageFor(error.ruleId, problem.reason, problem.file, problem.file ? { line: problem.line ?? 1, column: problem.column ?? 1 } : undefined)));
    throw error;
  }
}

/**
 * A Deck → placed and fitted slides, without writing a file: what `check` reports and what
 * `renderPptx` draws. The deck is validated first; an invalid deck, theme or picture throws a
 * DeckdownError that lists every problem.
 */
export function planSlides(deck: unknown, options: RenderOptions & { file?: VFile | undefined } = {}): SlidePlan {
  const parsed = DeckSchema.safeParse(deck);
  if (!parsed.success) {
    throw new DeckdownError(parsed.error.issues.map((issue) => messageFor('invalid-outline', issueText(issue))));
  }
  const valid = parsed.data;
  const baseDir = options.baseDir ?? process.cwd();
  const root = rootOption(options.resourceRoot, baseDir);
  const limits = limitsWith(options.limits);
  // What the caller names is theirs; what the deck names is confined to the deck's root.
  const resolved = throwAsDeckdownError(() =>
    options.theme !== undefined ? resolveTheme(options.theme, baseDir, { root: trustedRoot(options.resourceRoot), limits }) : resolveTheme(valid.meta.theme, baseDir, { root, limits }),
  );
  const templatePath = options.referenceDoc ?? (valid.meta.template ? templateFile(valid.meta.template, baseDir, root) : resolved.theme.template);
  const onTemplate = templatePath ? templateOrError(() => loadTemplate(templatePath, baseDir, resolved.theme, limits)) : undefined;
  // A template decides the slide size itself.
  const theme = onTemplate?.theme ?? (valid.meta.aspect ? withAspect(resolved.theme, valid.meta.aspect) : resolved.theme);
  const { images, problems } = loadImages(valid, baseDir, root, limits);
  const fontFiles = usableFontFiles(theme.fonts.files);
  const measure = new Measurer(new FontSet(fontFiles.files), theme.fonts.fallback);
  const layout = layoutDeck(valid, theme, { images, measure, limits });
  const placed = onTemplate ? { ...layout.deck, template: onTemplate.placed } : layout.deck;
  const file = options.file ?? new VFile();
  // A picture the outline stage already reported (with its place) is not reported again.
  const reported = file.messages.map((message) => message.reason);
  const messages = [
    ...problems.filter((problem) => !reported.some((reason) => reason.includes(`"${problem.src}"`))).map((problem) => report(file, problem.ruleId, problem.reason)),
    ...contrastWarnings(theme).map((reason) => report(file, 'low-contrast', reason)),
    ...fontFiles.problems.map((problem) => themeFontMessage('invalid-font-file', problem, file, resolved.place)),
    ...missingFontFiles(theme).map((font) => themeFontMessage('missing-font-file', font, file, resolved.place)),
    ...(onTemplate ? missingLayouts(onTemplate, placed).map((reason) => report(file, 'template-layout-missing', reason)) : []),
    ...(onTemplate && valid.meta.aspect ? [report(file, 'aspect-ignored', `aspect ${valid.meta.aspect} is ignored: the template's slides are ${onTemplate.theme.slide.widthInches.toFixed(3)} × ${onTemplate.theme.slide.heightInches.toFixed(3)} inches`)] : []),
    ...layout.messages.map((message) => report(file, message.ruleId, message.reason, message.position)),
  ];
  // A budget the layout went over (continued slides) stops the build as the outline's errors do.
  if (hasErrors(messages)) throw new DeckdownError(messages.filter((message) => message.fatal), file.path);
  return { deck: valid, placed, fit: layout.fit, messages };
}

/** The one timestamp a package gets; see `resolveBuildDate`. */
function buildDate(deck: Deck, options: RenderOptions): Date {
  return options.date ?? resolveBuildDate(deck.meta.date, options.sourceDateEpoch ?? process.env.SOURCE_DATE_EPOCH);
}

/**
 * A Deck (for example JSON written by hand) → .pptx bytes. The deck is validated first;
 * an invalid deck or theme throws a DeckdownError that lists every problem.
 */
export async function renderPptx(deck: unknown, options: RenderOptions = {}): Promise<Uint8Array> {
  const plan = planSlides(deck, options);
  return renderPlan(plan, options);
}

/** What the package says of itself: the deck's title, author and language, and the one timestamp. */
export function packageProperties(plan: SlidePlan, options: RenderOptions = {}): DocumentProperties {
  const { meta } = plan.deck;
  return { title: meta.title, author: meta.author, lang: meta.lang, date: buildDate(plan.deck, options) };
}

/** Planned slides → .pptx bytes. */
export function renderPlan(plan: SlidePlan, options: RenderOptions = {}): Promise<Uint8Array> {
  return renderPlacedDeck(plan.placed, packageProperties(plan, options), limitsWith(options.limits));
}

/** Options of `markdownToPptx`: the outline's and the renderer's, with a theme given by name, path or object. */
export type MarkdownToPptxOptions = Omit<OutlineBuildOptions, 'theme'> &
  RenderOptions & {
    /**
     * Build in a worker thread whose heap (`limits.heapBytes`) and time (`limits.buildSeconds`)
     * are bounded, as the CLI does: for Markdown from people you do not know. A build that goes
     * over either throws a DeckdownError with an `over-limit` message.
     */
    isolate?: boolean | undefined;
  };

/**
 * Markdown → .pptx bytes, the outline and the messages. Throws a DeckdownError when the source
 * has errors. The theme may be a built-in name, a theme file path (relative to the working
 * directory) or a `Theme` object such as `defineTheme()` returns; it overrides the front matter's.
 */
export async function markdownToPptx(input: string | VFile, options: MarkdownToPptxOptions = {}): Promise<PptxResult> {
  const file = toFile(input, options.path);
  if (options.isolate) return inWorker(file, options);
  const named = typeof options.theme === 'string' ? options.theme : undefined;
  const { deck, messages } = buildOutline(file, { ...options, theme: named });
  if (hasErrors(messages)) throw new DeckdownError(messages, file.path);
  const renderOptions = { ...options, theme: callerTheme(options.theme), baseDir: options.baseDir ?? sourceDir(file) };
  const plan = planSlides(deck, { ...renderOptions, file });
  const pptx = await renderPlan(plan, renderOptions);
  return { pptx, deck, messages: [...messages, ...plan.messages], fit: plan.fit };
}

/**
 * The caller's theme as the renderer takes it. A theme path given as an option is relative to
 * the working directory; everything else to the source. Without one, the deck's own theme, as
 * the outline settled it, confined to the deck's root.
 */
function callerTheme(theme: string | Theme | undefined): string | Theme | undefined {
  return typeof theme === 'string' && isThemePath(theme) ? resolve(theme) : theme;
}

/** `markdownToPptx` with `isolate`: the same build, in a worker within the heap and time budgets. */
async function inWorker(file: VFile, options: MarkdownToPptxOptions): Promise<PptxResult> {
  const builder = workerBuilder({ limits: options.limits, tasks: 1 });
  try {
    const result = await builder.run({
      path: file.path || '<input>',
      baseDir: options.baseDir ?? sourceDir(file),
      cwd: file.cwd,
      text: String(file.value ?? ''),
      outline: false,
      theme: callerTheme(options.theme),
      referenceDoc: options.referenceDoc,
      limits: options.limits ?? {},
      resourceRoot: options.resourceRoot,
      render: true,
      returnOutline: true,
      date: options.date,
      sourceDateEpoch: options.sourceDateEpoch,
    });
    const messages = result.messages.map(fromMessageData);
    if (!result.deck || !result.pptx || !result.fit || hasErrors(messages)) throw new DeckdownError(messages, file.path);
    return { pptx: result.pptx, deck: result.deck, messages, fit: result.fit };
  } finally {
    await builder.close();
  }
}
