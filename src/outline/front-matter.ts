import { closest, distance } from 'fastest-levenshtein';
import type { Yaml } from 'mdast';
import type { VFile } from 'vfile';
import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { z } from 'zod';
import { report } from '../diagnostics/report.js';
import { LangSchema, type Position } from './schema.js';

/** The deck-wide settings an author may write in the YAML front matter. */
export const FrontMatterSchema = z.strictObject({
  title: z.string().optional(),
  subtitle: z.string().optional(),
  author: z.union([z.string(), z.array(z.string()).min(1).transform((names) => names.join(', '))]).optional(),
  date: z.union([z.string(), z.number().transform(String)]).optional(),
  lang: LangSchema.optional(),
  theme: z.string().optional(),
  template: z.string().min(1).optional().describe('A PowerPoint template (.pptx or .potx) to build on, relative to the Markdown file.'),
  slideLevel: z.int().min(1).max(6).optional(),
  footer: z.string().optional(),
  slideNumbers: z.boolean().optional(),
  toc: z.boolean().optional(),
  agendaTitle: z.string().optional(),
  continuedMark: z.string().optional(),
  aspect: z.enum(['16:9', '4:3']).optional(),
});
/** The deck settings an author writes in the YAML front matter, as validated. */
export type FrontMatter = z.infer<typeof FrontMatterSchema>;

const knownKeys = Object.keys(FrontMatterSchema.shape);

/** The tool a deck was written for, when its front matter says so: it decides how slides are split. */
export type PeerTool = 'marp' | 'slidev' | 'remark';

/**
 * Keys other tools write (pandoc, Marp, Slidev, md2pptx). Those with a meaning here are
 * translated; the rest are ignored with an info message, never a "did you mean".
 */
const SLIDEV_KEYS = ['comark', 'layout', 'background', 'highlighter', 'lineNumbers', 'drawings', 'transition', 'mdc', 'info', 'class', 'colorSchema', 'canvasWidth', 'aspectRatio', 'themeConfig', 'fonts', 'favicon', 'routerMode', 'download', 'exportFilename', 'selectable', 'record', 'presenter', 'browserExporter', 'contextMenu', 'wakeLock', 'hideInToc', 'level', 'preload', 'clicks', 'dragPos', 'src', 'remoteAssets', 'monaco', 'monacoTypesSource', 'addons', 'defaults', 'htmlAttrs', 'plantUmlServer', 'seoMeta', 'twoslash', 'zoom', 'lineNumbersStart', 'clicksStart'];
const MARP_KEYS = ['marp', 'paginate', 'header', 'headingDivider', 'size', 'math', 'style', 'backgroundColor', 'backgroundImage', 'backgroundPosition', 'backgroundRepeat', 'backgroundSize', 'color', 'description', 'image', 'keywords', 'url'];
const PANDOC_KEYS = ['slide-level', 'background-image', 'background-size', 'background-color', 'parallaxBackgroundImage', 'parallaxBackgroundSize', 'title-slide-attributes', 'transitionSpeed', 'slideNumber', 'controls', 'progress', 'center', 'hash', 'history', 'margin', 'width', 'height', 'institute', 'abstract', 'keywords', 'subject', 'category', 'description', 'incremental', 'header-includes', 'include-before', 'include-after', 'classoption', 'aspectratio', 'fontsize', 'mainfont', 'monofont', 'colortheme', 'fonttheme', 'innertheme', 'outertheme', 'themeoptions', 'navigation', 'section-titles', 'toc-title', 'toc-depth', 'reference-doc', 'revealjs-url', 'css', 'bibliography', 'csl', 'link-citations', 'nocite', 'numbersections', 'documentclass', 'geometry', 'linkcolor', 'urlcolor', 'logo', 'titlegraphic', 'mathjax', 'dir', 'tags', 'categories', 'output', 'params', 'editor_options', 'format', 'jupyter', 'execute'];
const MD2PPTX_KEYS = ['template', 'pageTitleSize', 'pageSubtitleSize', 'sectionTitleSize', 'sectionSubtitleSize', 'presTitleSize', 'presSubtitleSize', 'baseTextSize', 'baseTextDecrement', 'numbers', 'cardlayout', 'cardcolour', 'cardshadow', 'cardtitlesize', 'monoFont', 'marginBase', 'tableMargin', 'compactTables', 'tocTitle', 'tocStyle', 'tocLinks', 'sectionsExpand', 'hidden', 'transition', 'footerFontSize', 'leftFooter', 'middleFooter', 'rightFooter', 'sectionFooters', 'liveFooters'];
const lowerCase = (keys: readonly string[]) => new Set(keys.map((key) => key.toLowerCase()));
/**
 * Keys only Slidev writes, spelled as it spells them: they mark a deck split at `---`. Keys other
 * tools share (`transition`, `background`, `class`) and pandoc's `aspectratio` do not.
 */
const SLIDEV_ONLY = new Set(['comark', 'mdc', 'layout', 'highlighter', 'lineNumbers', 'drawings', 'colorSchema', 'canvasWidth', 'aspectRatio', 'themeConfig', 'routerMode', 'exportFilename', 'selectable', 'record', 'presenter', 'browserExporter', 'contextMenu', 'wakeLock', 'hideInToc', 'remoteAssets', 'monaco', 'monacoTypesSource', 'addons', 'htmlAttrs', 'plantUmlServer', 'seoMeta', 'twoslash']);
const FOREIGN_KEYS = lowerCase([...SLIDEV_KEYS, ...MARP_KEYS, ...PANDOC_KEYS, ...MD2PPTX_KEYS]);

