import { describe, expect, it } from 'vitest';
import { balance, paginate, type FitsPage } from '../src/layout/paginate.js';
import type { Unit } from '../src/layout/split-blocks.js';

/** Units of given heights (inches), as paragraphs whose text is their height. */
const units = (...heights: number[]): Unit[] => heights.map((height) => ({ block: { type: 'paragraph', runs: [{ type: 'text', text: String(height) }] } }));
const heightOf = (unit: Unit) => (unit.block.type === 'paragraph' && unit.block.runs[0]?.type === 'text' ? Number(unit.block.runs[0].text) : NaN);
/** A slide of `page` inches: units fit when their heights add up to it, less the slack. */
const fitsIn = (page: number): FitsPage => (run, _first, slack) => run.reduce((sum, unit) => sum + heightOf(unit), 0) <= page - slack + 1e-9;
const counts = (pages: Unit[][]) => pages.map((page) => page.length);

describe('pagination', () => {
  it('fills each slide in turn, leaving the remainder to the last', () => {
    const { pages, overflow } = paginate(units(...Array<number>(24).fill(1)), fitsIn(11));
    expect(counts(pages)).toEqual([11, 11, 2]);
    expect(overflow).toBe(false);
  });

  it('balances the parts on as many slides: 24 bullets go 8 / 8 / 8, not 11 / 11 / 2', () => {
    const { pages } = paginate(units(...Array<number>(24).fill(1)), fitsIn(11));
    expect(counts(balance(pages, fitsIn(11), 11))).toEqual([8, 8, 8]);
  });

  it('leaves no runt when the parts cannot be equal', () => {
    const { pages } = paginate(units(...Array<number>(25).fill(1)), fitsIn(11));
    const balanced = counts(balance(pages, fitsIn(11), 11));
    expect(balanced).toHaveLength(3);
    expect(balanced.reduce((sum, count) => sum + count, 0)).toBe(25);
    expect(Math.max(...balanced) - Math.min(...balanced)).toBeLessThanOrEqual(2);
  });

  it('balances by height, not by count', () => {
    const { pages } = paginate(units(4, 1, 1, 1, 1, 1, 1), fitsIn(8));
    expect(pages.map((page) => page.map(heightOf))).toEqual([[4, 1, 1, 1, 1], [1, 1]]);
    expect(balance(pages, fitsIn(8), 8).map((page) => page.map(heightOf))).toEqual([[4, 1], [1, 1, 1, 1, 1]]);
  });

  it('keeps every unit in order, once', () => {
    const heights = [0.5, 2, 0.3, 1.1, 2.4, 0.2, 0.9, 1.7, 0.6, 2.2, 0.4];
    const { pages } = paginate(units(...heights), fitsIn(3));
    expect(balance(pages, fitsIn(3), 3).flat().map(heightOf)).toEqual(heights);
  });

  it('reports a unit that fits nowhere and cannot be cut, and gives it a slide of its own', () => {
    const { pages, overflow } = paginate([...units(1), { block: { type: 'code', text: 'x' } }, ...units(1)], (run) => run.every((unit) => unit.block.type !== 'code'));
    expect(overflow).toBe(true);
    expect(counts(pages)).toEqual([1, 1, 1]);
  });
});
