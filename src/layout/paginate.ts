import { refineUnit, type Unit } from './split-blocks.js';

/**
 * Whether a run of units fits one slide with `slackInches` of its height left over; `first`
 * for the first slide, which also keeps the footnotes nothing references.
 */
export type FitsPage = (units: Unit[], first: boolean, slackInches: number) => boolean;

/**
 * How many units from the front of the queue fit one slide: doubling, then halving, so a long
 * table or code block is measured O(n log n) times rather than O(n²).
 */
function longestFit(queue: readonly Unit[], fits: FitsPage, first: boolean, slackInches: number): number {
  const fitsFirst = (count: number) => count <= queue.length && fits(queue.slice(0, count), first, slackInches);
  let fitting = 0;
  let step = 1;
  while (fitsFirst(fitting + step)) {
    fitting += step;
    step *= 2;
  }
  for (step = Math.floor(step / 2); step >= 1; step = Math.floor(step / 2)) {
    if (fitsFirst(fitting + step)) fitting += step;
  }
  return fitting;
}

/**
 * Cut units into as few slides as they fit on, each filled in turn, cutting a unit finer where
 * it alone is too large. `overflow` tells that some unit fits nowhere and could not be cut.
 */
export function paginate(units: readonly Unit[], fits: FitsPage): { pages: Unit[][]; overflow: boolean } {
  const queue = [...units];
  const pages: Unit[][] = [];
  let overflow = false;
  while (queue.length > 0) {
    const fitting = longestFit(queue, fits, pages.length === 0, 0);
    if (fitting > 0) {
      pages.push(queue.splice(0, fitting));
      continue;
    }
    const unit = queue.shift()!;
    const finer = refineUnit(unit);
    if (finer) queue.unshift(...finer);
    else {
      // Nothing smaller to cut: it stands alone on a slide, and is reported.
      overflow = true;
      pages.push([unit]);
    }
  }
  return { pages, overflow };
}

/** Fill slides in turn, each leaving `slackInches` free; undefined when some unit alone does not fit so. */
function fill(units: readonly Unit[], fits: FitsPage, slackInches: number, most: number): Unit[][] | undefined {
  const queue = [...units];
  const pages: Unit[][] = [];
  while (queue.length > 0) {
    const fitting = longestFit(queue, fits, pages.length === 0, slackInches);
    if (fitting === 0 || pages.length === most) return undefined;
    pages.push(queue.splice(0, fitting));
  }
  return pages;
}

/** The precision, in inches, of the balanced page height. */
const BALANCE_PRECISION = 0.01;

/**
 * The same units on the same number of slides, balanced: filled to the smallest height at which
 * they still need no more slides than `pages`, so 24 bullets go 8 / 8 / 8 rather than 11 / 11 / 2.
 * `heightInches` bounds the height a slide can leave free.
 */
export function balance(pages: readonly Unit[][], fits: FitsPage, heightInches: number): Unit[][] {
  if (pages.length < 2) return pages.map((page) => [...page]);
  const units = pages.flat();
  let best = pages.map((page) => [...page]);
  let low = 0;
  let high = heightInches;
  while (high - low > BALANCE_PRECISION) {
    const slack = (low + high) / 2;
    const filled = fill(units, fits, slack, pages.length);
    if (filled) {
      best = filled;
      low = slack;
    } else high = slack;
  }
  return best;
}
