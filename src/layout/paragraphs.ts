import { isTextBlock } from '../outline/block-kinds.js';
import type { Block, Inline, List, Quote } from '../outline/schema.js';
import type { Theme } from '../theme/schema.js';
import { highlightCode } from './code.js';
import type { Bullet, ParagraphLook, PlacedParagraph, PlacedRun, RunStyle } from './frames.js';

/** What a text frame's paragraphs look like before any block adds its own marks. */
export interface TextStyle {
  theme: Theme;
  base: RunStyle;
  headingColor: string;
  bulletColor: string;
  linkColor: string;
  spaceAfterPt: number;
  lineSpacing: number;
  indentInches: number;
  align: PlacedParagraph['align'];
  /** Code size relative to the surrounding text, so code in notes stays notes-sized. */
  codeScale: number;
}

/** A frame's text style from the theme, with what the frame sets otherwise. */
export function textStyle(theme: Theme, base: RunStyle, overrides: Partial<TextStyle> = {}): TextStyle {
  return {
    theme,
    base,
    headingColor: theme.colors.heading,
    bulletColor: theme.colors.accent,
    linkColor: theme.colors.link,
    spaceAfterPt: theme.spacing.paragraphAfterPt,
    lineSpacing: theme.spacing.lineSpacing,
    indentInches: theme.spacing.indentInches,
    align: 'left',
    codeScale: 1,
    ...overrides,
  };
}

/** A line of one style (a title, a subtitle, a footer): single-spaced, with no space after. */
export function lineStyle(theme: Theme, base: RunStyle, align: PlacedParagraph['align'] = 'left'): TextStyle {
  return textStyle(theme, base, { align, spaceAfterPt: 0, lineSpacing: 1 });
}

const BULLETS = ['•', '–', '◦', '▪'];
/** Done and open: a ballot box with a check and a square of the same design, both in Noto Emoji. */
const TASK_BOXES = { true: '\u2611', false: '\u25FB' } as const;

export function runsToPlaced(runs: readonly Inline[], style: TextStyle, extra: Partial<RunStyle> = {}): PlacedRun[] {
  const { theme } = style;
  return runs.map((run): PlacedRun => {
    if (run.type === 'break') return run;
    const base = { ...style.base, ...extra };
    return {
      type: 'text',
      text: run.text,
      font: run.code ? theme.fonts.mono : base.font,
      sizePt: base.sizePt,
      color: run.href ? style.linkColor : run.code ? theme.colors.code : base.color,
      bold: base.bold || run.bold === true,
      italic: base.italic || run.italic === true,
      strike: base.strike || run.strike === true,
      ...(run.superscript ? { superscript: true } : {}),
      ...(run.subscript ? { subscript: true } : {}),
      ...(run.underline ? { underline: true } : {}),
      ...(run.smallCaps ? { smallCaps: true } : {}),
      ...(run.href ? { href: run.href } : {}),
    };
  });
}

export function paragraph(runs: PlacedRun[], style: TextStyle, fields: Partial<PlacedParagraph> = {}): PlacedParagraph {
  return {
    runs,
    align: style.align,
    level: 0,
    bullet: { type: 'none' },
    marginInches: 0,
    hangInches: 0,
    spaceBeforePt: 0,
    spaceAfterPt: style.spaceAfterPt,
    lineSpacing: style.lineSpacing,
    endSizePt: style.base.sizePt,
    ...fields,
  };
}

/** How a paragraph is set, without its text. */
export function lookOf(paragraph: PlacedParagraph): ParagraphLook {
  const { runs: _runs, level: _level, endSizePt: _endSizePt, ...look } = paragraph;
  return look;
}

/** The look of a paragraph of plain text in the style. */
export function plainLook(style: TextStyle): ParagraphLook {
  return lookOf(paragraph([], style));
}

/** How deep a placeholder's list levels go: one for each bullet character. */
const LIST_LEVELS = BULLETS.length;

/**
 * The looks of a bulleted list's levels, from the paragraphs of a list nested as deep: a
 * placeholder whose levels these are gives a slide's lists all they have but their text.
 */
export function listLevelLooks(style: TextStyle): ParagraphLook[] {
  const nested = (depth: number): Block => ({
    type: 'list',
    ordered: false,
    items: [{ blocks: [{ type: 'paragraph', runs: [] }, ...(depth + 1 < LIST_LEVELS ? [nested(depth + 1)] : [])] }],
  });
  return blocksToParagraphs([nested(0)], style).map(lookOf);
}

/** Outline blocks → paragraphs with bullets, indents and marks resolved. */
export function blocksToParagraphs(blocks: readonly Block[], style: TextStyle, level = 0): PlacedParagraph[] {
  const { theme } = style;
  return blocks.flatMap((block): PlacedParagraph[] => {
    const indent = { marginInches: level * style.indentInches, level };
    switch (block.type) {
      case 'paragraph':
        return [paragraph(runsToPlaced(block.runs, style), style, indent)];
      case 'subheading':
        return [paragraph(runsToPlaced(block.runs, style, { bold: true, color: style.headingColor }), style, indent)];
      case 'code': {
        // Code is never larger than the text around it; notes scale it to their own size instead.
        const sizePt = style.codeScale === 1 ? Math.min(theme.sizes.code, style.base.sizePt) : theme.sizes.code * style.codeScale;
        const lines = highlightCode(block.text, block.lang, theme);
        return lines.map((tokens, index) =>
          paragraph(
            tokens.map((token) => ({ type: 'text', text: token.text, ...style.base, font: theme.fonts.mono, sizePt, color: token.color })),
            style,
            { ...indent, endSizePt: sizePt, spaceAfterPt: index === lines.length - 1 ? style.spaceAfterPt : 0, lineSpacing: 1 },
          ),
        );
      }
      case 'list':
        return listToParagraphs(block, style, level);
      case 'quote':
        return quoteToParagraphs(block, style, level);
      default:
        // Pictures, tables, charts, figures and columns are frames of their own; in notes they become text.
        return mediaAsText(block).map((runs) => paragraph(runsToPlaced(runs, style), style, indent));
    }
  });
}

