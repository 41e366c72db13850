import type { Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.js';
import { blocksToOutline } from './blocks.js';
import { parseFrontMatter } from './front-matter.js';
import { phrasingToRuns, runsToText } from './inline.js';
import type { Block, Deck, Inline, Slide } from './schema.js';
import { inferSlideLevel } from './slide-level.js';

export interface OutlineOptions {
  /** Overrides the front matter's `theme`. */
  theme?: string | undefined;
  /** Says why a theme name cannot be used, or nothing when it can. Injected so the outline stays pure. */
  checkTheme?: ((name: string) => string | undefined) | undefined;
}

/** Slides under construction: blocks are collected first and converted once the slide is closed. */
interface OpenSlide {
  slide: Slide;
  blocks: RootContent[];
  notes: RootContent[];
}

/** mdast → Deck. Every construct either lands on a slide or is reported with its place. */
export function mdastToDeck(tree: Root, file: VFile, options: OutlineOptions = {}): Deck {
  const frontMatterNode = tree.children.find((node) => node.type === 'yaml');
  const { values: fm, places } = parseFrontMatter(frontMatterNode, file);
  const content = tree.children.filter((node) => node.type !== 'yaml');
  const slideLevel = fm.slideLevel ?? inferSlideLevel(content);

  const theme = options.theme ?? fm.theme ?? 'default';
  const themeProblem = options.checkTheme?.(theme);
  if (themeProblem) report(file, 'unknown-theme', themeProblem, options.theme ? undefined : places.theme);

  for (const key of ['toc', 'aspect'] as const) {
    if (fm[key] !== undefined) report(file, 'unsupported-node', `front matter "${key}" is not supported yet and has no effect`, places[key]);
  }

  const open: OpenSlide[] = [];
  if (fm.title) {
    open.push({
      slide: {
        layout: 'title',
        title: [{ type: 'text', text: fm.title }],
        ...(fm.subtitle ? { subtitle: [{ type: 'text', text: fm.subtitle }] } : {}),
        ...(fm.author ? { author: fm.author } : {}),
        ...(fm.date ? { date: fm.date } : {}),
        notes: [],
        ...(places.title ? { position: places.title } : {}),
      },
      blocks: [],
      notes: [],
    });
  }
  const start = (layout: 'section' | 'content', title: Inline[], node: RootContent) => {
    const position = node.position ? { line: node.position.start.line, column: node.position.start.column } : undefined;
    const slide: Slide =
      layout === 'section'
        ? { layout, title, notes: [], ...(position ? { position } : {}) }
        : { layout, title, body: [], notes: [], ...(position ? { position } : {}) };
    open.push({ slide, blocks: [], notes: [] });
  };
  const current = (node: RootContent): OpenSlide => {
    const last = open.at(-1);
    // Content after a section heading, or before any heading, needs a slide of its own.
    if (last && last.slide.layout !== 'section') return last;
    start('content', last ? last.slide.title : [], node);
    return open.at(-1)!;
  };

  for (const node of content) {
    if (node.type === 'heading' && node.depth <= slideLevel) {
      start(node.depth < slideLevel ? 'section' : 'content', phrasingToRuns(node.children, file), node);
    } else if (node.type === 'thematicBreak') {
      start('content', [], node);
    } else if (node.type === 'containerDirective' && node.name === 'notes') {
      (open.at(-1) ?? current(node)).notes.push(...node.children);
    } else {
      current(node).blocks.push(node);
    }
  }

  const slides = open.flatMap(({ slide, blocks, notes }): Slide[] => {
    const body: Block[] = blocksToOutline(blocks, file);
    const finished: Slide = { ...slide, ...(slide.layout === 'content' ? { body } : {}), notes: blocksToOutline(notes, file) };
    if (finished.layout === 'content' && finished.title.length === 0 && finished.body.length === 0) {
      if (finished.notes.length > 0 || blocks.length > 0) return [finished];
      report(file, 'empty-slide', 'this thematic break starts a slide with no content; the slide is left out', slide.position);
      return [];
    }
    return [finished];
  });

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
      lang: fm.lang ?? 'en-US',
      theme,
      ...(fm.footer ? { footer: fm.footer } : {}),
      slideNumbers: fm.slideNumbers ?? false,
    },
    slides,
  };
}