/** A foreign key's value in deckdown's terms, for the keys that have one. */
function translateForeignKey(key: string, value: unknown): Partial<Record<keyof FrontMatter, unknown>> | undefined {
  const ratio = (text: string) => (/^(16[:/]9|169)$/.test(text) ? '16:9' : /^(4[:/]3|43)$/.test(text) ? '4:3' : undefined);
  switch (key.toLowerCase()) {
    case 'slide-level':
      return { slideLevel: value };
    case 'toc-title':
      return typeof value === 'string' ? { agendaTitle: value } : undefined;
    case 'reference-doc':
      return { template: value };
    case 'paginate':
      return typeof value === 'boolean' ? { slideNumbers: value } : undefined;
    case 'size':
    case 'aspectratio': {
      const aspect = ratio(String(value).trim());
      return aspect ? { aspect } : undefined;
    }
    default:
      return undefined;
  }
}
/** Unknown keys further than this from every known key get no suggestion. */
const SUGGESTION_DISTANCE = 3;

export interface ParsedFrontMatter {
  values: FrontMatter;
  /** Marp or Slidev, when the front matter shows it: their decks split slides at `---` only. */
  tool?: PeerTool | undefined;
  /** Marp's `headingDivider`: headings at or above this level also start slides. */
  headingDivider?: number | undefined;
  /** Slidev's `layout` and `background` in the first front matter apply to the first slide. */
  firstSlide?: { layout?: string | undefined; background?: string | undefined } | undefined;
  /** Where each key's value stands, so later stages can point at the value of `theme:` for instance. */
  places: Partial<Record<keyof FrontMatter, Position>>;
}

/**
 * Parse and validate the front matter. Invalid values are reported at their own line and
 * dropped; unknown keys are reported with the nearest known key.
 */
export function parseFrontMatter(node: Yaml | undefined, file: VFile): ParsedFrontMatter {
  const empty: ParsedFrontMatter = { values: {}, places: {} };
  if (!node) return empty;
  const lineCounter = new LineCounter();
  const document = parseDocument(node.value, { lineCounter, prettyErrors: false });
  // The YAML text starts on the line after the opening `---`.
  const firstLine = (node.position?.start.line ?? 1) + 1;
  const placeAt = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: firstLine + line - 1, column: col };
  };

  if (document.errors.length > 0) {
    for (const error of document.errors) {
      report(file, 'invalid-front-matter', `invalid YAML in front matter: ${error.message.split('\n')[0]}`, placeAt(error.pos[0]));
    }
    return empty;
  }
  if (document.contents === null) return empty;
  if (!isMap(document.contents)) {
    report(file, 'invalid-front-matter', 'front matter must be a mapping of keys to values', placeAt(document.contents.range?.[0] ?? 0));
    return empty;
  }

  const values: Record<string, unknown> = {};
  const places: ParsedFrontMatter['places'] = {};
  const result: ParsedFrontMatter = { values: values as FrontMatter, places };
  const foreign: string[] = [];
  let foreignPlace: Position | undefined;
  for (const pair of document.contents.items as Pair<YamlNode, YamlNode>[]) {
    let key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const place = placeAt(pair.key?.range?.[0] ?? 0);
    let value: unknown = pair.value ? pair.value.toJSON() : null;
    if (!knownKeys.includes(key) && FOREIGN_KEYS.has(key.toLowerCase())) {
      const lower = key.toLowerCase();
      if (lower === 'marp' && value === true) result.tool = 'marp';
      else if (SLIDEV_ONLY.has(key) && !result.tool) result.tool = 'slidev';
      if (lower === 'headingdivider' && typeof value === 'number') result.headingDivider = value;
      if ((lower === 'layout' || lower === 'background') && typeof value === 'string') result.firstSlide = { ...result.firstSlide, [lower]: value };
      const translated = translateForeignKey(key, value);
      const [target, translatedValue] = translated ? Object.entries(translated)[0]! : [];
      if (target && !(target in values)) {
        key = target;
        value = translatedValue;
      } else {
        foreign.push(key);
        foreignPlace ??= place;
        continue;
      }
    }
    if (!knownKeys.includes(key)) {
      const suggestion = closest(key, knownKeys);
      const hint = distance(key, suggestion) <= SUGGESTION_DISTANCE ? `; did you mean "${suggestion}"?` : '';
      report(file, 'unknown-key', `unknown front matter key "${key}"${hint} (known keys: ${knownKeys.join(', ')})`, place);
      continue;
    }
    const field = FrontMatterSchema.shape[key as keyof FrontMatter];
    const checked = field.safeParse(value);
    if (!checked.success) {
      const expected = checked.error.issues.map((issue) => issue.message).join('; ');
      report(file, 'invalid-front-matter', `front matter "${key}" has the wrong value ${JSON.stringify(value)}: ${expected}`, pair.value?.range ? placeAt(pair.value.range[0]) : place);
      continue;
    }
    values[key] = checked.data;
    // Later reports are about the value, so they point at it.
    places[key as keyof FrontMatter] = pair.value?.range ? placeAt(pair.value.range[0]) : place;
  }
  if (foreign.length > 0) report(file, 'foreign-key', `front matter ${foreign.join(', ')} ${foreign.length > 1 ? 'are settings' : 'is a setting'} of another tool; ignored`, foreignPlace);
  return result;
}
