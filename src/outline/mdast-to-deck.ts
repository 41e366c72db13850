import type { List as MdastList, Root, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { definitions } from 'mdast-util-definitions';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.js';
import { sourceDir } from '../source-dir.js';
import { isImageProblem, readImageInfo } from '../media/image-info.js';
import { attribute } from './attributes.js';
import { blocksToOutline } from './blocks.js';
import type { Context } from './context.js';
import { Footnotes } from './footnotes.js';
import { parseFrontMatter } from './front-matter.js';
import { phrasingToRuns, runsToText } from './inline.js';
import { chooseLayout } from './layout-choice.js';
import { wordsFor } from './locale.js';
import { BODY_LAYOUTS, type Background, type BodyLayout, type Deck, type Inline, type Position, type Slide } from './schema.js';
import { inferSlideLevel } from './slide-level.js';

export interface OutlineOptions {
  /** Overrides the front matter's `theme`. */
  theme?: string | undefined;
  /** Says why a theme cannot be used, or nothing when it can. Injected so the outline stays pure. */
  checkTheme?: ((name: string) => { ruleId: 'unknown-theme' | 'invalid-theme'; reason: string } | undefined) | undefined;
  /** Where relative image paths are resolved; defaults to the source file's directory. */
  baseDir?: string | undefined;
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
  if (background !== undefined) {
    if (/^#?[0-9a-f]{6}$/i.test(background)) {
      slide.background = { color: background.replace('#', '').toUpperCase() };
    } else {
      const info = readImageInfo(background, ctx.baseDir);
      if (isImageProblem(info)) report(ctx.file, info.ruleId, `slide background: ${info.reason}`, node);
      slide.background = { image: background };
    }
  }
  for (const name of Object.keys(node.attributes ?? {})) {
    if (name !== 'layout' && name !== 'background') report(ctx.file, 'invalid-directive', `::slide has no attribute "${name}"; use layout= or background=`, node);
  }
}

/**
 * `:::each` around a list: one slide per item. A bold lead ("**Біріншіден,** …") titles its
 * slide; otherwise the item takes the title of the slide the directive stands on.
 */
function expandEach(node: ContainerDirective, title: Inline[], ctx: Context): OpenSlide[] {
  const list = node.children.find((child): child is MdastList => child.type === 'list');
  if (!list) {
    report(ctx.file, 'invalid-directive', ':::each needs a list inside it; its content is kept on one slide', node);
    return [{ kind: 'body', title, blocks: node.children, notes: [], position: positionOf(node) }];
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
      itemTitle = phrasingToRuns(lead.children, ctx).map((run) => (run.type === 'text' ? { ...run, text: run.text.replace(/[\s,.:;—-]+$/, '') } : run));
      const remainder = first.children.slice(1);
      const head = remainder[0];
      if (head?.type === 'text') remainder[0] = { ...head, value: head.value.replace(/^[\s,.:;—-]+/, '') };
      blocks = [...(remainder.length > 0 ? [{ ...first, children: remainder }] : []), ...rest];
    }
    return { kind: 'body', title: itemTitle, blocks: index === 0 ? [...extra, ...blocks] : blocks, notes: [], position: positionOf(item) };
  });
}

function finishSlide(open: OpenSlide, ctx: Context, frontMatter: { subtitle?: string | undefined; author?: string | undefined; date?: string | undefined }): Slide | undefined {
  ctx.notes = [];
  const body = blocksToOutline(open.blocks, ctx);
  const notes = blocksToOutline([...open.notes, ...ctx.notes], ctx);
  const footnotes = ctx.footnotes.takeSlideFootnotes();
  const common = {
    notes,
    ...(open.background ? { background: open.background } : {}),
    ...(open.position ? { position: open.position } : {}),
  };
  switch (open.kind) {
    case 'title':
      return {
        layout: 'title',
        title: open.title,
        ...(frontMatter.subtitle ? { subtitle: [{ type: 'text', text: frontMatter.subtitle }] } : {}),
        ...(frontMatter.author ? { author: frontMatter.author } : {}),
        ...(frontMatter.date ? { date: frontMatter.date } : {}),
        ...common,
      };
    case 'section':
      return { layout: 'section', title: open.title, ...common };
    case 'body':
      if (open.title.length === 0 && body.length === 0 && notes.length === 0 && open.blocks.length === 0) {
        report(ctx.file, 'empty-slide', 'this slide has neither a title nor content; it is left out', open.position);
        return undefined;
      }
      return { layout: open.layout ?? chooseLayout(body), title: open.title, body, footnotes, ...common };
  }
}

