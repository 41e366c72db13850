import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Html, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { append, maxOf } from '../arrays.js';
import { report } from '../diagnostics/report.js';
import type { Comment, TextStyle } from './nodes.js';

/**
 * Raw HTML, as Marp, Slidev and md2pptx decks use it. Nothing of it is shown as markup:
 * comments become speaker notes, directives to other tools are dropped with an info message,
 * formatting tags become formatting, and other tags are stripped with their text kept.
 */

/** Keys of Marp's directives (with `_` for one slide) and md2pptx's, written as `<!-- key: value -->`. */
const DIRECTIVE_KEYS = new Set([
  'marp', 'theme', 'style', 'headingdivider', 'lang', 'size', 'math', 'title', 'description', 'author', 'image', 'keywords', 'url',
  'paginate', 'header', 'footer', 'class', 'backgroundcolor', 'backgroundimage', 'backgroundposition', 'backgroundrepeat', 'backgroundsize',
  'color', 'transition', 'md2pptx', 'layout',
]);

/**
 * A directive comment holds only `key: value` lines, every key one of the tools' directives
 * (Marp writes several global directives in one comment). A note that happens to start with
 * "Layout:" and goes on in prose is a note.
 */
export function isDirectiveComment(text: string): boolean {
  // An unclosed `<!-- _class: lead` runs into the next comment: each part is looked at.
  const lines = text.replace(/<!--/g, '\n').trim().split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 1 && /^fit$/i.test(lines[0]!.trim())) return true;
  // reveal.js's attributes for the slide or the element before it: `<!-- .slide: data-background="…" -->`.
  if (lines.length === 1 && /^\s*\.(slide|element)\b/.test(lines[0]!)) return true;
  return lines.length > 0 && lines.every((line) => DIRECTIVE_KEYS.has(/^\s*_?([A-Za-z][\w-]*)\s*:/.exec(line)?.[1]?.toLowerCase() ?? ''));
}

/** Marp's `headingDivider` written in a directive comment rather than the front matter: the deepest level it names. */
export function headingDividerIn(comment: string): number | undefined {
  // `[^\S\n]*`, not `\s*`: from every line, `\s*` would run over all the blank lines below it.
  const value = /^[^\S\n]*headingDivider[^\S\n]*:\s*(.+)$/m.exec(comment)?.[1];
  const levels = value?.match(/[1-6]/g)?.map(Number) ?? [];
  return levels.length > 0 ? maxOf(levels) : undefined;
}

export function commentNode(text: string, position: Html['position']): Comment {
  return { type: 'comment', value: text.trim(), directive: isDirectiveComment(text), ...(position ? { position } : {}) };
}

