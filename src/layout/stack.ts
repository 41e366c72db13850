import type { Block, Chart, Columns, Image, Stat } from '../outline/schema.js';
import { contrastRatio, isDark, mostLegible } from '../theme/contrast.js';
import type { Box } from '../theme/schema.js';
import type { Frame, PlacedParagraph, TextFrame } from './frames.js';
import { isTextBlock } from '../outline/block-kinds.js';
import { blocksToParagraphs, paragraph, runsToPlaced, type TextStyle } from './paragraphs.js';
import type { PlaceContext } from './place-context.js';
import { layoutTable, tableNaturalHeight } from './table.js';
import { balanceLines } from './title-lines.js';

/**
 * An item of a stack. Text and figures have the height their content needs; pictures,
 * tables, charts and columns share what is left (a picture or table never more than its own size).
 */
type Item =
  | { kind: 'text'; blocks: Block[] }
  | { kind: 'code'; block: Block & { type: 'code' } }
  | { kind: 'stats'; stats: Stat[] }
  | { kind: 'image'; image: Image }
  | { kind: 'table'; block: Block & { type: 'table' } }
  | { kind: 'chart'; chart: Chart }
  | { kind: 'columns'; columns: Columns };

function group(blocks: readonly Block[]): Item[] {
  const items: Item[] = [];
  for (const block of blocks) {
    const last = items.at(-1);
    if (block.type === 'code') items.push({ kind: 'code', block });
    else if (isTextBlock(block)) {
      if (last?.kind === 'text') last.blocks.push(block);
      else items.push({ kind: 'text', blocks: [block] });
    } else if (block.type === 'stat') {
      if (last?.kind === 'stats') last.stats.push(block);
      else items.push({ kind: 'stats', stats: [block] });
    } else if (block.type === 'image') items.push({ kind: 'image', image: block });
    else if (block.type === 'table') items.push({ kind: 'table', block });
    else if (block.type === 'chart') items.push({ kind: 'chart', chart: block });
    else if (block.type === 'columns') items.push({ kind: 'columns', columns: block });
  }
  return items;
}

