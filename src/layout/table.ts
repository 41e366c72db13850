import type { Table } from '../outline/schema.js';
import type { Box } from '../theme/schema.js';
import type { PlacedParagraph, TableFrame } from './frames.js';
import { coverParagraphs } from './stack.js';
import { blocksToParagraphs } from './paragraphs.js';
import type { PlaceContext } from './place-context.js';

const ALIGN = { left: 'left', center: 'center', right: 'right' } as const;

/** A table of this many rows or fewer, header included, is set at the body size rather than the table size. */
const FEW_ROWS = 6;

/**
 * Column widths follow the content: when every cell fits on one line, each column is as wide as
 * its longest line and some air, and a narrow table is not stretched; otherwise each column gets
 * room for its longest word and the rest of the width goes to the columns with the most text.
 */
function columnWidths(cells: PlacedParagraph[][][], width: number, inset: number, ctx: PlaceContext): number[] {
  const columns = cells[0]?.length ?? 0;
  const natural = Array.from({ length: columns }, (_, column) => {
    const measured = cells.map((row) => ctx.measure.naturalWidths(row[column] ?? []));
    return {
      word: Math.max(...measured.map((m) => m.word)) + 2 * inset,
      line: Math.max(...measured.map((m) => m.line)) + 2 * inset,
    };
  });
  const lines = natural.reduce((sum, n) => sum + n.line, 0);
  if (lines <= width) {
    const air = Math.min(ctx.theme.spacing.gapInches, (width - lines) / columns);
    return natural.map((n) => n.line + air);
  }
  const words = natural.reduce((sum, n) => sum + n.word, 0);
  if (words >= width) return natural.map((n) => (n.word / words) * width);
  const extra = natural.map((n) => n.line - n.word);
  const extraTotal = extra.reduce((sum, n) => sum + n, 0);
  return natural.map((n, index) => n.word + (extra[index]! / extraTotal) * (width - words));
}

export function tableNaturalHeight(frame: TableFrame): number {
  return frame.rowHeightsInches.reduce((sum, height) => sum + height, 0);
}

/** A GFM table → a native table frame: styled header row, striped body, alignment per column. */
export function layoutTable(table: Table, box: Box, ctx: PlaceContext): TableFrame {
  const { theme } = ctx;
  const inset = theme.spacing.insetInches;
  // A small table reads at the body size; a long one takes the smaller table size.
  const sizePt = table.rows.length + 1 <= FEW_ROWS ? Math.max(theme.sizes.body, theme.sizes.table) : theme.sizes.table;
  const base = { ...ctx.style, spaceAfterPt: 0, lineSpacing: 1, base: { ...ctx.style.base, sizePt } };
  const cellParagraphs = (runs: Table['header'][number], column: number, header: boolean) =>
    blocksToParagraphs([{ type: 'paragraph', runs }], {
      ...base,
      align: ALIGN[table.align[column] ?? 'left'],
      base: header ? { ...base.base, bold: true, color: theme.colors.tableHeaderText } : base.base,
    });
  const rows = [table.header, ...table.rows].map((row, rowIndex) => row.map((cell, column) => coverParagraphs(cellParagraphs(cell, column, rowIndex === 0), ctx)));
  const widths = columnWidths(rows, box.w, inset, ctx);
  const heights = rows.map((row) => Math.max(...row.map((cell, column) => ctx.measure.paragraphsHeight(cell, widths[column]!, inset, 'cell'))));
  return {
    kind: 'table',
    name: ctx.name('Table'),
    box: { ...box, w: widths.reduce((sum, w) => sum + w, 0), h: heights.reduce((sum, height) => sum + height, 0) },
    columnWidthsInches: widths,
    rowHeightsInches: heights,
    insetInches: inset,
    rows: rows.map((row) => row.map((paragraphs) => ({ paragraphs }))),
  };
}