/** Tags that are formatting, and what they become. */
const FORMAT: Record<string, 'strong' | 'emphasis' | 'delete' | TextStyle> = {
  b: 'strong', strong: 'strong', i: 'emphasis', em: 'emphasis', cite: 'emphasis', var: 'emphasis', dfn: 'emphasis',
  s: 'delete', del: 'delete', strike: 'delete', u: 'underline', ins: 'underline', sup: 'superscript', sub: 'subscript',
  code: 'code', kbd: 'code', samp: 'code', tt: 'code',
};
/** Tags whose content is not for the audience: dropped, and said so. */
const HIDDEN = new Set(['style', 'script', 'template', 'noscript', 'iframe', 'video', 'audio', 'object', 'embed', 'canvas', 'svg', 'link', 'meta', 'head', 'title']);
/** Block tags after which the text goes on in a new paragraph. */
const BLOCK = new Set(['p', 'div', 'section', 'article', 'header', 'footer', 'aside', 'center', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr', 'blockquote', 'pre', 'figure', 'figcaption', 'dl', 'dt', 'dd']);

interface Dropped {
  /** Tags whose content was dropped: a warning. */
  hidden: Set<string>;
  /** Tags stripped, with their content kept: an info message. */
  stripped: Set<string>;
}

function wrap(style: (typeof FORMAT)[string], children: PhrasingContent[]): PhrasingContent {
  if (style === 'strong' || style === 'emphasis' || style === 'delete') return { type: style, children };
  return { type: 'styled', style, children };
}

/** hast → mdast phrasing, gathering the names of tags that were stripped or dropped. */
function toPhrasing(nodes: readonly (HastContent | ElementContent)[], dropped: Dropped, comments: Comment[], position: Html['position']): PhrasingContent[][] {
  // Paragraphs of phrasing: a block element ends the current one.
  const paragraphs: PhrasingContent[][] = [[]];
  const add = (node: PhrasingContent): void => {
    paragraphs.at(-1)!.push(node);
  };
  for (const node of nodes) {
    if (node.type === 'text') {
      add({ type: 'text', value: node.value });
    } else if (node.type === 'comment') {
      comments.push(commentNode(node.value, position));
    } else if (node.type === 'element') {
      element(node);
    }
  }
  function element(node: Element): void {
    const tag = node.tagName.toLowerCase();
    if (HIDDEN.has(tag)) {
      dropped.hidden.add(tag);
      return;
    }
    if (tag === 'br') return add({ type: 'break' });
    if (tag === 'img') {
      const src = node.properties.src;
      if (typeof src === 'string') add({ type: 'image', url: src, alt: typeof node.properties.alt === 'string' ? node.properties.alt : '', ...(position ? { position } : {}) });
      return;
    }
    const inner = toPhrasing(node.children, dropped, comments, position);
    const style = FORMAT[tag];
    const href = tag === 'a' && typeof node.properties.href === 'string' ? node.properties.href : undefined;
    if (!style && !href && tag !== 'p') dropped.stripped.add(tag);
    if (BLOCK.has(tag)) {
      if (paragraphs.at(-1)!.length > 0) paragraphs.push([]);
      inner.forEach((paragraph, index) => {
        if (index > 0) paragraphs.push([]);
        append(paragraphs.at(-1)!, paragraph);
      });
      paragraphs.push([]);
      return;
    }
    const children = inner.flatMap((paragraph, index) => (index > 0 ? [{ type: 'break' } as const, ...paragraph] : paragraph));
    if (href) add({ type: 'link', url: href, children });
    else if (style) add(wrap(style, children));
    else children.forEach(add);
  }
  return paragraphs.filter((paragraph) => paragraph.some((node) => node.type !== 'text' || node.value.trim() !== ''));
}

function reportDropped(dropped: Dropped, file: VFile, place: Html): void {
  const names = (tags: Set<string>) => [...tags].map((tag) => `<${tag}>`).join(', ');
  if (dropped.hidden.size > 0) report(file, 'html-dropped', `HTML ${names(dropped.hidden)} has no slide form; it is left out`, place);
  if (dropped.stripped.size > 0) report(file, 'html-stripped', `HTML tags ${names(dropped.stripped)} are not drawn; their text is kept`, place);
}

/** Speaker notes written in HTML: pandoc's `<div class="notes">`, reveal.js's `<aside class="notes">`. */
export function isNotesDiv(node: ElementContent | HastContent): node is Element {
  return node.type === 'element' && (node.tagName === 'div' || node.tagName === 'aside') && Array.isArray(node.properties.className) && node.properties.className.includes('notes');
}

/** A block of raw HTML → comments, pictures and paragraphs of its text; a notes div → a notes container. */
export function htmlBlockToMdast(node: Html, file: VFile): RootContent[] {
  const tree: HastRoot = fromHtml(node.value, { fragment: true });
  const dropped: Dropped = { hidden: new Set(), stripped: new Set() };
  const comments: Comment[] = [];
  const position = node.position ? { position: node.position } : {};
  const paragraphsOf = (nodes: readonly (HastContent | ElementContent)[]) =>
    toPhrasing(nodes, dropped, comments, node.position).map((children): Paragraph => ({ type: 'paragraph', children, ...position }));
  const notes = tree.children.filter(isNotesDiv);
  const blocks: RootContent[] = [
    ...paragraphsOf(tree.children.filter((child) => !isNotesDiv(child))),
    ...notes.map((div): RootContent => ({ type: 'containerDirective', name: 'notes', attributes: {}, children: paragraphsOf(div.children), ...position })),
  ];
  reportDropped(dropped, file, node);
  return [...comments, ...blocks];
}

/** `<div class="notes">` written alone on its line, the notes' Markdown below it, up to `</div>`. */
export function isNotesOpener(node: RootContent): boolean {
  if (node.type !== 'html' || !/^<(div|aside)\b[^>]*>\s*$/i.test(node.value.trim())) return false;
  return fromHtml(node.value, { fragment: true }).children.some(isNotesDiv);
}

// The lookbehinds start a run (of white space, of a name) at its first character only: tried from
// each of its characters, a long run that does not match is quadratic.
const TAG = /^<(\/?)([A-Za-z][\w-]*)((?:\s[^>]*?)?)(?<!\s)\s*(\/?)>$/;
const ATTRIBUTE = /(?<![\w:-])([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>/]+))/g;

function tagAttributes(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const match of text.matchAll(ATTRIBUTE)) values[match[1]!.toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? '';
  return values;
}

interface OpenTag {
  tag: string;
  make: (children: PhrasingContent[]) => PhrasingContent[];
  children: PhrasingContent[];
}

/**
 * Inline HTML inside a paragraph arrives as separate tag nodes (`<b>`, text, `</b>`):
 * matching tags wrap what lies between them; other tags are stripped and their text kept.
 */
export function inlineHtmlToMdast(children: readonly PhrasingContent[], file: VFile): PhrasingContent[] {
  if (!children.some((child) => child.type === 'html')) return [...children];
  const root: OpenTag = { tag: '', make: (inner) => inner, children: [] };
  const stack: OpenTag[] = [root];
  const dropped: Dropped = { hidden: new Set(), stripped: new Set() };
  let first: Html | undefined;
  const close = (index: number) => {
    while (stack.length - 1 >= index) {
      const done = stack.pop()!;
      append(stack.at(-1)!.children, done.make(done.children));
    }
  };
  for (const child of children) {
    if (child.type !== 'html') {
      stack.at(-1)!.children.push(child);
      continue;
    }
    first ??= child;
    const comment = /^<!--([\s\S]*?)-->$/.exec(child.value);
    if (comment) {
      stack.at(-1)!.children.push(commentNode(comment[1]!, child.position));
      continue;
    }
    const tag = TAG.exec(child.value.trim());
    if (!tag) {
      // A processing instruction, a declaration or CDATA: nothing for the audience.
      dropped.hidden.add(child.value.slice(0, 12));
      continue;
    }
    const [, closing, rawName, rest = '', selfClosing] = tag;
    const name = rawName!.toLowerCase();
    if (closing) {
      const at = stack.findLastIndex((open) => open.tag === name);
      if (at > 0) close(at);
      continue;
    }
    if (name === 'br') {
      stack.at(-1)!.children.push({ type: 'break' });
      continue;
    }
    const attributes = tagAttributes(rest);
    if (name === 'img') {
      if (attributes.src) stack.at(-1)!.children.push({ type: 'image', url: attributes.src, alt: attributes.alt ?? '', ...(child.position ? { position: child.position } : {}) });
      continue;
    }
    if (HIDDEN.has(name)) dropped.hidden.add(name);
    if (selfClosing || rest.trimEnd().endsWith('/')) continue;
    const style = FORMAT[name];
    const href = name === 'a' ? attributes.href : undefined;
    if (!style && !href) dropped.stripped.add(name);
    const make = HIDDEN.has(name)
      ? () => []
      : href
        ? (inner: PhrasingContent[]) => [{ type: 'link' as const, url: href, children: inner }]
        : style
          ? (inner: PhrasingContent[]) => [wrap(style, inner)]
          : (inner: PhrasingContent[]) => inner;
    stack.push({ tag: name, make, children: [] });
  }
  close(1);
  if (first) reportDropped(dropped, file, first);
  return root.children;
}