/** Paragraphs whose characters are all drawn by a font that has them, the theme's fallbacks included. */
export function coverParagraphs(paragraphs: TextFrame['paragraphs'], ctx: PlaceContext): TextFrame['paragraphs'] {
  return paragraphs.map((paragraph) => {
    const { runs, substituted } = ctx.measure.cover(paragraph.runs);
    for (const { chars, from, to } of substituted) {
      const list = [...chars].map((char) => `${char} (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
      const verb = [...chars].length > 1 ? 'are' : 'is';
      ctx.warn('font-fallback', to ? `${list} ${verb} not in ${from}; drawn with ${to}` : `${list} ${verb} in none of the theme's fonts (${from} and its fallbacks); the viewer will substitute a font`);
    }
    return { ...paragraph, runs };
  });
}

export function textFrame(name: string, box: Box, paragraphs: TextFrame['paragraphs'], ctx: PlaceContext, anchor: TextFrame['anchor'] = 'top'): TextFrame {
  return { kind: 'text', name, box, anchor, insetInches: ctx.theme.spacing.insetInches, paragraphs: coverParagraphs(paragraphs, ctx) };
}

/** A caption is kept narrow under its figure, so that it reads as one short, balanced block. */
const CAPTION_MAX_INCHES = 5.5;

function captionWidth(cellWidth: number): number {
  return Math.min(cellWidth, CAPTION_MAX_INCHES);
}

/** A figure and its caption, as paragraphs, for one cell of a row of figures. */
function statParagraphs(stat: Stat, cellWidth: number, ctx: PlaceContext): { figure: PlacedParagraph; caption: PlacedParagraph[] } {
  const { theme } = ctx;
  const center: TextStyle = { ...ctx.style, align: 'center' };
  const figure = paragraph(runsToPlaced([{ type: 'text', text: stat.figure }], center, { sizePt: theme.sizes.statFigure, bold: true, color: theme.colors.accent, font: theme.fonts.heading }), center, {
    spaceAfterPt: 0,
    lineSpacing: 1,
    endSizePt: theme.sizes.statFigure,
  });
  const widthPt = (captionWidth(cellWidth) - 2 * theme.spacing.insetInches) * 72;
  const caption = blocksToParagraphs([{ type: 'paragraph', runs: stat.caption }], { ...center, base: { ...center.base, sizePt: theme.sizes.statCaption } }).map((line) => balanceLines(line, widthPt, ctx.measure));
  return { figure, caption };
}

function statWidth(count: number, width: number, ctx: PlaceContext): number {
  return (width - ctx.theme.spacing.gapInches * (count - 1)) / count;
}

function statFrames(stats: Stat[], box: Box, ctx: PlaceContext): Frame[] {
  const width = statWidth(stats.length, box.w, ctx);
  const inset = ctx.theme.spacing.insetInches;
  return stats.flatMap((stat, index) => {
    const x = box.x + index * (width + ctx.theme.spacing.gapInches);
    const { figure, caption } = statParagraphs(stat, width, ctx);
    const figureHeight = ctx.measure.paragraphsHeight(coverParagraphs([figure], quiet(ctx)), width, inset);
    const narrow = captionWidth(width);
    return [
      textFrame(ctx.name('Figure'), { x, y: box.y, w: width, h: figureHeight }, [figure], ctx, 'bottom'),
      textFrame(ctx.name('Caption'), { x: x + (width - narrow) / 2, y: box.y + figureHeight, w: narrow, h: Math.max(box.h - figureHeight, 0.1) }, caption, ctx),
    ];
  });
}

/** The height of a row of figures: the tallest figure plus the tallest caption, both measured. */
function statsHeight(stats: Stat[], width: number, ctx: PlaceContext): number {
  const each = statWidth(stats.length, width, ctx);
  const inset = ctx.theme.spacing.insetInches;
  const measured = stats.map((stat) => {
    const { figure, caption } = statParagraphs(stat, each, ctx);
    return { figure: ctx.measure.paragraphsHeight(coverParagraphs([figure], quiet(ctx)), each, inset), caption: ctx.measure.paragraphsHeight(coverParagraphs(caption, quiet(ctx)), captionWidth(each), inset) };
  });
  return Math.max(...measured.map((m) => m.figure)) + Math.max(...measured.map((m) => m.caption));
}

/** The same context, reporting nothing: for measuring what a frame will report when it is placed. */
function quiet(ctx: PlaceContext): PlaceContext {
  return { ...ctx, warn: () => undefined };
}

/** A picture's width-to-height ratio, and the width it asks for in a box of this width. */
function pictureShape(image: Image, width: number, ctx: PlaceContext): { aspect: number; width: number } {
  const info = ctx.images.get(image.src);
  return { aspect: info ? info.widthPx / info.heightPx : 4 / 3, width: image.widthPercent ? (width * image.widthPercent) / 100 : width };
}

/**
 * A picture that is not in the deck (a remote URL, never fetched, or a file that is missing or no
 * picture): a visible frame in its place,
 * with its alt text, or its address when it has none, so the presenter sees what is missing.
 */
function missingPictureFrame(image: Image, box: Box, ctx: PlaceContext): Frame {
  const center: TextStyle = { ...ctx.style, align: 'center' };
  const text = image.alt || image.src;
  const runs = runsToPlaced([{ type: 'text', text }], center, { color: ctx.theme.colors.muted, italic: true });
  return { ...textFrame(ctx.name('Missing picture'), box, [paragraph(runs, center)], ctx, 'middle'), outline: ctx.theme.colors.muted };
}

/** A doughnut slice on which neither the text nor the background colour reads (WCAG AA, 4.5:1) is reported, with its ratio. */
function warnUnreadableSlices(chart: Chart, ctx: PlaceContext): void {
  if (chart.chart !== 'doughnut') return;
  const { colors } = ctx.theme;
  chart.categories.forEach((category, index) => {
    const slice = colors.accents[index % colors.accents.length]!;
    const ratio = contrastRatio(mostLegible([colors.text, colors.background], [slice]), slice);
    if (ratio < 4.5) ctx.warn('low-contrast', `the label of doughnut slice "${category}" on #${slice} has a contrast of ${ratio.toFixed(2)}:1 at best; WCAG AA needs 4.5:1`);
  });
}

/** The mat around a raster picture on a dark slide, in inches. */
const PICTURE_MAT_INCHES = 0.1;

/**
 * A picture fitted into a box, its aspect ratio kept, centred across the box. On a dark slide a
 * raster picture (often white-backed) stands on a mat in the theme's rule colour, so it does not
 * glare against the dark.
 */
function imageFrames(image: Image, box: Box, ctx: PlaceContext): Frame[] {
  const info = ctx.images.get(image.src);
  const mat = info && info.type !== 'svg' && isDark(ctx.theme.colors.background) ? PICTURE_MAT_INCHES : 0;
  const inner = { x: box.x + mat, y: box.y + mat, w: Math.max(box.w - 2 * mat, 0.1), h: Math.max(box.h - 2 * mat, 0.1) };
  const shape = pictureShape(image, inner.w, ctx);
  const h = Math.min(shape.width / shape.aspect, inner.h);
  const w = h * shape.aspect;
  const placed = { x: inner.x + (inner.w - w) / 2, y: inner.y, w, h };
  if (!info) return [missingPictureFrame(image, placed, ctx)];
  const picture: Frame = { kind: 'image', name: ctx.name('Picture'), box: placed, path: info.path, alt: image.alt };
  if (mat === 0) return [picture];
  return [{ kind: 'rect', name: `${picture.name} Mat`, box: { x: placed.x - mat, y: placed.y - mat, w: placed.w + 2 * mat, h: placed.h + 2 * mat }, color: ctx.theme.colors.tableBorder }, picture];
}

function imageMaxHeight(image: Image, width: number, ctx: PlaceContext): number {
  const shape = pictureShape(image, width, ctx);
  return shape.width / shape.aspect;
}

/** Each column's box: percentages are of the width left after the gaps; columns without one share the rest. */
function columnBoxes(columns: Columns, box: Box, ctx: PlaceContext): Box[] {
  const gap = ctx.theme.spacing.gapInches;
  const usable = box.w - gap * (columns.columns.length - 1);
  const given = columns.columns.reduce((sum, column) => sum + (column.widthPercent ?? 0), 0);
  const free = columns.columns.filter((column) => column.widthPercent === undefined).length;
  const rest = free > 0 ? Math.max(100 - given, 0) / free : 0;
  // An overfull set of percentages is scaled down to fit.
  const total = given + rest * free || 100;
  let x = box.x;
  return columns.columns.map((column) => {
    const w = (usable * (column.widthPercent ?? rest)) / total;
    const columnBox = { x, y: box.y, w, h: box.h };
    x += w + gap;
    return columnBox;
  });
}

/** Water-filling: flexible items share the height left, none more than it can use. */
function share(available: number, limits: number[]): number[] {
  const heights = limits.map(() => 0);
  let open = limits.map((_, index) => index);
  let left = Math.max(available, 0);
  while (open.length > 0) {
    const each = left / open.length;
    const capped = open.filter((index) => limits[index]! <= each);
    if (capped.length === 0) {
      for (const index of open) heights[index] = each;
      break;
    }
    for (const index of capped) {
      heights[index] = limits[index]!;
      left -= limits[index]!;
    }
    open = open.filter((index) => !capped.includes(index));
  }
  return heights;
}

/** Code sits on a panel in the theme's code background, padded more than plain text. */
function codePadding(theme: PlaceContext['theme']): number {
  return Math.max(2 * theme.spacing.insetInches, 0.15);
}

/** The least height a picture or chart is given before the slide counts as full. */
const MIN_PICTURE_INCHES = 1.5;
const MIN_CHART_INCHES = 2.5;

/**
 * How each item of a stack is sized: text, figures and tables need their measured height
 * (`fixed`); pictures, charts and columns take a share of what is left, at least `min` and at
 * most `max`.
 */
interface Plan {
  items: Item[];
  paragraphs: Map<Item, TextFrame['paragraphs']>;
  fixed: (number | undefined)[];
  min: number[];
  max: number[];
  /** The least height the whole stack needs. */
  needed: number;
}

function plan(blocks: readonly Block[], width: number, ctx: PlaceContext): Plan {
  const { theme } = ctx;
  const inset = theme.spacing.insetInches;
  const items = group(blocks);
  const paragraphs = new Map<Item, TextFrame['paragraphs']>();
  const fixed = items.map((item) => {
    switch (item.kind) {
      case 'text':
      case 'code': {
        const placed = blocksToParagraphs(item.kind === 'text' ? item.blocks : [item.block], ctx.style);
        paragraphs.set(item, placed);
        // Measured as drawn, fallback fonts included; the frame reports the substitutions once.
        return ctx.measure.paragraphsHeight(coverParagraphs(placed, quiet(ctx)), width, item.kind === 'code' ? codePadding(theme) : inset);
      }
      case 'stats':
        return statsHeight(item.stats, width, ctx);
      case 'table':
        return tableNaturalHeight(layoutTable(item.block, { x: 0, y: 0, w: width, h: 0 }, { ...ctx, name: () => '', warn: () => undefined }));
      default:
        return undefined;
    }
  });
  const max = items.map((item) => (item.kind === 'image' ? imageMaxHeight(item.image, width, ctx) : item.kind === 'chart' || item.kind === 'columns' ? Infinity : 0));
  const min = items.map((item, index) => {
    switch (item.kind) {
      case 'image':
        return Math.min(max[index]!, MIN_PICTURE_INCHES);
      case 'chart':
        return MIN_CHART_INCHES;
      case 'columns': {
        const boxes = columnBoxes(item.columns, { x: 0, y: 0, w: width, h: 0 }, ctx);
        return Math.max(...item.columns.columns.map((column, at) => plan(column.blocks, boxes[at]!.w, ctx).needed));
      }
      default:
        return 0;
    }
  });
  const gaps = theme.spacing.gapInches * Math.max(items.length - 1, 0);
  const needed = items.reduce((sum, _, index) => sum + (fixed[index] ?? min[index]!), gaps);
  return { items, paragraphs, fixed, min, max, needed };
}

/** The least height blocks need when stacked in a box of this width. */
export function stackNeeded(blocks: readonly Block[], width: number, ctx: PlaceContext): number {
  return plan(blocks, width, ctx).needed;
}

/**
 * Blocks → frames stacked top to bottom inside a box. With `middle`, the stack is centred
 * vertically (quotes, figures, closing slides).
 */
export function stackBlocks(blocks: readonly Block[], box: Box, ctx: PlaceContext, align: 'top' | 'middle' = 'top'): Frame[] {
  const { theme } = ctx;
  const gap = theme.spacing.gapInches;
  const { items, paragraphs, fixed, min, max } = plan(blocks, box.w, ctx);
  const flexible = items.map((_, index) => index).filter((index) => fixed[index] === undefined);
  const fixedTotal = fixed.reduce<number>((sum, height) => sum + (height ?? 0), 0);
  const gaps = gap * Math.max(items.length - 1, 0);
  // Each flexible item first gets its minimum; what is left is shared up to each one's maximum.
  const minTotal = flexible.reduce((sum, index) => sum + min[index]!, 0);
  const extra = share(box.h - fixedTotal - gaps - minTotal, flexible.map((index) => max[index]! - min[index]!));
  const heights = items.map((_, index) => fixed[index] ?? min[index]! + extra[flexible.indexOf(index)]!);
  const total = heights.reduce((sum, height) => sum + height, 0) + gaps;

  let y = box.y + (align === 'middle' ? Math.max((box.h - total) / 2, 0) : 0);
  // Text at the foot of a stack from the top reaches the foot of the box, as the layout's body
  // placeholder does: a body of text alone then is the placeholder's own frame, and text added to
  // it in PowerPoint has the room the layout gives. Its text, set from the top, stands where it did.
  return items.flatMap((item, index) => {
    const toFoot = align === 'top' && index === items.length - 1 && item.kind === 'text' && box.y + box.h - y > heights[index]!;
    const itemBox = { x: box.x, y, w: box.w, h: toFoot ? box.y + box.h - y : heights[index]! };
    const textHeight = toFoot ? { textHeightInches: heights[index]! } : {};
    y += heights[index]! + gap;
    switch (item.kind) {
      case 'text':
        return [{ ...textFrame(ctx.name('Body'), itemBox, paragraphs.get(item)!, ctx), ...textHeight }];
      case 'code':
        return [{ ...textFrame(ctx.name('Code'), itemBox, paragraphs.get(item)!, ctx), insetInches: codePadding(theme), fill: theme.colors.codeBackground }];
      case 'stats':
        return statFrames(item.stats, itemBox, ctx);
      case 'image':
        return imageFrames(item.image, itemBox, ctx);
      case 'table':
        return [layoutTable(item.block, itemBox, ctx)];
      case 'chart':
        warnUnreadableSlices(item.chart, ctx);
        return [
          {
            kind: 'chart',
            name: ctx.name('Chart'),
            // Room above and below, so the chart stands clear of the title rule and the footer.
            box: { ...itemBox, y: itemBox.y + theme.spacing.gapInches / 2, h: Math.max(itemBox.h - theme.spacing.gapInches, itemBox.h / 2) },
            chart: item.chart.chart,
            categories: item.chart.categories,
            series: item.chart.series,
            decimals: item.chart.decimals ?? 0,
            colors: theme.colors.accents,
            font: theme.fonts.body,
            fontSizePt: theme.sizes.chart,
            textColor: theme.colors.text,
            labelColor: theme.colors.text,
            // A doughnut's values are drawn on its slices: each in the text or background colour, whichever reads on it.
            ...(item.chart.chart === 'doughnut' ? { sliceLabelColors: item.chart.categories.map((_, index) => mostLegible([theme.colors.text, theme.colors.background], [theme.colors.accents[index % theme.colors.accents.length]!])) } : {}),
            gridColor: theme.colors.tableBorder,
          },
        ];
      case 'columns':
        return columnBoxes(item.columns, itemBox, ctx).flatMap((columnBox, at) => stackBlocks(item.columns.columns[at]!.blocks, columnBox, ctx));
    }
  });
}
