import type { Table as MdastTable, TableCell } from 'mdast';
import { maxOf } from '../arrays.js';
import { report } from '../diagnostics/report.js';
import { overLimit } from '../limits.js';
import type { Context } from './context.js';
import { phrasingToRuns } from './inline.js';
import type { Inline, Table } from './schema.js';

/** A GFM table → header cells, body rows and column alignment. Ragged rows are padded. */
export function tableToOutline(node: MdastTable, ctx: Context): Table {
  const [head, ...rows] = node.children;
  const width = maxOf(node.children.map((row) => row.children.length), 0);
  const count = width * node.children.length;
  const over = count > ctx.limits.tableCells;
  if (over) report(ctx.file, 'over-limit', overLimit(`a table of ${count.toLocaleString('en')} cells`, 'tableCells', ctx.limits), node);
  // A table over the limit keeps its header only: the build stops at the error anyway.
  const body = over ? [] : rows;
  const cells = (row: { children: TableCell[] } | undefined): Inline[][] =>
    Array.from({ length: width }, (_, index) => {
      const cell = row?.children[index];
      return cell ? phrasingToRuns(cell.children, ctx) : [];
    });
  return {
    type: 'table',
    align: Array.from({ length: width }, (_, index) => node.align?.[index] ?? null),
    header: cells(head),
    rows: body.map((row) => cells(row)),
  };
}
