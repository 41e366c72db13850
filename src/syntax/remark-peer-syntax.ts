import type { BlockContent, Code, Heading, Paragraph, Parent, PhrasingContent, Root, RootContent, Yaml } from 'mdast';
import type { Plugin } from 'unified';
import { visit, SKIP } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { isMap, parseDocument, stringify } from 'yaml';
import { documentValue } from '../yaml/document-value.js';
import { append } from '../arrays.js';
import { report } from '../diagnostics/report.js';
import { sourceOf } from '../outline/inline.js';
import { describeAttributes, trailingAttributes } from './attribute-block.js';
import { htmlBlockToMdast, inlineHtmlToMdast, isNotesOpener } from './html.js';
import { inlineSyntaxToMdast } from './inline-syntax.js';
import { inlineNotes } from './inline-notes.js';
import { lineBlock } from './line-blocks.js';
import { readMarpImage } from './marp-images.js';
import type { SlideSettings } from './nodes.js';
import { contentLines } from './fenced-divs.js';
import { findPandocTables, replacePandocTables } from './pandoc-tables.js';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { withoutPositions } from './positions.js';
import { cutTooDeep, reportTooDeep } from './depth.js';
import { DEFAULT_LIMITS } from '../limits.js';

/**
 * Decks written for pandoc, Marp, Slidev and md2pptx, read into the one vocabulary the outline
 * stage knows. Each rewrite is a pure function over a node or a list of siblings; what has no
 * slide form is reported here, where its place in the source is known.
 */

const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell']);

function sourceLines(file: VFile, node: RootContent): string[] {
  return sourceOf(node, file)?.split(/\r?\n/) ?? [];
}

/**
 * Inline HTML, then pandoc's inline syntax, at every level of a paragraph's content, down to the
 * depth limit: HTML tags may nest deeper, which the outline reports and cuts, never recursing.
 */
function rewritePhrasing(children: readonly PhrasingContent[], file: VFile, level = 0): PhrasingContent[] {
  const deeper = level < (file.data.depthLimit ?? DEFAULT_LIMITS.depth);
  return inlineSyntaxToMdast(inlineHtmlToMdast(children, file), file).map((child) =>
    'children' in child && deeper ? ({ ...child, children: rewritePhrasing(child.children as PhrasingContent[], file, level + 1) } as PhrasingContent) : child,
  );
}

/** A table cell's text as inline Markdown. */
/**
 * Text as inline Markdown: a table cell, or the text of an HTML block, which pandoc reads as
 * Markdown too. Its paragraphs, headings and list items are joined with line breaks.
 */
function markdownPhrasing(text: string, file: VFile): PhrasingContent[] {
  const lines = (node: RootContent): PhrasingContent[][] => {
    if (node.type === 'paragraph' || node.type === 'heading') return [node.children];
    if (node.type === 'list') return node.children.flatMap((item) => item.children.flatMap(lines));
    const value = toString(node);
    return value ? [[{ type: 'text', value }]] : [];
  };
  const tree = fromMarkdown(text);
  // Read apart from the document, so its places are not the file's: a nesting error names none.
  const limit = file.data.depthLimit ?? DEFAULT_LIMITS.depth;
  if (cutTooDeep(tree, limit)) reportTooDeep(file, { type: 'text' }, limit);
  const joined = tree.children.flatMap(lines).flatMap((children, index): PhrasingContent[] => [...(index > 0 ? [{ type: 'break' as const }] : []), ...children]);
  return rewritePhrasing(withoutPositions(joined), file);
}

