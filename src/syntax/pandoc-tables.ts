import type { AlignType, Code, Paragraph, PhrasingContent, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { VFile } from 'vfile';
import { append } from '../arrays.js';
import { report } from '../diagnostics/report.js';

/**
 * pandoc's simple, multiline and grid tables. Markdown reads their rules of dashes as thematic
 * breaks and setext underlines, which would start slides; so they are found in the source lines
 * first, and the nodes Markdown made of them are replaced. All three become native
 * tables, each cell's lines joined.
 */

type Kind = 'simple' | 'multiline' | 'grid';

export interface TableSegment {
  kind: Kind;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  lines: string[];
  caption?: string | undefined;
}

const BLANK = /^\s*$/;
const FULL_RULE = /^ {0,3}-{3,}\s*$/;
const GROUPED_RULE = /^ {0,3}-+(?: +-+)+\s*$/;
const GRID_BORDER = /^ {0,3}\+(?:[-=:]+\+)+\s*$/;
const GRID_LINE = /^ {0,3}[+|]/;
const CAPTION = /^ {0,3}(?:Table:|:)\s/;

/** The tables in a document's lines; `skip` holds lines of code and HTML. */
export function findPandocTables(lines: readonly string[], skip: ReadonlySet<number>): TableSegment[] {
  const segments: TableSegment[] = [];
  const blankBefore = (index: number) => index === 0 || BLANK.test(lines[index - 1]!);
  const usable = (index: number) => index < lines.length && !skip.has(index + 1);
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    let end = -1;
    let kind: Kind | undefined;
    if (usable(index) && blankBefore(index) && GRID_BORDER.test(line)) {
      end = index;
      while (usable(end + 1) && GRID_LINE.test(lines[end + 1]!)) end++;
      if (end > index && GRID_BORDER.test(lines[end]!)) kind = 'grid';
    } else if (usable(index) && blankBefore(index) && !BLANK.test(line) && !FULL_RULE.test(line) && usable(index + 1) && GROUPED_RULE.test(lines[index + 1]!)) {
      // Header, grouped rule, rows up to a blank line.
      end = index + 1;
      while (usable(end + 1) && !BLANK.test(lines[end + 1]!)) end++;
      if (end > index + 1) kind = 'simple';
    } else if (usable(index) && blankBefore(index) && (FULL_RULE.test(line) || GROUPED_RULE.test(line))) {
      // A rule that opens a table. A full rule is followed at once by header lines and a grouped
      // rule (a multiline table); a grouped rule opens a table without a header. Rows run to a
      // closing rule that ends the block. A lone `---` between paragraphs is a slide break, not this.
      let rows = index + 1;
      if (FULL_RULE.test(line)) {
        while (usable(rows) && !BLANK.test(lines[rows]!) && !GROUPED_RULE.test(lines[rows]!) && !FULL_RULE.test(lines[rows]!)) rows++;
        rows = rows > index + 1 && usable(rows) && GROUPED_RULE.test(lines[rows]!) ? rows + 1 : -1;
      }
      if (rows > 0) {
        end = rows;
        while (usable(end) && !FULL_RULE.test(lines[end]!) && !GROUPED_RULE.test(lines[end]!)) end++;
        const closed = usable(end) && end > rows && BLANK.test(lines[end + 1] ?? '') && !BLANK.test(lines[rows]!);
        if (closed) kind = FULL_RULE.test(line) || lines.slice(rows, end).some((text) => BLANK.test(text)) ? 'multiline' : 'simple';
      }
    }
    if (!kind) {
      index++;
      continue;
    }
    const segment: TableSegment = { kind, startLine: index + 1, endLine: end + 1, lines: lines.slice(index, end + 1) };
    // `Table: caption` after a blank line belongs to the table.
    if (BLANK.test(lines[end + 1] ?? 'x') && CAPTION.test(lines[end + 2] ?? '')) {
      let last = end + 2;
      while (last + 1 < lines.length && !BLANK.test(lines[last + 1]!)) last++;
      // `{#tbl:id}` after a caption names the table for cross-references, which slides do not number.
      segment.caption = lines.slice(end + 2, last + 1).join(' ').replace(CAPTION, '').replace(/\{[#.][^{}]*\}\s*$/, '').trim();
      segment.endLine = last + 1;
    }
    segments.push(segment);
    index = segment.endLine;
  }
  return segments;
}

/** Column spans from a grouped rule: [start, end) of each group of dashes. */
function ruleColumns(rule: string): [number, number][] {
  return [...rule.matchAll(/-+/g)].map((match) => [match.index, match.index + match[0].length]);
}

function alignOf(header: string, [start, end]: [number, number]): AlignType {
  const left = header.length > start && header[start] !== ' ';
  const right = header.length >= end && header[end - 1] !== ' ' && header[end - 1] !== undefined;
  if (left && right) return null;
  if (left) return 'left';
  if (right) return 'right';
  return header.trim() === '' ? null : 'center';
}

/** A line cut into cells: each column reaches to the start of the next one. */
function cutLine(line: string, columns: readonly [number, number][]): string[] {
  return columns.map(([start], index) => line.slice(start, index + 1 < columns.length ? columns[index + 1]![0] : undefined).trim());
}

type Inline = (text: string) => PhrasingContent[];

function row(cells: readonly string[], inline: Inline): TableRow {
  return { type: 'tableRow', children: cells.map((text): TableCell => ({ type: 'tableCell', children: inline(text) })) };
}

function simpleTable(segment: TableSegment, inline: Inline): Table {
  const lines = segment.lines.filter((line) => !BLANK.test(line));
  const ruleAt = lines.findIndex((line) => GROUPED_RULE.test(line) || FULL_RULE.test(line));
  const columns = ruleColumns(lines[ruleAt]!);
  const header = ruleAt > 0 ? lines[ruleAt - 1]! : undefined;
  const body = lines.slice(ruleAt + 1).filter((line) => !GROUPED_RULE.test(line) && !FULL_RULE.test(line));
  const rows = body.map((line) => row(cutLine(line, columns), inline));
  const head = header ? row(cutLine(header, columns), inline) : row(columns.map(() => ''), inline);
  return { type: 'table', align: columns.map((column) => (header ? alignOf(header, column) : null)), children: [head, ...rows] };
}

/**
 * Multiline tables: a full rule, header lines, a grouped rule giving the columns, rows separated
 * by blank lines, a closing rule. Without a header, a grouped rule opens the table. A cell's
 * lines are joined with spaces, as pandoc reflows them.
 */
function multilineTable(segment: TableSegment, inline: Inline): Table {
  const lines = segment.lines.slice(1, -1);
  const ruleAt = lines.findIndex((line) => GROUPED_RULE.test(line));
  const headed = FULL_RULE.test(segment.lines[0]!) && ruleAt >= 0;
  const columns = ruleColumns(headed ? lines[ruleAt]! : segment.lines[0]!);
  const blocks: string[][] = [[]];
  for (const line of headed ? lines.slice(ruleAt + 1) : lines) {
    if (BLANK.test(line)) blocks.push([]);
    else blocks.at(-1)!.push(line);
  }
  const cells = (block: readonly string[]) => columns.map((_, index) => block.map((line) => cutLine(line, columns)[index]).filter(Boolean).join(' '));
  const header = headed ? lines.slice(0, ruleAt) : [];
  const rows = blocks.filter((block) => block.length > 0).map((block) => row(cells(block), inline));
  return {
    type: 'table',
    align: columns.map((column) => (header[0] ? alignOf(header[0], column) : null)),
    children: [row(header.length > 0 ? cells(header) : columns.map(() => ''), inline), ...rows],
  };
}

/** Grid tables: `+---+` borders, `|` between cells, `+===+` under the header; a cell's lines are joined. */
const joints = (line: string) => [...line.matchAll(/\+/g)].map((match) => match.index).join(',');

/**
 * A grid table whose cells span rows or columns: a border that stops inside a row (`|  +---+`),
 * or a border whose joints differ from the first one.
 */
function hasSpans(segment: TableSegment): boolean {
  const first = joints(segment.lines[0]!);
  return segment.lines.some((line) => (GRID_BORDER.test(line) ? joints(line) !== first : line.includes('+')));
}

/** `:---`, `---:` and `:---:` in a grid table's border say how its column is aligned. */
function gridAlign(border: string, [start, end]: [number, number]): AlignType {
  const part = border.slice(start, end);
  const left = part.startsWith(':');
  const right = part.endsWith(':');
  return left && right ? 'center' : left ? 'left' : right ? 'right' : null;
}

function gridTable(segment: TableSegment, inline: Inline): Table {
  const border = segment.lines[0]!;
  const corners = [...border.matchAll(/\+/g)].map((match) => match.index);
  const columns = corners.slice(0, -1).map((start, index): [number, number] => [start + 1, corners[index + 1]!]);
  const aligned = segment.lines.find((line) => GRID_BORDER.test(line) && line.includes('=')) ?? border;
  const rows: string[][] = [];
  let current: string[] | undefined;
  let headerRows = 0;
  for (const line of segment.lines.slice(1)) {
    if (GRID_BORDER.test(line)) {
      if (current) rows.push(current);
      current = undefined;
      if (line.includes('=')) headerRows = rows.length;
      continue;
    }
    const cells = columns.map(([start, end]) => line.slice(start, end).replace(/^\|/, '').trim());
    current = current ? current.map((text, index) => `${text} ${cells[index]}`.trim()) : cells;
  }
  const [head, ...body] = headerRows > 0 ? rows : [columns.map(() => ''), ...rows];
  return { type: 'table', align: columns.map((column) => gridAlign(aligned, column)), children: [row(head!, inline), ...body.map((cells) => row(cells, inline))] };
}

function captionParagraph(segment: TableSegment, inline: Inline): Paragraph[] {
  return segment.caption ? [{ type: 'paragraph', children: inline(segment.caption) }] : [];
}

/** One table's nodes: a native table, or its text kept as a preformatted block. */
function segmentNodes(segment: TableSegment, inline: Inline, file: VFile, position: RootContent['position']): RootContent[] {
  const at = position ? { position } : {};
  if (segment.kind === 'grid' && hasSpans(segment)) {
    // A slide table has no merged cells yet: the table keeps its drawing, which shows the spans.
    report(file, 'table-not-converted', `a grid table with cells spanning rows or columns (lines ${segment.startLine}–${segment.endLine}) is kept as preformatted text on one slide`, { line: segment.startLine, column: 1 });
    const code: Code = { type: 'code', lang: null, meta: null, value: segment.lines.join('\n'), ...at };
    return [code, ...captionParagraph(segment, inline)];
  }
  const table = segment.kind === 'grid' ? gridTable(segment, inline) : segment.kind === 'multiline' ? multilineTable(segment, inline) : simpleTable(segment, inline);
  return [{ ...table, ...at }, ...captionParagraph(segment, inline)];
}

/** Siblings with the nodes Markdown made of each pandoc table replaced by the table. */
export function replacePandocTables(children: readonly RootContent[], segments: readonly TableSegment[], inline: Inline, file: VFile): RootContent[] {
  if (segments.length === 0) return [...children];
  const out: RootContent[] = [];
  const done = new Set<TableSegment>();
  for (const child of children) {
    const line = child.position?.start.line;
    const segment = line === undefined ? undefined : segments.find((candidate) => line >= candidate.startLine && line <= candidate.endLine);
    if (!segment) {
      out.push(child);
      continue;
    }
    if (!done.has(segment)) {
      done.add(segment);
      append(out, segmentNodes(segment, inline, file, child.position));
    }
  }
  return out;
}
