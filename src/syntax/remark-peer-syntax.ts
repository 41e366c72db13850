import type { Code, Heading, Paragraph, Parent, PhrasingContent, Root, RootContent, Yaml } from 'mdast';
import type { Plugin } from 'unified';
import { visit, SKIP } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { isMap, parseDocument, stringify } from 'yaml';
import { report } from '../diagnostics/report.js';
import { sourceOf } from '../outline/inline.js';
import { describeAttributes, trailingAttributes } from './attribute-block.js';
import { htmlBlockToMdast, inlineHtmlToMdast } from './html.js';
import { inlineSyntaxToMdast } from './inline-syntax.js';
import { readMarpImage } from './marp-images.js';
import type { SlideSettings } from './nodes.js';
import { contentLines } from './fenced-divs.js';
import { findPandocTables, replacePandocTables } from './pandoc-tables.js';
import { fromMarkdown } from 'mdast-util-from-markdown';

/**
 * Decks written for pandoc, Marp, Slidev and md2pptx, read into the one vocabulary the outline
 * stage knows. Each rewrite is a pure function over a node or a list of siblings; what has no
 * slide form is reported here, where its place in the source is known.
 */

const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell']);

function sourceLines(file: VFile, node: RootContent): string[] {
  return sourceOf(node, file)?.split(/\r?\n/) ?? [];
}

/** Inline HTML, then pandoc's inline syntax, at every level of a paragraph's content. */
function rewritePhrasing(children: readonly PhrasingContent[], file: VFile): PhrasingContent[] {
  return inlineSyntaxToMdast(inlineHtmlToMdast(children, file), file).map((child) =>
    'children' in child ? ({ ...child, children: rewritePhrasing(child.children as PhrasingContent[], file) } as PhrasingContent) : child,
  );
}

/** A table cell's text as inline Markdown. */
function cellPhrasing(text: string, file: VFile): PhrasingContent[] {
  const first = fromMarkdown(text).children[0];
  return first?.type === 'paragraph' ? rewritePhrasing(first.children, file) : text ? [{ type: 'text', value: text }] : [];
}

/** `## Title {#id .class key=value}`: the attributes go into the heading's data. */
function headingAttributes(heading: Heading, file: VFile): void {
  const last = heading.children.at(-1);
  if (last?.type !== 'text') return;
  const found = trailingAttributes(last.value);
  if (!found) return;
  last.value = last.value.slice(0, found.start).trimEnd();
  if (last.value === '') heading.children.pop();
  const { id, classes, pairs } = found.attributes;
  heading.data = { ...heading.data, ...(id ? { id } : {}), classes, attributes: pairs };
  const rest = describeAttributes(found.attributes, ['id', 'background-image', '.unnumbered', '.unlisted']);
  if (rest) report(file, 'attribute-ignored', `heading attributes {${rest}} have no slide form; they are dropped`, heading);
}

/** ```` ```{.python .numberLines} ````: the first class names the language; `{=format}` is raw output for another format. */
function codeAttributes(code: Code, file: VFile): Code | undefined {
  if (!code.lang?.startsWith('{')) return code;
  const found = trailingAttributes(`${code.lang} ${code.meta ?? ''}`.trim());
  if (!found) return code;
  if (found.attributes.raw !== undefined) {
    report(file, 'raw-dropped', `a raw ${found.attributes.raw} block is output for another format; it is left out`, code);
    return undefined;
  }
  const [lang, ...classes] = found.attributes.classes;
  const rest = describeAttributes({ ...found.attributes, classes });
  if (rest) report(file, 'attribute-ignored', `code block attributes {${rest}} have no slide form; they are dropped`, code);
  return { ...code, lang: lang ?? null, meta: null };
}

const SLOT = /^::([A-Za-z][\w-]*)::$/;
const PAUSE = /^\.\s\.\s\.$/;

/** A paragraph that is only pictures with Marp's keywords, a pause, or a slot marker, as what it means. */
function rewriteParagraph(paragraph: Paragraph, file: VFile): RootContent[] {
  const only = paragraph.children.length === 1 && paragraph.children[0]!.type === 'text' ? paragraph.children[0]!.value.trim() : undefined;
  const position = paragraph.position ? { position: paragraph.position } : {};
  if (only !== undefined && PAUSE.test(only)) {
    report(file, 'pause-ignored', 'a pause (". . .") has no form in a static deck; the content after it is shown at once', paragraph);
    return [];
  }
  const slot = only !== undefined ? SLOT.exec(only) : null;
  if (slot) return [{ type: 'columnBreak', slot: slot[1]!, ...position }];
  const settings: SlideSettings[] = [];
  const children = paragraph.children.filter((child) => {
    if (child.type !== 'image') return true;
    const marp = readMarpImage(child);
    if (!marp) return true;
    if (marp.dropped.length > 0) report(file, 'attribute-ignored', `picture keywords ${marp.dropped.join(' ')} have no slide form; they are dropped`, child);
    child.alt = marp.alt;
    if (marp.widthPercent !== undefined) child.data = { ...child.data, widthPercent: marp.widthPercent };
    if (!marp.background) return true;
    settings.push({ type: 'slideSettings', background: child.url, ...(child.position ? { position: child.position } : {}) });
    return false;
  });
  const rest = children.some((child) => child.type !== 'text' || child.value.trim() !== '') ? [{ ...paragraph, children }] : [];
  return [...settings, ...rest];
}

