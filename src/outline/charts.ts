import type { Table as MdastTable } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { report } from '../diagnostics/report.js';
import { overLimit } from '../limits.js';
import { attribute } from './attributes.js';
import type { Context } from './context.js';
import { CHART_TYPES, type Chart } from './schema.js';

/** The decimal and grouping marks of a language, as its locale writes 12 345,6. */
function separators(lang: string): { decimal: string; group: string } {
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(lang).formatToParts(12345.6);
  } catch {
    parts = new Intl.NumberFormat('en').formatToParts(12345.6);
  }
  return { decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.', group: parts.find((part) => part.type === 'group')?.value ?? ',' };
}

export interface ParsedNumber {
  value: number;
  /** Digits after the decimal mark, as written: "12,50" keeps two. */
  decimals: number;
}

/**
 * A cell read the way the deck's language writes numbers: `1,250` is 1250 in en-US and 1.25 in
 * kk-KZ. Spaces and `%` are ignored. A mark the language does not use in that place ("1.5" in
 * kk-KZ, "1,5" in en-US) is ambiguous; text that is no number is NaN.
 */
export function parseNumber(text: string, lang = 'en-US'): ParsedNumber | 'ambiguous' | undefined {
  const value = text.replace(/[\s\u00A0\u202F%]/g, '');
  if (!/^[-+]?(\d|[.,]\d)[\d.,]*(e[-+]?\d+)?$/i.test(value)) return undefined;
  const { decimal, group } = separators(lang);
  const other = decimal === '.' ? ',' : '.';
  let plain = value;
  if (value.includes(other)) {
    const grouped = new RegExp(`^[-+]?\\d{1,3}(\\${other}\\d{3})+(\\${decimal}\\d+)?(e[-+]?\\d+)?$`, 'i');
    if (other !== group || !grouped.test(value)) return 'ambiguous';
    plain = value.split(other).join('');
  }
  if (plain.split(decimal).length > 2) return undefined;
  const [, fraction = ''] = plain.replace(/e.*$/i, '').split(decimal);
  const number = Number(plain.replace(decimal, '.'));
  // 1e999 is written like a number but is none a chart can draw; labels show at most ten digits.
  return Number.isFinite(number) ? { value: number, decimals: Math.min(fraction.length, 10) } : undefined;
}

/**
 * `:::chart{type=bar}` around a GFM table: the first column holds the categories, every
 * other column is a series named by its header. Problems are positioned errors.
 */
export function chartFromDirective(node: ContainerDirective, ctx: Context, lang: string): Chart | undefined {
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
  const points = names.length * rows.length;
  if (points > ctx.limits.chartPoints) {
    report(ctx.file, 'over-limit', overLimit(`a chart of ${points.toLocaleString('en')} values`, 'chartPoints', ctx.limits), node);
    return undefined;
  }
  let decimals = 0;
  const series = names.map((name, column) => ({
    name,
    values: rows.map((row) => {
      const cell = row.children[column + 1];
      const text = cell ? toString(cell).trim() : '';
      const parsed = parseNumber(text, lang);
      if (parsed === 'ambiguous') {
        report(ctx.file, 'ambiguous-number', `chart cell "${text}" in series "${name}" can be read two ways in ${lang}, which writes ${separators(lang).decimal === ',' ? '1,5 for one and a half and 1 250 for a thousand' : '1.5 for one and a half and 1,250 for a thousand'}; write it that way`, cell ?? row);
        valid = false;
        return NaN;
      }
      if (!parsed) {
        report(ctx.file, 'invalid-chart', `chart cell "${text}" in series "${name}" is not a number`, cell ?? row);
        valid = false;
        return NaN;
      }
      decimals = Math.max(decimals, parsed.decimals);
      return parsed.value;
    }),
  }));
  const categories = rows.map((row) => (row.children[0] ? toString(row.children[0]).trim() : ''));
  return valid ? { type: 'chart', chart: type as Chart['chart'], categories, series, ...(decimals > 0 ? { decimals } : {}) } : undefined;
}
