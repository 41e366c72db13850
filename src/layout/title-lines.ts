import type { Inline } from '../outline/schema.js';
import type { PlacedParagraph, PlacedRun } from './frames.js';
import type { Measurer } from './measure.js';

const NO_BREAK_SPACE = '\u00A0';
const OPENING = new Set(['«', '“']);
const CLOSING = new Set(['»', '”']);
/** A number and what counts it: a percent or degree sign, a currency, or a short unit word ("15 км", "2016 жыл"). */
const NUMBER_AND_UNIT = /(\d)[ ](?=[%‰°\p{Sc}]|\p{L}{1,3}(?!\p{L}))/gu;

/**
 * A title's runs with the spaces it must not break at made no-break spaces: those inside «…»
 * and “…”, so a quoted name stays on one line, and the one between a number and its unit.
 */
export function keepTogether(runs: readonly Inline[]): Inline[] {
  let quoted = 0;
  return runs.map((run) => {
    if (run.type !== 'text') return run;
    let text = '';
    for (const char of run.text) {
      if (OPENING.has(char)) quoted += 1;
      else if (CLOSING.has(char)) quoted = Math.max(quoted - 1, 0);
      text += char === ' ' && quoted > 0 ? NO_BREAK_SPACE : char;
    }
    return { ...run, text: text.replace(NUMBER_AND_UNIT, `$1${NO_BREAK_SPACE}`) };
  });
}

/** A paragraph's runs cut at a text offset: what comes before, and what after. */
function cutAt(runs: readonly PlacedRun[], offset: number): [PlacedRun[], PlacedRun[]] {
  const before: PlacedRun[] = [];
  const after: PlacedRun[] = [];
  let at = 0;
  for (const run of runs) {
    const length = run.type === 'break' ? 1 : run.text.length;
    if (at + length <= offset) before.push(run);
    else if (at >= offset || run.type === 'break') after.push(run);
    else {
      before.push({ ...run, text: run.text.slice(0, offset - at) });
      after.push({ ...run, text: run.text.slice(offset - at) });
    }
    at += length;
  }
  return [before, after];
}

function textOf(runs: readonly PlacedRun[]): string {
  return runs.map((run) => (run.type === 'break' ? '\n' : run.text)).join('');
}

/**
 * A title (or a figure's caption) set on two lines, broken where the lines come out most even,
 * as a designer breaks it; four or more words never leave one word alone on the last line. A
 * paragraph on one line, or one whose lines cannot be evened, is returned as it is.
 */
export function balanceLines(paragraph: PlacedParagraph, widthPt: number, measure: Measurer): PlacedParagraph {
  // Runs are measured as drawn, split where characters need a fallback font. Each character's
  // font is its own, whatever its neighbours: the drawn runs cut at a break are the cut runs drawn.
  const drawn = measure.cover(paragraph.runs).runs;
  if (measure.lineCount({ ...paragraph, runs: drawn }, widthPt, 2) !== 2 || paragraph.runs.some((run) => run.type === 'break')) return paragraph;
  const text = textOf(paragraph.runs);
  const words = text.split(' ').filter(Boolean).length;
  const lineWidth = (runs: PlacedRun[]) => measure.naturalWidths([{ ...paragraph, runs }]).line;
  const breakAt = (runs: readonly PlacedRun[], offset: number) => {
    const [first, rest] = cutAt(runs, offset);
    return [first, cutAt(rest, 1)[1]] as const;
  };
  // One break to try per run of spaces: each try measures the whole title, and a title of a
  // hundred thousand spaces would otherwise be tried as many times.
  const candidates = [...text.matchAll(/(?<! ) /g)].flatMap((match) => {
    const [first, second] = breakAt(drawn, match.index!);
    if (measure.lineCount({ ...paragraph, runs: [...first, { type: 'break' as const }, ...second] }, widthPt, 2) !== 2) return [];
    const lastWords = textOf(second).split(' ').filter(Boolean).length;
    return [{ at: match.index!, longest: Math.max(lineWidth(first), lineWidth(second)), lone: words >= 4 && lastWords < 2 }];
  });
  const best = candidates.filter((candidate) => !candidate.lone).sort((a, b) => a.longest - b.longest)[0];
  if (!best) return paragraph;
  const [first, second] = breakAt(paragraph.runs, best.at);
  return { ...paragraph, runs: [...first, { type: 'break' as const }, ...second] };
}