/** Text between HTML tags as Markdown, keeping the spaces at its ends that separate it from the tags. */
function spacedMarkdown(text: string, file: VFile): PhrasingContent[] {
  if (text.trim() === '') return [{ type: 'text', value: text.replace(/\s+/g, ' ') }];
  const space = (edge: boolean): PhrasingContent[] => (edge ? [{ type: 'text', value: ' ' }] : []);
  return [...space(/^\s/.test(text)), ...markdownPhrasing(text, file), ...space(/\s$/.test(text))];
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
  const rest = describeAttributes(found.attributes, ['id', 'background-image', 'data-background-image', '.unnumbered', '.unlisted']);
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
/** pandoc reads TeX macro definitions for its math; here math is not typeset, so they have nothing to apply to. */
const TEX_MACRO = /^\s*\\(?:re)?newcommand|^\s*\\(?:def|let|DeclareMathOperator)\b/;
/** pandoc's `. . .` and remark.js's `--`: the rest of the slide appears on the next click. */
const PAUSE = /^(\.\s\.\s\.|--)$/;
/** remark.js's speaker notes: everything after `???` on a slide. */
const NOTES_MARK = /^\?\?\?$/;
/** remark.js's content classes around a block: `.left-column[` … `]`, each on its own line. */
const CLASS_OPEN = /^\.[A-Za-z][\w-]*(\.[A-Za-z][\w-]*)*\[$/;

/** A paragraph that is only pictures with Marp's keywords, a pause, or a slot marker, as what it means. */
function rewriteParagraph(original: Paragraph, file: VFile): RootContent[] {
  const paragraph = lineBlock(withoutClassLines(original, file), file);
  if (paragraph.children.length === 0) return [];
  const only = paragraph.children.length === 1 && paragraph.children[0]!.type === 'text' ? paragraph.children[0]!.value.trim() : undefined;
  const position = paragraph.position ? { position: paragraph.position } : {};
  if (only !== undefined && PAUSE.test(only)) {
    report(file, 'pause-ignored', 'a pause (". . .") has no form in a static deck; the content after it is shown at once', paragraph);
    return [];
  }
  const lines = sourceLines(file, paragraph);
  if (lines.length > 0 && lines.every((line) => TEX_MACRO.test(line)) && paragraph.children.every((child) => child.type === 'text' || child.type === 'inlineMath')) {
    report(file, 'raw-dropped', 'TeX macro definitions are for math, which is not typeset yet; they are left out', paragraph);
    return [];
  }
  if (only !== undefined && NOTES_MARK.test(only)) return [{ type: 'notesMark', ...position }];
  if (only !== undefined && (CLASS_OPEN.test(only) || only === ']')) {
    report(file, 'attribute-ignored', `the content class ${only} has no slide form; the content is kept`, paragraph);
    return [];
  }
  const slot = only !== undefined ? SLOT.exec(only) : null;
  if (slot) return [{ type: 'columnBreak', slot: slot[1]!, ...position }];
  const settings: SlideSettings[] = [];
  const marp = new Map(paragraph.children.flatMap((child) => (child.type === 'image' ? [[child, readMarpImage(child)] as const] : [])));
  // Marp tiles several backgrounds across one slide; a slide has one background, so they become pictures on it.
  const backgrounds = [...marp.values()].filter((image) => image?.background).length;
  if (backgrounds > 1) report(file, 'attribute-ignored', `${backgrounds} background pictures share this slide; they are placed as pictures on it`, paragraph);
  const children = paragraph.children.filter((child) => {
    const keywords = child.type === 'image' ? marp.get(child) : undefined;
    if (child.type !== 'image' || !keywords) return true;
    if (keywords.dropped.length > 0) report(file, 'attribute-ignored', `picture keywords ${keywords.dropped.join(' ')} have no slide form; they are dropped`, child);
    child.alt = keywords.alt;
    if (keywords.widthPercent !== undefined) child.data = { ...child.data, widthPercent: keywords.widthPercent };
    if (!keywords.background || backgrounds > 1) return true;
    const described = { ...(keywords.alt ? { backgroundAlt: keywords.alt } : {}), ...(keywords.contain ? { backgroundFit: 'contain' as const } : {}) };
    settings.push({ type: 'slideSettings', background: child.url, ...described, ...(child.position ? { position: child.position } : {}) });
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
  const data = documentValue(document);
  if (!('value' in data)) {
    report(file, 'invalid-front-matter', `slide settings: ${data.reason}`, heading);
    return undefined;
  }
  const values = data.value as Record<string, unknown>;
  const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  const used = ['layout', 'background', 'image', 'hide', 'disabled', 'src'];
  const ignored = Object.keys(values).filter((key) => !used.includes(key));
  if (ignored.length > 0) report(file, 'foreign-key', `slide settings ${ignored.join(', ')} belong to another tool; they are ignored`, heading);
  // Reading another file is not something a deck may make deckdown do.
  if (text('src')) report(file, 'unsupported-node', `slide import src: ${text('src')} is not followed; only this file's slides are built`, heading);
  const background = text('background');
  return {
    type: 'slideSettings',
    frontMatter: true,
    ...(text('layout') ? { layout: text('layout') } : {}),
    ...(background ? { background: background.replace(/^url\((.*)\)$/, '$1') } : {}),
    ...(text('image') ? { image: text('image') } : {}),
    ...(values.hide === true || values.disabled === true ? { hidden: true } : {}),
    position: heading.position,
  };
}

/** remark.js's slide properties, written as the first lines of a slide. */
const REMARK_PROPERTIES = new Set(['name', 'class', 'layout', 'background-image', 'background-position', 'background-repeat', 'background-size', 'background-color', 'count', 'exclude', 'template', 'seq']);

/**
 * `class: center, middle` or `background-image: url(a.jpg)` as the first lines of a slide:
 * remark.js's slide properties, read as the slide's settings, never shown. A template slide
 * (`layout: true`) and an excluded one (`exclude: true`) are left out. The lines after the
 * properties stay the slide's content; properties right above a `---` (which Markdown reads as
 * a heading's underline) are followed by the slide break they end with.
 */
function remarkProperties(previous: RootContent | undefined, node: Paragraph | Heading, file: VFile, remark: boolean): RootContent[] | undefined {
  if (previous !== undefined && previous.type !== 'thematicBreak') return undefined;
  const lines = sourceLines(file, node);
  const underlined = node.type === 'heading' && /^ {0,3}-{3,}\s*$/.test(lines.at(-1) ?? '');
  if (node.type === 'heading' && !underlined) return undefined;
  const own = underlined ? lines.slice(0, -1) : lines;
  const pairs = own.map((line) => /^([a-z-]+):\s*(.*)$/.exec(line.trim()));
  // In a deck known to be remark.js's, any `key: value` line there is a property: templates use their own.
  const count = pairs.findIndex((pair) => !pair || !(remark || REMARK_PROPERTIES.has(pair[1]!)));
  const properties = (count < 0 ? pairs : pairs.slice(0, count)) as RegExpExecArray[];
  // Content may follow the properties in a paragraph, never in a heading's lines.
  if (properties.length === 0 || (underlined && count >= 0)) return undefined;
  const values = new Map(properties.map((pair) => [pair[1]!, pair[2]!.trim()]));
  // `name: Jane Doe` alone is as likely a line of a slide as remark.js's slide name.
  if ([...values.keys()].every((key) => key === 'name')) return undefined;
  const background = /url\(\s*['"]?([^'"()]+)['"]?\s*\)/.exec(values.get('background-image') ?? '')?.[1];
  const hidden = values.get('layout') === 'true' || values.get('exclude') === 'true';
  const ignored = [...values.keys()].filter((key) => key !== 'background-image' && key !== 'exclude');
  if (ignored.length > 0) report(file, 'foreign-key', `slide properties ${ignored.join(', ')} belong to remark.js; ${values.get('layout') === 'true' ? 'this template slide is left out' : 'they are ignored'}`, node);
  const at = node.position ? { position: node.position } : {};
  const settings: SlideSettings = { type: 'slideSettings', ...(background ? { background } : {}), ...(hidden ? { hidden: true } : {}), ...at };
  if (underlined) return [settings, { type: 'thematicBreak', ...at }];
  return [settings, ...(count >= 0 ? rewriteParagraph(withoutLines(node as Paragraph, properties.length), file) : [])];
}

const CLASS_LINE = /^\s*(\]|\.[A-Za-z][\w-]*(\.[A-Za-z][\w-]*)*\[)\s*$/;

/** remark.js's `.left-column[` and `]` on lines of their own inside a paragraph: the lines go, the content stays. */
function withoutClassLines(paragraph: Paragraph, file: VFile): Paragraph {
  if (!paragraph.children.some((child) => child.type === 'text' && child.value.split('\n').some((line) => CLASS_LINE.test(line)))) return paragraph;
  report(file, 'attribute-ignored', 'remark.js content classes (.class[…]) have no slide form; the content is kept', paragraph);
  const children = paragraph.children
    .map((child) => (child.type === 'text' ? { ...child, value: child.value.split('\n').filter((line) => !CLASS_LINE.test(line)).join('\n') } : child))
    .filter((child) => child.type !== 'text' || child.value.trim() !== '');
  return { ...paragraph, children };
}

/** remark.js decks split slides at `---` before Markdown is read: `text` then `---` is a paragraph and a break, not a heading. */
const REMARK_MARK = /^(\?\?\?|\.[A-Za-z][\w-]*(\.[A-Za-z][\w-]*)*\[|layout: true|exclude: true)\s*$/m;

/** A paragraph without its first lines, which are plain `key: value` text in its first text node. */
function withoutLines(paragraph: Paragraph, count: number): Paragraph {
  const [first, ...rest] = paragraph.children;
  if (first?.type !== 'text') return paragraph;
  const remaining = first.value.split('\n').slice(count).join('\n');
  return { ...paragraph, children: [...(remaining ? [{ ...first, value: remaining }] : []), ...rest] };
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

const CAPTION = /^(?:Table)?:\s+/;

/** pandoc's table captions, `Table: …` or `: …` just before or after a table: the prefix is markup. */
function tableCaptions(children: RootContent[]): RootContent[] {
  return children.map((child, index) => {
    const first = child.type === 'paragraph' ? child.children[0] : undefined;
    const beside = children[index - 1]?.type === 'table' || children[index + 1]?.type === 'table';
    if (child.type !== 'paragraph' || first?.type !== 'text' || !beside || !CAPTION.test(first.value)) return child;
    return { ...child, children: [{ ...first, value: first.value.replace(CAPTION, '') }, ...child.children.slice(1)] };
  });
}

/** `<div class="notes">`, Markdown, `</div>` as siblings: the Markdown between becomes a notes container. */
function notesDivs(children: RootContent[]): RootContent[] {
  const at = children.findIndex(isNotesOpener);
  if (at < 0) return children;
  const close = children.findIndex((child, index) => index > at && child.type === 'html' && /^<\/(div|aside)>\s*$/i.test(child.value.trim()));
  if (close < 0) return children;
  const opener = children[at]!;
  const notes: RootContent = { type: 'containerDirective', name: 'notes', attributes: {}, children: children.slice(at + 1, close) as BlockContent[], ...(opener.position ? { position: opener.position } : {}) };
  return [...children.slice(0, at), notes, ...notesDivs(children.slice(close + 1))];
}

const METADATA_LINE = /^([A-Za-z][\w.-]*):[ \t]*(.*)$/;

/**
 * md2pptx's metadata: `key: value` lines before the first heading, without YAML fences. It
 * styles md2pptx's own template; deckdown takes the slide level (`TopHeadingLevel`: `###` are
 * content slides by default) and the language from it, and names the rest in one info message.
 */
function md2pptxMetadata(tree: Root, file: VFile): boolean {
  const first = tree.children[0];
  if (first?.type !== 'paragraph' || tree.children.some((node) => node.type === 'yaml')) return false;
  const lines = sourceLines(file, first);
  const pairs = lines.map((line) => METADATA_LINE.exec(line));
  // One line is enough when it names md2pptx's template: `template: Corporate.pptx`.
  const template = lines.length === 1 && /^template:\s*\S.*\.(pptx|potx)\s*$/i.test(lines[0]!);
  if ((lines.length < 2 && !template) || pairs.some((pair) => !pair)) return false;
  const values = new Map(pairs.map((pair) => [pair![1]!.toLowerCase(), pair![2]!.trim()]));
  if (!['template', 'topheadinglevel', 'basetextsize', 'pagetitlesize', 'numbers', 'cardlayout'].some((key) => values.has(key))) return false;
  const top = Number(values.get('topheadinglevel') ?? 1);
  const settings: Record<string, unknown> = { slideLevel: Math.min(6, (Number.isInteger(top) && top > 0 ? top : 1) + 2) };
  if (values.get('textlanguage')) settings.lang = values.get('textlanguage');
  report(file, 'foreign-key', `md2pptx metadata ${pairs.map((pair) => pair![1]).join(', ')} styles md2pptx's template; only the heading levels and the language are used`, first);
  tree.children[0] = { type: 'yaml', value: stringify(settings).trimEnd(), ...(first.position ? { position: first.position } : {}) };
  return true;
}

/** md2pptx names a slide for links with `[id]` at the end of its heading: `### Sport [sport]`. */
function md2pptxHeadingId(heading: Heading): void {
  const last = heading.children.at(-1);
  const match = last?.type === 'text' ? /(?<!\s)\s*\[([\w-]+)\]\s*$/.exec(last.value) : null;
  if (!match || last?.type !== 'text') return;
  last.value = last.value.slice(0, match.index);
  heading.data = { ...heading.data, id: match[1] };
}

/** Every rewrite, over the whole tree. */
export function peerSyntaxToMdast(tree: Root, file: VFile): void {
  titleBlock(tree, file);
  // Before `^super^` is read, which would take a note's `^`.
  inlineNotes(tree, String(file.value));
  const md2pptx = md2pptxMetadata(tree, file);
  const remark = REMARK_MARK.test(String(file.value));
  if (remark) tree.data = { ...tree.data, peerTool: 'remark' };
  const tables = findPandocTables(String(file.value).split('\n'), contentLines(tree, String(file.value)));
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (PHRASING_PARENTS.has(node.type)) {
      const phrasing = node as Paragraph;
      phrasing.children = rewritePhrasing(phrasing.children, file);
      // HTML tags may have nested the content deeper than the limit, and the walks that follow recurse.
      const limit = file.data.depthLimit ?? DEFAULT_LIMITS.depth;
      const cut = cutTooDeep(phrasing, limit);
      if (cut) reportTooDeep(file, cut, limit);
      if (node.type === 'heading') headingAttributes(node as Heading, file);
      if (node.type === 'heading' && md2pptx) md2pptxHeadingId(node as Heading);
    }
    return undefined;
  });
  visit(tree, (node) => {
    if (!('children' in node) || PHRASING_PARENTS.has(node.type)) return node.type === 'paragraph' ? SKIP : undefined;
    const container = node as Parent;
    const rewritten: RootContent[] = [];
    const children = tableCaptions(notesDivs(replacePandocTables(container.children as RootContent[], tables, (text) => markdownPhrasing(text, file), file)));
    for (const child of children) {
      if (child.type === 'html') {
        // The text of an HTML block is Markdown, as pandoc reads it.
        append(rewritten, htmlBlockToMdast(child, file).map((node) => (node.type === 'paragraph' ? { ...node, children: node.children.flatMap((part) => (part.type === 'text' ? spacedMarkdown(part.value, file) : rewritePhrasing([part], file))) } : node)));
      }
      else if (child.type === 'paragraph') {
        const properties = container.type === 'root' ? remarkProperties(rewritten.findLast((node) => node.type !== 'comment' && node.type !== 'yaml'), child, file, remark) : undefined;
        append(rewritten, properties ?? rewriteParagraph(child, file));
      } else if (child.type === 'code') {
        const code = codeAttributes(child, file);
        if (code) rewritten.push(code);
      } else if (child.type === 'heading') {
        const previous = rewritten.findLast((node) => node.type !== 'comment' && node.type !== 'yaml');
        const settings = slideFrontMatter(rewritten.at(-1), child, file);
        const properties = settings ? undefined : container.type === 'root' ? remarkProperties(previous, child, file, remark) : undefined;
        const underlined = remark && child.depth === 2 && /^ {0,3}-{3,}\s*$/.test(sourceLines(file, child).at(-1) ?? '') && sourceLines(file, child).length > 1;
        if (settings) rewritten.push(settings);
        else if (properties) append(rewritten, properties);
        else if (underlined) append(rewritten, [...rewriteParagraph({ type: 'paragraph', children: child.children, ...(child.position ? { position: child.position } : {}) }, file), { type: 'thematicBreak' }]);
        else rewritten.push(child);
      } else rewritten.push(child);
    }
    container.children = rewritten as Parent['children'];
    return undefined;
  });
}

export const remarkPeerSyntax: Plugin<[], Root> = function () {
  return (tree, file) => peerSyntaxToMdast(tree, file);
};