/** Slidev's per-slide front matter: `---`, `key: value` lines, `---`, which Markdown reads as a rule and a heading. */
function slideFrontMatter(previous: RootContent | undefined, heading: Heading, file: VFile): SlideSettings | undefined {
  if (previous?.type !== 'thematicBreak' || heading.depth !== 2 || !previous.position || !heading.position) return undefined;
  if (heading.position.start.line !== previous.position.end.line + 1) return undefined;
  const lines = sourceLines(file, heading);
  if (lines.length < 2 || !/^ {0,3}-{3,}\s*$/.test(lines.at(-1)!)) return undefined;
  const yaml = lines.slice(0, -1).join('\n');
  if (!lines.slice(0, -1).every((line) => /^\s*([\w-]+\s*:(\s|$)|#|-\s|\s)/.test(line) || line.trim() === '')) return undefined;
  const document = parseDocument(yaml);
  if (document.errors.length > 0 || !isMap(document.contents)) return undefined;
  const values = document.toJS() as Record<string, unknown>;
  const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  const used = ['layout', 'background', 'image', 'hide', 'disabled', 'src'];
  const ignored = Object.keys(values).filter((key) => !used.includes(key));
  if (ignored.length > 0) report(file, 'foreign-key', `slide settings ${ignored.join(', ')} belong to another tool; they are ignored`, heading);
  // Reading another file is not something a deck may make deckdown do.
  if (text('src')) report(file, 'unsupported-node', `slide import src: ${text('src')} is not followed; only this file's slides are built`, heading);
  const background = text('background');
  return {
    type: 'slideSettings',
    ...(text('layout') ? { layout: text('layout') } : {}),
    ...(background ? { background: background.replace(/^url\((.*)\)$/, '$1') } : {}),
    ...(text('image') ? { image: text('image') } : {}),
    ...(values.hide === true || values.disabled === true ? { hidden: true } : {}),
    position: heading.position,
  };
}

/** pandoc's title block (`% title`, `% author; author`, `% date`) as the YAML front matter it stands for. */
function titleBlock(tree: Root, file: VFile): void {
  const first = tree.children[0];
  if (first?.type !== 'paragraph' || tree.children.some((node) => node.type === 'yaml')) return;
  const lines = sourceLines(file, first);
  if (!lines[0]?.startsWith('%')) return;
  // Continuation lines start with white space; each field starts with `%`.
  const fields: string[] = [];
  for (const line of lines) {
    if (line.startsWith('%')) fields.push(line.slice(1).trim());
    else if (/^\s/.test(line) && fields.length > 0) fields[fields.length - 1] += ` ${line.trim()}`;
    else return;
  }
  const [title, authors, date] = fields;
  const values: Record<string, unknown> = {};
  if (title) values.title = title;
  const names = authors?.split(';').map((name) => name.trim()).filter(Boolean) ?? [];
  if (names.length > 0) values.author = names.length === 1 ? names[0] : names;
  if (date) values.date = date;
  const yaml: Yaml = { type: 'yaml', value: stringify(values).trimEnd(), ...(first.position ? { position: first.position } : {}) };
  tree.children[0] = yaml;
}

/** Every rewrite, over the whole tree. */
export function peerSyntaxToMdast(tree: Root, file: VFile): void {
  titleBlock(tree, file);
  const tables = findPandocTables(String(file.value).split('\n'), contentLines(tree, String(file.value)));
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (PHRASING_PARENTS.has(node.type)) {
      const phrasing = node as Paragraph;
      phrasing.children = rewritePhrasing(phrasing.children, file);
      if (node.type === 'heading') headingAttributes(node as Heading, file);
    }
    return undefined;
  });
  visit(tree, (node) => {
    if (!('children' in node) || PHRASING_PARENTS.has(node.type)) return node.type === 'paragraph' ? SKIP : undefined;
    const container = node as Parent;
    const rewritten: RootContent[] = [];
    for (const child of replacePandocTables(container.children as RootContent[], tables, (text) => cellPhrasing(text, file), file)) {
      if (child.type === 'html') {
        // The text of an HTML block gets the same inline reading as any paragraph.
        rewritten.push(...htmlBlockToMdast(child, file).map((node) => (node.type === 'paragraph' ? { ...node, children: rewritePhrasing(node.children, file) } : node)));
      }
      else if (child.type === 'paragraph') rewritten.push(...rewriteParagraph(child, file));
      else if (child.type === 'code') {
        const code = codeAttributes(child, file);
        if (code) rewritten.push(code);
      } else if (child.type === 'heading') rewritten.push(slideFrontMatter(rewritten.at(-1), child, file) ?? child);
      else rewritten.push(child);
    }
    container.children = rewritten as Parent['children'];
    return undefined;
  });
}

export const remarkPeerSyntax: Plugin<[], Root> = function () {
  return (tree, file) => peerSyntaxToMdast(tree, file);
};