function quoteToParagraphs(quote: Quote, style: TextStyle, level: number): PlacedParagraph[] {
  const quoted = blocksToParagraphs(quote.blocks, { ...style, base: { ...style.base, italic: true, color: style.theme.colors.quote } }, level);
  if (!quote.attribution) return quoted;
  // The attribution lines up with the quote, beneath it.
  const attribution = paragraph(runsToPlaced([{ type: 'text', text: '— ' }, ...quote.attribution], style, { color: style.theme.colors.muted, sizePt: style.base.sizePt * 0.75 }), style, {
    align: style.align,
    level,
    marginInches: level * style.indentInches,
    spaceBeforePt: style.spaceAfterPt,
    endSizePt: style.base.sizePt * 0.75,
  });
  return [...quoted, attribution];
}

/** A text stand-in for a non-text block, for places that hold only text (speaker notes). */
export function mediaAsText(block: Block): Inline[][] {
  const text = (value: string): Inline[] => [{ type: 'text', text: value }];
  const join = (cells: Inline[][]): Inline[] => cells.flatMap((cell, index) => [...(index > 0 ? text(' | ') : []), ...cell]);
  switch (block.type) {
    case 'image':
      return [text(`[${block.alt || block.src}]`)];
    case 'table':
      return [join(block.header), ...block.rows.map(join)];
    case 'chart':
      return [text(`${block.chart} chart: ${block.series.map((series) => series.name).join(', ')}`)];
    case 'stat':
      return [[{ type: 'text', text: `${block.figure} `, bold: true }, ...block.caption]];
    case 'columns':
      return block.columns.flatMap((column) => column.blocks.flatMap((inner) => (isTextBlock(inner) ? textOf(inner) : mediaAsText(inner))));
    default:
      return [];
  }
}

function textOf(block: Block): Inline[][] {
  if (block.type === 'paragraph' || block.type === 'subheading') return [block.runs];
  if (block.type === 'code') return block.text.split(/\r?\n/).map((line) => [{ type: 'text', text: line }]);
  if (block.type === 'list') return block.items.flatMap((item) => item.blocks.flatMap(textOf));
  if (block.type === 'quote') return block.blocks.flatMap(textOf);
  return mediaAsText(block);
}

function listToParagraphs(list: List, style: TextStyle, level: number): PlacedParagraph[] {
  const start = list.start ?? 1;
  let number = start - 1;
  return list.items.flatMap((item) => {
    if (!item.continued) number += 1;
    // A continued item goes on where its bullet's text stopped: no bullet, no number of its own.
    // A task's checkbox is its marker, drawn with the first fallback font, which has the boxes.
    const bullet: Bullet = item.continued
      ? { type: 'none' }
      : item.checked !== undefined
        ? { type: 'char', char: TASK_BOXES[`${item.checked}`], color: style.bulletColor, font: style.theme.fonts.fallback[0] ?? style.theme.fonts.body }
        : list.ordered
          ? { type: 'number', startAt: number, color: style.bulletColor }
          : { type: 'char', char: BULLETS[level % BULLETS.length]!, color: style.bulletColor };
    const hang = style.indentInches * (list.ordered ? 1.1 : 0.8);
    const [first, ...rest] = item.blocks;
    // An item that opens with a list has no line of its own: its list is the continuation of a
    // cut item, or Markdown's "- - x", and is drawn one level deeper.
    if (first?.type === 'list') return item.blocks.flatMap((block) => (block.type === 'list' ? listToParagraphs(block, style, level + 1) : blocksToParagraphs([block], style, level + 1)));
    const lead = first?.type === 'paragraph' ? first : undefined;
    // PowerPoint numbers from 1: a list that starts at 0 (or below) writes its numbers as text.
    const numberText: PlacedRun[] = bullet.type === 'number' && bullet.startAt < 1 ? runsToPlaced([{ type: 'text', text: `${bullet.startAt}. ` }], style).map((run) => ({ ...run, generated: true })) : [];
    const head = paragraph([...numberText, ...runsToPlaced(lead?.runs ?? [], style)], style, {
      level,
      bullet: numberText.length > 0 ? { type: 'none' } : bullet,
      marginInches: level * style.indentInches + hang,
      hangInches: hang,
    });
    // Further paragraphs of the item line up with its text; nested lists go one level deeper.
    const body = (lead ? rest : item.blocks).flatMap((block) =>
      block.type === 'list'
        ? listToParagraphs(block, style, level + 1)
        : blocksToParagraphs([block], style, level).map((p) => ({ ...p, marginInches: p.marginInches + hang })),
    );
    return [head, ...body];
  });
}
