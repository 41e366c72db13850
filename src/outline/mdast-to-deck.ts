import type { Heading, List as MdastList, PhrasingContent, Root, RootContent } from 'mdast';
import { rules, type RuleId } from '../diagnostics/rules.js';
import { toString } from 'mdast-util-to-string';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { definitions } from 'mdast-util-definitions';
import type { VFile } from 'vfile';
import { append } from '../arrays.js';
import { report } from '../diagnostics/report.js';
import { sourceDir } from '../source-dir.js';
import { limitsWith, overLimit, type Limits } from '../limits.js';
import { cutTooDeep, reportTooDeep } from '../syntax/depth.js';
import { isImageProblem, readImageInfo } from '../media/image-info.js';
import { rootOption, type ResourceRoot } from '../resources/policy.js';
import type { ThemeRuleId } from '../theme/load.js';
import { attribute } from './attributes.js';
import { blocksToOutline, imageToOutline } from './blocks.js';
import type { Context } from './context.js';
import { Footnotes } from './footnotes.js';
import { parseFrontMatter } from './front-matter.js';
import { footnoteRuns, phrasingToRuns, runsToText, trimRuns } from './inline.js';
import { chooseLayout } from './layout-choice.js';
import { BODY_LAYOUTS, type Background, type Block, type BodyLayout, type Deck, type Inline, type Position, type Slide } from './schema.js';
import { inferSlideLevel } from './slide-level.js';
import { headingIdentifiers } from './identifiers.js';
import { checkInternalLinks } from './links.js';
import type { ColumnBreak, SlideSettings } from '../syntax/nodes.js';
import { commentToNotes } from './comments.js';
import { headingDividerIn } from '../syntax/html.js';

/** Options of `mdastToDeck`: a theme overriding the front matter's, and how to check one. */
export interface OutlineOptions {
  /** Overrides the front matter's `theme`. */
  theme?: string | undefined;
  /** Says why a theme cannot be used, or nothing when it can. Injected so the outline stays pure. */
  checkTheme?: ((name: string) => { ruleId: ThemeRuleId; reason: string } | undefined) | undefined;
  /** Where relative image paths are resolved; defaults to the source file's directory. */
  baseDir?: string | undefined;
  /** The folder pictures must be inside; the project of `baseDir` unless given. */
  resourceRoot?: ResourceRoot | undefined;
  /**
   * Reads a front matter value (title, subtitle, author, date) as inline Markdown, with the
   * problems found in it; given by the processor, so the values get the same syntax as the body.
   */
  parseInline?: ((text: string) => { children: PhrasingContent[]; messages: { ruleId?: string | undefined; reason: string }[] }) | undefined;
  /** Budgets of the build; the defaults when not given. */
  limits?: Limits | undefined;
}

/** A slide under construction: its mdast is collected first and converted once the slide is closed. */
interface OpenSlide {
  kind: 'title' | 'section' | 'body';
  title: Inline[];
  blocks: RootContent[];
  notes: RootContent[];
  layout?: BodyLayout | undefined;
  background?: Background | undefined;
  position?: Position | undefined;
  anchors: string[];
  /** After remark.js's `???`, the rest of the slide is speaker notes. */
  inNotes?: boolean | undefined;
  /** Slidev's `hide: true`: the slide is left out. */
  hidden?: boolean | undefined;
  /** A picture the slide's settings put beside its content (Slidev's image-left and image-right). */
  sidePicture?: { src: string; first: boolean; node: SlideSettings } | undefined;
}

/** Slidev's and Marp's layout names, in the closed set; the others are chosen from the content. */
const PEER_LAYOUTS: Record<string, BodyLayout | 'section'> = {
  section: 'section',
  quote: 'quote',
  end: 'end',
  'two-cols': 'columns',
  'two-cols-header': 'columns',
  image: 'image',
  'image-left': 'image',
  'image-right': 'image',
};

