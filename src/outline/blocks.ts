import type { Blockquote, BlockContent, DefinitionContent, List as MdastList, Paragraph as MdastParagraph, PhrasingContent, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { append } from '../arrays.js';
import { report } from '../diagnostics/report.js';
import { isKnownLanguage } from '../highlight.js';
import { isImageProblem, readImageInfo } from '../media/image-info.js';
import { attribute, parsePercent } from './attributes.js';
import { chartFromDirective } from './charts.js';
import { commentToNotes } from './comments.js';
import type { Context } from './context.js';
import { phrasingToRuns, sourceOf, trimRuns } from './inline.js';
import type { Block, Column, Image, Inline, List, ListItem, Quote, Stat } from './schema.js';
import { tableToOutline } from './tables.js';

type Node = RootContent | BlockContent | DefinitionContent;

/** Div classes other tools give meaning to (pandoc, reveal.js, beamer, Quarto); here their content is simply shown. */
const PEER_CLASSES = new Set(['div', 'center', 'alert', 'block', 'example', 'exampleblock', 'alertblock', 'cell', 'output', 'callout', 'callout-note', 'callout-tip', 'callout-warning', 'callout-important', 'callout-caution', 'r-fit-text', 'r-stretch', 'smaller', 'small', 'large', 'box', 'note', 'aside', 'footer', 'header', 'title', 'lead', 'left', 'right']);

/** mdast block content → outline blocks. Anything without a slide form keeps its text and is reported. */
export function blocksToOutline(nodes: readonly Node[], ctx: Context): Block[] {
  return nodes.flatMap((node) => blockToOutline(node, ctx));
}

function blockToOutline(node: Node, ctx: Context): Block[] {
  const { file } = ctx;
  switch (node.type) {
    case 'paragraph':
      return paragraphToOutline(node, ctx);
    case 'heading':
      return [{ type: 'subheading', runs: phrasingToRuns(node.children, ctx) }];
    case 'list':
      return [listToOutline(node, ctx)];
    case 'code':
      if (node.lang && !isKnownLanguage(node.lang)) {
        report(file, 'unknown-language', `code language "${node.lang}" is not known to the highlighter; the code is shown plain`, node);
      }
      return [{ type: 'code', ...(node.lang ? { lang: node.lang } : {}), text: node.value }];
    case 'blockquote':
      return [quoteToOutline(node, ctx)];
    case 'table':
      return [tableToOutline(node, ctx)];
    case 'definition':
    case 'footnoteDefinition':
      // Resolved where they are referenced; they have no slide form of their own.
      return [];
    case 'containerDirective':
      return containerToOutline(node, ctx);
    case 'leafDirective':
      return leafToOutline(node, ctx);
    case 'html':
      report(file, 'unsupported-node', 'raw HTML is not rendered; it is kept as text', node);
      return keepText(node.value);
    case 'math':
      report(file, 'math-not-rendered', 'display math is not typeset yet; its LaTeX source is shown as code', node);
      return [{ type: 'code', text: node.value }];
    case 'comment':
      append(ctx.notes, commentToNotes(node, ctx));
      return [];
    case 'slideSettings':
    case 'columnBreak':
      report(file, 'invalid-directive', 'slide settings and column markers belong at the top level of a slide; this one is ignored', node);
      return [];
    default:
      report(file, 'unsupported-node', `${node.type} has no slide form; its text is kept`, node);
      // The source as written keeps every character, where the bare text would run cells together.
      return keepText(sourceOf(node, file) ?? toString(node));
  }
}

/** Text kept as written: one paragraph, its source lines separated by line breaks. */
function keepText(text: string): Block[] {
  const lines = text.trim().split(/\r?\n/);
  if (lines.join('') === '') return [];
  const runs = lines.flatMap((line, index): Inline[] => [...(index > 0 ? [{ type: 'break' } as const] : []), { type: 'text', text: line }]);
  return [{ type: 'paragraph', runs }];
}

/** An image checked now, so a missing or unreadable file is reported where it is written. */
export function imageToOutline(src: string, alt: string, node: RootContent | PhrasingContent, ctx: Context, widthPercent?: number): Image {
  const info = readImageInfo(src, ctx.baseDir, ctx.root, ctx.limits);
  if (isImageProblem(info)) report(ctx.file, info.ruleId, info.reason, node);
  else if (info.note) report(ctx.file, info.note.ruleId, info.note.reason, node);
  return { type: 'image', src, alt, ...(widthPercent ? { widthPercent } : {}) };
}

/**
 * md2pptx writes a picture whose file name has spaces as it is, `![Alt](my pic.png)`, which
 * CommonMark reads as text. A line of a paragraph that is only that is the picture; a
 * destination in angle brackets or with a quoted title is one CommonMark reads itself.
 */
const PICTURE_WITH_SPACES = /^!\[([^\]]*)\]\(([^()<>"']*)\)$/;

function withPicturesWithSpaces(children: readonly PhrasingContent[]): PhrasingContent[] {
  return children.flatMap((child): PhrasingContent[] => {
    if (child.type !== 'text' || !child.value.includes('](')) return [child];
    const out: PhrasingContent[] = [];
    let text = '';
    for (const piece of child.value.split(/(\n)/)) {
      const picture = PICTURE_WITH_SPACES.exec(piece.trim());
      const url = picture?.[2]!.trim();
      if (!picture || !url || !/\s/.test(url)) {
        text += piece;
        continue;
      }
      if (text) out.push({ ...child, value: text });
      out.push({ type: 'image', url, alt: picture[1]!, position: child.position });
      text = '';
    }
    if (text) out.push({ ...child, value: text });
    return out;
  });
}

/** The bars of md2pptx's picture grids, which have no delimiter row and so are no table: `|![A](a.png)|![B](b.png)|`. */
const GRID_BARS = /^[\s|]*$/;

/** Pictures written on their own (or as the only content of a link) become image blocks; the text around them stays a paragraph. */
function paragraphToOutline(node: MdastParagraph, ctx: Context): Block[] {
  const blocks: Block[] = [];
  let text: PhrasingContent[] = [];
  const children = withPicturesWithSpaces(node.children);
  const pictureOf = (child: PhrasingContent): { url: string; alt: string; node: PhrasingContent } | undefined => {
    if (child.type === 'image') return { url: child.url, alt: child.alt ?? '', node: child };
    if (child.type === 'imageReference') {
      const url = ctx.definition(child.identifier)?.url;
      return url === undefined ? undefined : { url, alt: child.alt ?? '', node: child };
    }
    // A linked picture is placed as a picture; the link has no slide form on a picture frame.
    if ((child.type === 'link' || child.type === 'linkReference') && child.children.length === 1) return pictureOf(child.children[0]!);
    return undefined;
  };
  const pictures = children.map(pictureOf);
  // Beside pictures, text of bars and spaces alone is a grid's; elsewhere, spaces alone are nothing.
  const empty = pictures.some(Boolean) ? GRID_BARS : /^\s*$/;
  const flush = () => {
    if (text.some((child) => child.type !== 'text' || !empty.test(child.value))) blocks.push({ type: 'paragraph', runs: trimRuns(phrasingToRuns(text, ctx)) });
    text = [];
  };
  children.forEach((child, index) => {
    const picture = pictures[index];
    if (picture) {
      flush();
      blocks.push(imageToOutline(picture.url, picture.alt, picture.node, ctx, picture.node.type === 'image' ? picture.node.data?.widthPercent : undefined));
    } else {
      text.push(child);
    }
  });
  flush();
  return blocks;
}

function listToOutline(node: MdastList, ctx: Context): List {
  const items: ListItem[] = node.children.map((item) => ({
    ...(typeof item.checked === 'boolean' ? { checked: item.checked } : {}),
    blocks: blocksToOutline(item.children, ctx),
  }));
  return {
    type: 'list',
    ordered: node.ordered === true,
    ...(node.ordered && typeof node.start === 'number' ? { start: node.start } : {}),
    items,
  };
}

const ATTRIBUTION = /^\s*(—|--)\s*/;

/** A blockquote; a last paragraph that starts with "—" or "--" names who said it. */
function quoteToOutline(node: Blockquote, ctx: Context): Quote {
  const last = node.children.at(-1);
  const lead = last?.type === 'paragraph' ? last.children[0] : undefined;
  if (last?.type === 'paragraph' && lead?.type === 'text' && ATTRIBUTION.test(lead.value) && node.children.length > 1) {
    const runs = phrasingToRuns([{ ...lead, value: lead.value.replace(ATTRIBUTION, '') }, ...last.children.slice(1)], ctx);
    return { type: 'quote', blocks: blocksToOutline(node.children.slice(0, -1), ctx), attribution: runs };
  }
  return { type: 'quote', blocks: blocksToOutline(node.children, ctx) };
}

/** `:::stat` around `**44** states …`: the first strong run is the figure, the rest its caption. */
function statToOutline(node: ContainerDirective, ctx: Context): Stat | undefined {
  const paragraph = node.children.find((child): child is MdastParagraph => child.type === 'paragraph' && !child.data?.directiveLabel);
  const strongAt = paragraph?.children.findIndex((child) => child.type === 'strong') ?? -1;
  if (!paragraph || strongAt < 0) return undefined;
  const figure = toString(paragraph.children[strongAt]!).trim();
  const rest = [...paragraph.children.slice(0, strongAt), ...paragraph.children.slice(strongAt + 1)];
  const more = node.children.filter((child) => child !== paragraph && !(child.type === 'paragraph' && child.data?.directiveLabel));
  const caption = trimRuns([...phrasingToRuns(rest, ctx), ...more.flatMap((child) => [{ type: 'break' as const }, ...phrasingToRuns(child.type === 'paragraph' ? child.children : [], ctx)])]);
  // "**20 %** — of growth": the dash or colon only joins figure and caption.
  const lead = caption[0];
  if (lead?.type === 'text') caption[0] = { ...lead, text: lead.text.replace(/^[—–:-]\s*/, '') };
  return { type: 'stat', figure, caption };
}

function columnsToOutline(node: ContainerDirective, ctx: Context): Block[] {
  const columns: Column[] = node.children.map((child) => {
    if (child.type === 'containerDirective' && child.name === 'column') {
      const widthPercent = parsePercent(attribute(child, 'width'));
      if (attribute(child, 'width') !== undefined && widthPercent === undefined) {
        report(ctx.file, 'invalid-directive', `column width "${attribute(child, 'width')}" is not a percentage between 0 and 100; the column shares the free width`, child);
      }
      return { ...(widthPercent ? { widthPercent } : {}), blocks: blocksToOutline(child.children, ctx) };
    }
    report(ctx.file, 'invalid-directive', `"${child.type}" directly inside ::::columns becomes a column of its own; wrap it in :::column`, child);
    return { blocks: blockToOutline(child, ctx) };
  });
  const total = columns.reduce((sum, column) => sum + (column.widthPercent ?? 0), 0);
  if (total > 100) report(ctx.file, 'invalid-directive', `column widths add up to ${total}%; they are scaled to fit`, node);
  return columns.length > 0 ? [{ type: 'columns', columns }] : [];
}

function containerToOutline(node: ContainerDirective, ctx: Context): Block[] {
  switch (node.name) {
    case 'notes':
      append(ctx.notes, node.children);
      return [];
    case 'stat': {
      const stat = statToOutline(node, ctx);
      if (stat) return [stat];
      report(ctx.file, 'invalid-directive', ':::stat needs a paragraph whose figure is in bold, like **44** states; the content is kept as text', node);
      return blocksToOutline(node.children, ctx);
    }
    case 'chart': {
      const chart = chartFromDirective(node, ctx, ctx.lang);
      // An invalid chart is an error; its table is still kept so nothing is lost from the outline.
      return chart ? [chart] : blocksToOutline(node.children, ctx);
    }
    case 'columns':
      return columnsToOutline(node, ctx);
    case 'incremental':
    case 'nonincremental':
    case 'fragment':
      report(ctx.file, 'pause-ignored', `":::${node.name}" reveals content step by step; a static deck shows it at once`, node);
      return blocksToOutline(node.children, ctx);
    default:
      if (PEER_CLASSES.has(node.name)) {
        report(ctx.file, 'attribute-ignored', `the class "${node.name}" has no slide form here; its content is kept`, node);
      } else {
        report(ctx.file, node.name === 'column' || node.name === 'each' ? 'invalid-directive' : 'unsupported-node', `":::${node.name}" is not supported here; its content is kept`, node);
      }
      return blocksToOutline(node.children, ctx);
  }
}

function leafToOutline(node: LeafDirective, ctx: Context): Block[] {
  const src = attribute(node, 'src');
  if (node.name === 'image' && src) {
    const widthPercent = parsePercent(attribute(node, 'width'));
    if (attribute(node, 'width') !== undefined && widthPercent === undefined) {
      report(ctx.file, 'invalid-directive', `image width "${attribute(node, 'width')}" is not a percentage between 0 and 100; the image is fitted instead`, node);
    }
    return [imageToOutline(src, toString(node), node, ctx, widthPercent)];
  }
  const hint = node.name === 'image' ? '::image needs a src, like ::image[alt]{src=path.png}' : node.name === 'slide' ? '::slide belongs at the top level of a slide' : `unknown directive "::${node.name}"`;
  report(ctx.file, node.name === 'image' || node.name === 'slide' ? 'invalid-directive' : 'unsupported-node', `${hint}; its text is kept`, node);
  return keepText(toString(node));
}