/** mdast → Deck. Every construct either lands on a slide or is reported with its place. */
export function mdastToDeck(tree: Root, file: VFile, options: OutlineOptions = {}): Deck {
  const frontMatterNode = tree.children.find((node) => node.type === 'yaml');
  const { values: fm, places } = parseFrontMatter(frontMatterNode, file);
  const content = tree.children.filter((node) => node.type !== 'yaml' && node.type !== 'footnoteDefinition');
  const slideLevel = fm.slideLevel ?? inferSlideLevel(content);
  const baseDir = options.baseDir ?? sourceDir(file);
  const ctx: Context = { file, baseDir, footnotes: new Footnotes(tree), definition: definitions(tree), notes: [] };
  const lang = fm.lang ?? 'en-US';

  const theme = options.theme ?? fm.theme ?? 'default';
  const themeProblem = options.checkTheme?.(theme);
  if (themeProblem) report(file, themeProblem.ruleId, themeProblem.reason, options.theme ? undefined : places.theme);

  if (!fm.title) {
    for (const key of ['subtitle', 'author', 'date'] as const) {
      if (fm[key] !== undefined) report(file, 'invalid-directive', `front matter "${key}" goes on the title slide, which needs a "title"`, places[key]);
    }
  }

  const open: OpenSlide[] = [];
  if (fm.title) open.push({ kind: 'title', title: [{ type: 'text', text: fm.title }], blocks: [], notes: [], position: places.title });
  // Notes written before the first slide go to the first slide there is.
  let pendingNotes: RootContent[] = [];
  const start = (kind: 'section' | 'body', title: Inline[], node: RootContent) => {
    open.push({ kind, title, blocks: [], notes: pendingNotes, position: positionOf(node) });
    pendingNotes = [];
  };
  const current = (node: RootContent): OpenSlide => {
    const last = open.at(-1);
    // Content after a section heading or the title slide, or before any heading, needs a slide of its own.
    if (last?.kind === 'body') return last;
    start('body', last?.kind === 'section' ? last.title : [], node);
    return open.at(-1)!;
  };

  for (const node of content) {
    if (node.type === 'heading' && node.depth <= slideLevel) {
      start(node.depth < slideLevel ? 'section' : 'body', phrasingToRuns(node.children, ctx), node);
    } else if (node.type === 'thematicBreak') {
      start('body', [], node);
    } else if (node.type === 'containerDirective' && node.name === 'notes') {
      (open.at(-1)?.notes ?? pendingNotes).push(...node.children);
    } else if (node.type === 'definition') {
      // Link definitions are resolved where they are used; they start no slide.
    } else if (node.type === 'leafDirective' && node.name === 'slide') {
      // It styles the slide it stands on, whatever its kind.
      applySlideDirective(open.at(-1) ?? current(node), node, ctx);
    } else if (node.type === 'containerDirective' && node.name === 'each') {
      const host = current(node);
      // A slide that holds nothing but the :::each is replaced by the slides it makes.
      if (host.blocks.length === 0 && host.notes.length === 0) open.pop();
      open.push(...expandEach(node, host.title, ctx).map((slide) => ({ ...slide, layout: host.layout, background: host.background })));
    } else {
      current(node).blocks.push(node);
    }
  }

  const slides = open.map((slide) => finishSlide(slide, ctx, fm)).filter((slide): slide is Slide => slide !== undefined);
  ctx.footnotes.reportUnreferenced(file);

  if (fm.toc) {
    const sections = slides.filter((slide) => slide.layout === 'section');
    if (sections.length === 0) {
      report(file, 'invalid-directive', 'toc: true needs section headings (headings above the slide level) to list; no agenda slide is made', places.toc);
    } else {
      const at = slides[0]?.layout === 'title' ? 1 : 0;
      slides.splice(at, 0, { layout: 'agenda', title: [{ type: 'text', text: wordsFor(lang).agenda }], items: sections.map((slide) => slide.title), notes: [] });
    }
  }

  if (slides.length === 0) {
    report(file, 'empty-document', 'the document is empty: write a front matter title or at least one heading or paragraph', { line: 1, column: 1 });
  }

  const firstHeading = slides.find((slide) => slide.title.length > 0);
  const title = fm.title ?? (firstHeading ? runsToText(firstHeading.title) : undefined);
  return {
    meta: {
      ...(title ? { title } : {}),
      ...(fm.author ? { author: fm.author } : {}),
      ...(fm.date ? { date: fm.date } : {}),
      lang,
      theme,
      ...(fm.footer ? { footer: fm.footer } : {}),
      slideNumbers: fm.slideNumbers ?? false,
      ...(fm.aspect ? { aspect: fm.aspect } : {}),
    },
    slides,
  };
}