/** A slide background as written: a colour, or a picture checked now so a missing file is reported where it is named. */
function backgroundOf(value: string, node: RootContent | Position | undefined, ctx: Context): Background {
  if (/^#?[0-9a-f]{6}$/i.test(value)) return { color: value.replace('#', '').toUpperCase() };
  const info = readImageInfo(value, ctx.baseDir, ctx.root, ctx.limits);
  // A remote background is not fetched either; the slide keeps its colour.
  const reason = isImageProblem(info) && info.ruleId === 'remote-image' ? `remote image "${value}" is not fetched; the slide keeps its background colour` : isImageProblem(info) ? info.reason : undefined;
  if (isImageProblem(info)) report(ctx.file, info.ruleId, `slide background: ${reason}`, node);
  else if (info.note) report(ctx.file, info.note.ruleId, `slide background: ${info.note.reason}`, node);
  return { image: value };
}

/** Slidev's per-slide front matter and Marp's background pictures, applied to the slide they stand on. */
function applySlideSettings(slide: OpenSlide, settings: SlideSettings, ctx: Context): void {
  if (settings.background && slide.background?.image && !/^#?[0-9a-f]{6}$/i.test(settings.background)) {
    // One background a slide: a further background picture is placed on the slide instead.
    report(ctx.file, 'attribute-ignored', 'this slide already has a background picture; this one is placed as a picture on it', settings);
    slide.blocks.push({ type: 'paragraph', children: [{ type: 'image', url: settings.background, alt: settings.backgroundAlt ?? '' }], ...(settings.position ? { position: settings.position } : {}) });
  } else if (settings.background) {
    const background = backgroundOf(settings.background, settings, ctx);
    slide.background = background.image ? { ...background, ...(settings.backgroundAlt ? { alt: settings.backgroundAlt } : {}), ...(settings.backgroundFit ? { fit: settings.backgroundFit } : {}) } : background;
  }
  if (settings.layout) {
    const layout = (BODY_LAYOUTS as readonly string[]).includes(settings.layout) ? (settings.layout as BodyLayout) : PEER_LAYOUTS[settings.layout];
    if (layout === 'section') slide.kind = slide.kind === 'title' ? 'title' : 'section';
    else if (layout) slide.layout = layout;
    else report(ctx.file, 'foreign-key', `layout "${settings.layout}" belongs to another tool; the layout is chosen from the slide's content`, settings);
  }
  if (settings.image) slide.sidePicture = { src: settings.image, first: settings.layout === 'image-left', node: settings };
  if (settings.hidden) {
    slide.hidden = true;
    report(ctx.file, 'foreign-key', 'this slide is hidden (hide: true or disabled: true); it is left out of the deck', settings);
  }
}

/** Slidev's `::right::` slot markers cut a slide's content into columns. */
function splitColumns(blocks: readonly RootContent[], ctx: Context): Block[] {
  const at = blocks.findIndex((block) => block.type === 'columnBreak');
  if (at < 0) return blocksToOutline(blocks, ctx);
  // Content before the first marker is a header above the columns when the marker is `::left::`.
  const first = blocks[at] as ColumnBreak;
  const header = first.slot === 'left' ? blocks.slice(0, at) : [];
  const segments: RootContent[][] = [first.slot === 'left' ? [] : blocks.slice(0, at)];
  for (const block of blocks.slice(at + 1)) {
    if (block.type === 'columnBreak') segments.push([]);
    else segments.at(-1)!.push(block);
  }
  const columns = segments.filter((segment) => segment.length > 0).map((segment) => ({ blocks: blocksToOutline(segment, ctx) }));
  return [...blocksToOutline(header, ctx), ...(columns.length > 0 ? [{ type: 'columns' as const, columns }] : [])];
}

function positionOf(node: RootContent): Position | undefined {
  return node.position ? { line: node.position.start.line, column: node.position.start.column } : undefined;
}

/** `::slide{layout=… background=…}`: checked here, against the closed set of layouts every theme has. */
function applySlideDirective(slide: OpenSlide, node: LeafDirective, ctx: Context): void {
  const layout = attribute(node, 'layout');
  if (layout !== undefined && slide.kind !== 'body') {
    report(ctx.file, 'invalid-directive', `::slide layout= applies to slides with content, not to a ${slide.kind} slide; only its background is set`, node);
  } else if (layout !== undefined) {
    if ((BODY_LAYOUTS as readonly string[]).includes(layout)) slide.layout = layout as BodyLayout;
    else report(ctx.file, 'unknown-layout', `unknown layout "${layout}"; the theme's layouts for a slide with content are: ${BODY_LAYOUTS.join(', ')}`, node);
  }
  const background = attribute(node, 'background');
  if (background !== undefined) slide.background = backgroundOf(background, node, ctx);
  for (const name of Object.keys(node.attributes ?? {})) {
    if (name !== 'layout' && name !== 'background') report(ctx.file, 'invalid-directive', `::slide has no attribute "${name}"; use layout= or background=`, node);
  }
}

/** Text with its first letter a capital, in the deck's language ("і" → "І", "i" → "İ" in Turkish). */
function sentenceCase(text: string, lang: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const letter = String.fromCodePoint(first);
  return letter.toLocaleUpperCase(lang) + text.slice(letter.length);
}

/**
 * `:::each` around a list: one slide per item. A bold lead ("**Біріншіден,** …") titles its
 * slide; otherwise the item takes the title of the slide the directive stands on.
 */
function expandEach(node: ContainerDirective, title: Inline[], ctx: Context): OpenSlide[] {
  const list = node.children.find((child): child is MdastList => child.type === 'list');
  if (!list) {
    report(ctx.file, 'invalid-directive', ':::each needs a list inside it; its content is kept on one slide', node);
    return [{ kind: 'body', title, blocks: node.children, notes: [], anchors: [], position: positionOf(node) }];
  }
  for (const child of node.children) {
    if (child !== list && !(child.type === 'paragraph' && child.data?.directiveLabel)) {
      report(ctx.file, 'invalid-directive', `only the list inside :::each makes slides; this ${child.type} goes on the first of them`, child);
    }
  }
  const extra = node.children.filter((child) => child !== list && !(child.type === 'paragraph' && child.data?.directiveLabel));
  return list.children.map((item, index) => {
    const [first, ...rest] = item.children;
    const lead = first?.type === 'paragraph' && first.children[0]?.type === 'strong' ? first.children[0] : undefined;
    let blocks: RootContent[] = item.children;
    let itemTitle = title;
    if (lead && first?.type === 'paragraph') {
      itemTitle = phrasingToRuns(lead.children, ctx).map((run) => (run.type === 'text' ? { ...run, text: run.text.replace(/(?<![\s,.:;—-])[\s,.:;—-]+$/, '') } : run));
      const remainder = first.children.slice(1);
      const head = remainder[0];
      // What followed the lead now begins the slide's body, so it begins as a sentence does.
      if (head?.type === 'text') remainder[0] = { ...head, value: sentenceCase(head.value.replace(/^[\s,.:;—-]+/, ''), ctx.lang) };
      blocks = [...(remainder.length > 0 ? [{ ...first, children: remainder }] : []), ...rest];
    }
    return { kind: 'body', title: itemTitle, blocks: index === 0 ? [...extra, ...blocks] : blocks, notes: [], anchors: [], position: positionOf(item) };
  });
}

/** What the title slide shows besides its title, read from the front matter as Markdown. */
interface TitleParts {
  subtitle?: Inline[] | undefined;
  author?: string | undefined;
  date?: string | undefined;
}

function finishSlide(open: OpenSlide, ctx: Context, frontMatter: TitleParts): Slide | undefined {
  ctx.notes = [];
  const body = splitColumns(open.blocks, ctx);
  if (open.sidePicture) {
    const picture = imageToOutline(open.sidePicture.src, '', open.sidePicture.node, ctx);
    if (open.sidePicture.first) body.unshift(picture);
    else body.push(picture);
  }
  const notes = blocksToOutline([...open.notes, ...ctx.notes], ctx);
  const footnotes = ctx.footnotes.takeSlideFootnotes((definition) => footnoteRuns(definition.children, ctx));
  const common = {
    notes,
    ...(open.background ? { background: open.background } : {}),
    ...(open.anchors.length > 0 ? { anchors: [...new Set(open.anchors)] } : {}),
    ...(open.position ? { position: open.position } : {}),
  };
  switch (open.kind) {
    case 'title':
      return {
        layout: 'title',
        title: open.title,
        ...(frontMatter.subtitle ? { subtitle: frontMatter.subtitle } : {}),
        ...(frontMatter.author ? { author: frontMatter.author } : {}),
        ...(frontMatter.date ? { date: frontMatter.date } : {}),
        ...common,
      };
    case 'section':
      if (body.length > 0) {
        // Only another tool's `layout: section` makes a section slide with content; nothing of it is lost.
        report(ctx.file, 'foreign-key', 'a section slide shows only its title; this one has content, so it is laid out as a slide with content', open.position);
        return { layout: chooseLayout(body), title: open.title, body, footnotes, ...common };
      }
      return { layout: 'section', title: open.title, ...common };
    case 'body':
      if (open.title.length === 0 && body.length === 0 && notes.length === 0 && open.blocks.length === 0 && !open.background) {
        report(ctx.file, 'empty-slide', 'this slide has neither a title nor content; it is left out', open.position);
        return undefined;
      }
      return { layout: open.layout ?? chooseLayout(body), title: open.title, body, footnotes, ...common };
  }
}

/** The ids a heading can be linked to: its own `{#id}`, else the identifiers made from its text. */
function anchorsOf(heading: Heading): string[] {
  return heading.data?.id ? [heading.data.id] : headingIdentifiers(toString(heading));
}

/** mdast → Deck. Every construct either lands on a slide or is reported with its place. */
export function mdastToDeck(tree: Root, file: VFile, options: OutlineOptions = {}): Deck {
  const limits = options.limits ?? limitsWith(undefined);
  // The parser's tree was cut to the depth limit already; HTML tags read since may nest deeper.
  const tooDeep = cutTooDeep(tree, limits.depth);
  if (tooDeep) reportTooDeep(file, tooDeep, limits.depth);
  const frontMatterNode = tree.children.find((node) => node.type === 'yaml');
  const parsed = parseFrontMatter(frontMatterNode, file);
  const { values: fm, places, headingDivider, firstSlide } = parsed;
  const content = tree.children.filter((node) => node.type !== 'yaml' && node.type !== 'footnoteDefinition');
  // A slide with front matter of its own is Slidev's, whatever the deck's front matter says.
  const tool = parsed.tool ?? tree.data?.peerTool ?? (content.some((node) => node.type === 'slideSettings' && node.frontMatter) ? 'slidev' : undefined);
  // Marp and Slidev split slides at `---` only (and Marp at headings up to its headingDivider).
  const divider = headingDivider ?? content.map((node) => (node.type === 'comment' && node.directive ? headingDividerIn(node.value) : undefined)).find((level) => level !== undefined);
  const slideLevel = fm.slideLevel ?? (tool ? (divider ?? 0) : inferSlideLevel(content));
  const baseDir = options.baseDir ?? sourceDir(file);
  const lang = fm.lang ?? 'en-US';
  const ctx: Context = { file, baseDir, root: rootOption(options.resourceRoot, baseDir), footnotes: new Footnotes(tree), definition: definitions(tree), notes: [], lang, limits };

  let theme = options.theme ?? fm.theme ?? 'default';
  const themeProblem = options.checkTheme?.(theme);
  if (themeProblem && !options.theme && themeProblem.ruleId === 'unknown-theme' && !/\.(json|ya?ml)$/i.test(theme)) {
    // Marp's gaia, Slidev's seriph or its `./` theme folder: anything but a theme file is another tool's theme.
    report(file, 'foreign-theme', `theme "${theme}" is not a deckdown theme (it may belong to another tool); the default theme is used`, places.theme);
    theme = 'default';
  } else if (themeProblem) {
    report(file, themeProblem.ruleId, themeProblem.reason, options.theme ? undefined : places.theme);
  }

  if (!fm.title) {
    for (const key of ['subtitle', 'author', 'date'] as const) {
      if (fm[key] !== undefined) report(file, 'invalid-directive', `front matter "${key}" goes on the title slide, which needs a "title"`, places[key]);
    }
  }

  const open: OpenSlide[] = [];
  // Marp and Slidev make no title slide of their own: there the title names the document only.
  // pandoc reads the title, subtitle, author and date as Markdown: their markup is read, never shown.
  const inline = (text: string | undefined, place: Position | undefined): Inline[] | undefined => {
    if (text === undefined) return undefined;
    if (!options.parseInline) return [{ type: 'text', text }];
    const parsed = options.parseInline(text);
    for (const message of parsed.messages) if (message.ruleId && message.ruleId in rules) report(file, message.ruleId as RuleId, message.reason, place);
    return trimRuns(phrasingToRuns(parsed.children, ctx));
  };
  const titleRuns = inline(fm.title, places.title);
  const plain = (text: string | undefined, place: Position | undefined) => (text === undefined ? undefined : runsToText(inline(text, place)!));
  const titleParts: TitleParts = { subtitle: inline(fm.subtitle, places.subtitle), author: plain(fm.author, places.author), date: plain(fm.date, places.date) };
  if (titleRuns && !tool) open.push({ kind: 'title', title: titleRuns, blocks: [], notes: [], anchors: [], position: places.title });
  // Notes written before the first slide go to the first slide there is.
  let pendingNotes: RootContent[] = [];
  const start = (kind: 'section' | 'body', title: Inline[], node: RootContent, anchors: string[] = []) => {
    open.push({ kind, title, blocks: [], notes: pendingNotes, anchors, position: positionOf(node) });
    pendingNotes = [];
    if (firstSlide && open.filter((slide) => slide.kind !== 'title').length === 1) {
      applySlideSettings(open.at(-1)!, { type: 'slideSettings', ...firstSlide }, ctx);
    }
  };
  const current = (node: RootContent): OpenSlide => {
    const last = open.at(-1);
    // Content after a section heading or the title slide, or before any heading, needs a slide of its own;
    // in a deck split by `---`, a section is a slide's setting and its content stays on it.
    if (last?.kind === 'body' || (tool && last?.kind === 'section')) return last;
    start('body', last?.kind === 'section' ? last.title : [], node);
    return open.at(-1)!;
  };

  for (const node of content) {
    const last = open.at(-1);
    if (node.type === 'heading' && node.depth <= slideLevel) {
      start(node.depth < slideLevel && !tool ? 'section' : 'body', trimRuns(phrasingToRuns(node.children, ctx)), node, anchorsOf(node));
      // A comment in a title (`## Timeline <!-- dates are provisional -->`) is a note of its slide.
      append(open.at(-1)!.notes, ctx.notes.splice(0));
      // pandoc's `background-image`, and reveal.js's `data-background-image` that pandoc passes on.
      const image = node.data?.attributes?.['background-image'] ?? node.data?.attributes?.['data-background-image'];
      if (image) open.at(-1)!.background = backgroundOf(image, node, ctx);
    } else if (node.type === 'heading' && tool && (!last || last.kind === 'title' || (last.title.length === 0 && last.blocks.length === 0))) {
      // In a deck split by `---`, the slide's first heading is its title, whatever its level.
      if (!last || last.kind === 'title') start('body', [], node);
      const slide = open.at(-1)!;
      slide.title = trimRuns(phrasingToRuns(node.children, ctx));
      append(slide.notes, ctx.notes.splice(0));
      slide.anchors.push(...anchorsOf(node));
    } else if (node.type === 'thematicBreak') {
      start('body', [], node);
    } else if (node.type === 'containerDirective' && node.name === 'notes') {
      append(last?.notes ?? pendingNotes, node.children);
    } else if (node.type === 'notesMark') {
      (last ?? current(node)).inNotes = true;
    } else if (last?.inNotes && node.type !== 'heading') {
      last.notes.push(node);
    } else if (node.type === 'comment') {
      append(last?.notes ?? pendingNotes, commentToNotes(node, ctx));
    } else if (node.type === 'slideSettings') {
      applySlideSettings(last ?? current(node), node, ctx);
    } else if (node.type === 'definition') {
      // Link definitions are resolved where they are used; they start no slide.
    } else if (node.type === 'leafDirective' && node.name === 'slide') {
      // It styles the slide it stands on, whatever its kind.
      applySlideDirective(last ?? current(node), node, ctx);
    } else if (node.type === 'containerDirective' && node.name === 'each') {
      const host = current(node);
      // A slide that holds nothing but the :::each is replaced by the slides it makes.
      if (host.blocks.length === 0 && host.notes.length === 0) open.pop();
      append(open, expandEach(node, host.title, ctx).map((slide) => ({ ...slide, layout: host.layout, background: host.background })));
    } else {
      const slide = current(node);
      if (node.type === 'heading') slide.anchors.push(...anchorsOf(node));
      slide.blocks.push(node);
    }
  }

  const shown = open.filter((slide) => !slide.hidden);
  if (shown.length > limits.slides) {
    report(file, 'over-limit', overLimit(`a deck of ${shown.length.toLocaleString('en')} slides`, 'slides', limits), shown[limits.slides]!.position);
    // The slides past the limit are not converted: the build stops at the error anyway.
    shown.length = limits.slides;
  }
  const slides = shown.map((slide) => finishSlide(slide, ctx, titleParts)).filter((slide): slide is Slide => slide !== undefined);
  ctx.footnotes.reportUnreferenced(file);
  checkInternalLinks(slides, file);

  if (fm.toc) {
    const sections = slides.filter((slide) => slide.layout === 'section');
    if (sections.length === 0) {
      report(file, 'invalid-directive', 'toc: true needs section headings (headings above the slide level) to list; no agenda slide is made', places.toc);
    } else {
      const at = slides[0]?.layout === 'title' ? 1 : 0;
      // Untitled here: the theme, whose word may title it, is known only when the deck is laid out.
      slides.splice(at, 0, { layout: 'agenda', title: [], items: sections.map((slide) => slide.title), notes: [] });
    }
  }

  if (slides.length === 0) {
    report(file, 'empty-document', 'the document is empty: write a front matter title or at least one heading or paragraph', { line: 1, column: 1 });
  }

  const firstHeading = slides.find((slide) => slide.title.length > 0);
  const title = titleRuns ? runsToText(titleRuns) : firstHeading ? runsToText(firstHeading.title) : undefined;
  return {
    meta: {
      ...(title ? { title } : {}),
      ...(titleParts.author ? { author: titleParts.author } : {}),
      ...(fm.date ? { date: fm.date } : {}),
      lang,
      theme,
      ...(fm.template ? { template: fm.template } : {}),
      ...(fm.footer ? { footer: fm.footer } : {}),
      slideNumbers: fm.slideNumbers ?? false,
      ...(fm.aspect ? { aspect: fm.aspect } : {}),
      ...(fm.agendaTitle !== undefined ? { agendaTitle: fm.agendaTitle } : {}),
      ...(fm.continuedMark !== undefined ? { continuedMark: fm.continuedMark } : {}),
    },
    slides,
  };
}
