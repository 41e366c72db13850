import { trimRuns } from '../outline/inline.js';
import type { Block, Inline, List, Paragraph, Table } from '../outline/schema.js';

/**
 * Pagination works on units: the smallest pieces a slide may be cut between. Units cut from
 * the same block share an origin and are joined again when they land on the same slide.
 */
export interface Unit {
  block: Block;
  origin?: Block | undefined;
}

/** The first cut: list items, table rows and code lines; other blocks are whole. */
export function toUnits(blocks: readonly Block[]): Unit[] {
  return blocks.flatMap((block): Unit[] => {
    switch (block.type) {
      case 'list': {
        const start = block.start ?? 1;
        return block.items.map((item, index) => ({ block: { ...block, items: [item], ...(block.ordered ? { start: start + index } : {}) }, origin: block }));
      }
      case 'table':
        return block.rows.map((row) => ({ block: { ...block, rows: [row] }, origin: block }));
      case 'code':
        return block.text.split(/\r?\n/).map((line) => ({ block: { ...block, text: line }, origin: block }));
      default:
        return [{ block }];
    }
  });
}

const sentences = new Intl.Segmenter(undefined, { granularity: 'sentence' });

/** A paragraph's runs cut at the given text offsets. */
function cutRuns(runs: readonly Inline[], cuts: number[]): Inline[][] {
  const parts: Inline[][] = [[]];
  let offset = 0;
  let next = 0;
  for (const run of runs) {
    if (run.type !== 'text') {
      // A line break counts as one character of the paragraph's text.
      parts.at(-1)!.push(run);
      offset += 1;
      continue;
    }
    let text = run.text;
    while (next < cuts.length && cuts[next]! < offset + text.length) {
      const at = cuts[next]! - offset;
      if (at > 0) parts.at(-1)!.push({ ...run, text: text.slice(0, at) });
      parts.push([]);
      text = text.slice(at);
      offset += at;
      next += 1;
    }
    if (text) parts.at(-1)!.push({ ...run, text });
    offset += text.length;
  }
  return parts.filter((part) => part.length > 0);
}

function paragraphText(paragraph: Paragraph): string {
  return paragraph.runs.map((run) => (run.type === 'text' ? run.text : '\n')).join('');
}

/**
 * The finer cut, for a unit too large for a whole slide: a paragraph into sentences, then
 * into halves by words; a list item into its blocks. Undefined when it cannot be cut further.
 */
export function refineUnit(unit: Unit): Unit[] | undefined {
  const { block } = unit;
  if (block.type === 'paragraph') {
    const text = paragraphText(block);
    let cuts = [...sentences.segment(text)].map((segment) => segment.index).filter((index) => index > 0);
    if (cuts.length === 0) {
      // One long sentence: cut at the word boundary nearest its middle.
      const spaces = [...text.matchAll(/ /g)].map((match) => match.index! + 1);
      const middle = spaces.sort((a, b) => Math.abs(a - text.length / 2) - Math.abs(b - text.length / 2))[0];
      if (middle === undefined) return undefined;
      cuts = [middle];
    }
    const origin = unit.origin ?? block;
    return cutRuns(block.runs, cuts).map((runs) => ({ block: { type: 'paragraph', runs: trimRuns(runs) }, origin }));
  }
  if (block.type === 'list' && block.items.length === 1 && block.items[0]!.blocks.length === 1 && block.items[0]!.blocks[0]!.type === 'paragraph') {
    // One long bullet: its sentences are cut, the parts after the first go on without a bullet.
    const [item] = block.items;
    const parts = refineUnit({ block: item!.blocks[0]! });
    if (!parts) return undefined;
    const origin = unit.origin ?? block;
    return parts.map((part, index) => ({ block: { ...block, items: [{ ...item, ...(index > 0 ? { continued: true } : {}), blocks: [part.block] }] }, origin }));
  }
  if (block.type === 'list' && block.items.length === 1 && block.items[0]!.blocks.length > 1) {
    // The item's lead keeps its bullet; what follows stays nested under it, in items without a bullet of their own.
    const [item] = block.items;
    const [lead, ...rest] = item!.blocks;
    const origin = unit.origin ?? block;
    const wrap = (inner: Block): Unit => ({ block: { ...block, items: [{ blocks: [inner] }] }, origin });
    const nested = toUnits(rest).map((inner) => (inner.block.type === 'list' ? wrap(inner.block) : { ...inner }));
    return [{ block: { ...block, items: [{ ...item, blocks: [lead!] }] }, origin }, ...nested];
  }
  if (block.type === 'quote' && block.blocks.length > 0) {
    // A long quote is cut between its paragraphs (or sentences); the attribution stays with the last part.
    const inner = block.blocks.length > 1 ? block.blocks.map((part): Unit => ({ block: part })) : (refineUnit({ block: block.blocks[0]! }) ?? []);
    if (inner.length < 2) return undefined;
    const origin = unit.origin ?? block;
    return inner.map((part, index) => ({
      block: { type: 'quote', blocks: [part.block], ...(index === inner.length - 1 && block.attribution ? { attribution: block.attribution } : {}) },
      origin,
    }));
  }
  return undefined;
}

function join(first: Block, second: Block, origin: Block): Block {
  if (first.type === 'list' && second.type === 'list') return { ...first, items: [...first.items, ...second.items] } satisfies List;
  if (first.type === 'table' && second.type === 'table') return { ...first, rows: [...first.rows, ...second.rows] } satisfies Table;
  if (first.type === 'code' && second.type === 'code') return { ...first, text: `${first.text}\n${second.text}` };
  if (first.type === 'paragraph' && second.type === 'paragraph') return { ...first, runs: [...first.runs, { type: 'text', text: ' ' }, ...second.runs] };
  if (first.type === 'quote' && second.type === 'quote') {
    // Sentences cut from a one-paragraph quote join back into one paragraph.
    const sentences = origin.type === 'quote' && origin.blocks.length === 1 && origin.blocks[0]!.type === 'paragraph';
    const blocks = sentences ? [join(first.blocks[0]!, second.blocks[0]!, origin.blocks[0]!)] : [...first.blocks, ...second.blocks];
    return { ...first, blocks, ...(second.attribution ? { attribution: second.attribution } : {}) };
  }
  return second;
}

/** Units back to blocks: neighbours cut from the same block become one block again. */
export function fromUnits(units: readonly Unit[]): Block[] {
  const blocks: Block[] = [];
  let previous: Unit | undefined;
  for (const unit of units) {
    if (previous?.origin && previous.origin === unit.origin) blocks[blocks.length - 1] = join(blocks.at(-1)!, unit.block, unit.origin);
    else blocks.push(unit.block);
    previous = unit;
  }
  return blocks;
}
