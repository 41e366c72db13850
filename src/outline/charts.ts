import type { Table as MdastTable } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { report } from '../diagnostics/report.js';
import { attribute } from './attributes.js';
import type { Context } from './context.js';
import { CHART_TYPES, type Chart } from './schema.js';

/** "1 234,5", "1,234.5", "20 %" → a number; anything else → NaN. */
export function parseNumber(text: string): number {
  let value = text.replace(/[\s\u00A0\u202F%]/g, '');
  // A comma is a decimal separator when there is no point, a thousands separator otherwise.
  value = value.includes('.') ? value.replace(/,/g, '') : value.replace(',', '.');
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(value) ? Number(value) : NaN;
}

/**
 * `:::chart{type=bar}` around a GFM table: the first column holds the categories, every
 * other column is a series named by its header. Problems are positioned errors.
 */
export function chartFromDirective(node: ContainerDirective, ctx: Context): Chart | undefined {
  const type = attribute(node, 'type') ?? 'bar';
  const table = node.children.find((child): child is MdastTable => child.type === 'table');
  let valid = true;
  if (!(CHART_TYPES as readonly string[]).includes(type)) {
    report(ctx.file, 'invalid-chart', `unknown chart type "${type}"; use one of ${CHART_TYPES.join(', ')}`, node);
    valid = false;
  }
  if (!table) {
    report(ctx.file, 'invalid-chart', 'a chart needs a table inside it: categories in the first column, one series per further column', node);
    return undefined;
  }
  const [head, ...rows] = table.children;
  const names = (head?.children ?? []).slice(1).map((cell) => toString(cell).trim());
  if (names.length === 0 || rows.length === 0) {
    report(ctx.file, 'invalid-chart', 'a chart table needs a header, at least one data row and at least two columns', table);
    return undefined;
  }
  const series = names.map((name, column) => ({
    name,
    values: rows.map((row) => {
      const cell = row.children[column + 1];
      const value = parseNumber(cell ? toString(cell) : '');
      if (Number.isNaN(value)) {
        report(ctx.file, 'invalid-chart', `chart cell "${cell ? toString(cell) : ''}" in series "${name}" is not a number`, cell ?? row);
        valid = false;
      }
      return value;
    }),
  }));
  const categories = rows.map((row) => (row.children[0] ? toString(row.children[0]).trim() : ''));
  return valid ? { type: 'chart', chart: type as Chart['chart'], categories, series } : undefined;
}
