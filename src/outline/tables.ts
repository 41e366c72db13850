import type { Table as MdastTable, TableCell } from 'mdast';
import type { Context } from './context.js';
import { phrasingToRuns } from './inline.js';
import type { Inline, Table } from './schema.js';

/** A GFM table → header cells, body rows and column alignment. Ragged rows are padded. */
export function tableToOutline(node: MdastTable, ctx: Context): Table {
  const [head, ...body] = node.children;
  const width = Math.max(...node.children.map((row) => row.children.length));
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
