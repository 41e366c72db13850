import type { PlacedParagraph, PlacedRun } from './frames.js';

/**
 * Text measurement by estimated character widths. It is deliberately conservative (wide
 * estimates, so text is given room rather than clipped) and is the single place to swap
 * for font-metric measurement.
 */
const LINE_HEIGHT = 1.2;
const POINTS_PER_INCH = 72;

function charEm(char: string, mono: boolean): number {
  if (mono) return 0.6;
  if (char === ' ') return 0.26;
  if (/[\u1100-\u11FF\u2E80-\uA4CF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFF60]/u.test(char)) return 1;
  if (/\p{Extended_Pictographic}/u.test(char)) return 1.2;
  if (/[0-9]/.test(char)) return 0.57;
  if (/[mwMWЖШЩЮжшщю@%]/.test(char)) return 0.85;
  if (/[ilj.,;:'!|()\[\]іІ]/.test(char)) return 0.3;
  if (/\p{Lu}/u.test(char)) return 0.66;
  return 0.55;
}

export function textWidthPt(text: string, sizePt: number, bold: boolean, mono: boolean): number {
  let ems = 0;
  for (const char of text) ems += charEm(char, mono);
  return ems * sizePt * (bold && !mono ? 1.07 : 1);
}

function runWidth(run: PlacedRun & { type: 'text' | 'slide-number' }, text: string): number {
  return textWidthPt(text, run.superscript ? run.sizePt * 0.7 : run.sizePt, run.bold, /mono/i.test(run.font));
}

/** Greedy word wrap: how many lines a paragraph takes in a width. */
export function lineCount(paragraph: PlacedParagraph, widthPt: number): number {
  const available = Math.max(widthPt - paragraph.marginInches * POINTS_PER_INCH, 1);
  let lines = 1;
  let used = 0;
  for (const run of paragraph.runs) {
    if (run.type === 'break') {
      lines += 1;
      used = 0;
      continue;
    }
    for (const piece of run.text.split(/(?<= )/)) {
      const width = runWidth(run, piece);
      if (used + width <= available || used === 0) {
        // A word wider than the line breaks across as many lines as it needs.
        const extra = used === 0 ? Math.max(Math.ceil(width / available) - 1, 0) : 0;
        lines += extra;
        used = used === 0 && extra > 0 ? width - extra * available : used + width;
      } else {
        lines += 1;
        used = width;
      }
    }
  }
  return lines;
}

function largestSize(paragraph: PlacedParagraph): number {
  return paragraph.runs.reduce((size, run) => (run.type === 'break' ? size : Math.max(size, run.sizePt)), paragraph.endSizePt);
}

/** The height, in inches, that paragraphs take in a frame of this width, insets included. */
export function paragraphsHeight(paragraphs: readonly PlacedParagraph[], widthInches: number, insetInches: number): number {
  const widthPt = (widthInches - 2 * insetInches) * POINTS_PER_INCH;
  const points = paragraphs.reduce((sum, paragraph, index) => {
    const lineHeight = largestSize(paragraph) * LINE_HEIGHT * paragraph.lineSpacing;
    const after = index < paragraphs.length - 1 ? paragraph.spaceAfterPt : 0;
    return sum + lineCount(paragraph, widthPt) * lineHeight + paragraph.spaceBeforePt + after;
  }, 0);
  return points / POINTS_PER_INCH + 2 * insetInches;
}

/** The width, in inches, of a paragraph's longest word and of its whole text on one line. */
export function naturalWidths(paragraphs: readonly PlacedParagraph[]): { word: number; line: number } {
  let word = 0;
  let line = 0;
  for (const paragraph of paragraphs) {
    let total = paragraph.marginInches * POINTS_PER_INCH;
    for (const run of paragraph.runs) {
      if (run.type === 'break') continue;
      total += runWidth(run, run.text);
      for (const piece of run.text.split(' ')) word = Math.max(word, runWidth(run, piece));
    }
    line = Math.max(line, total);
  }
  return { word: word / POINTS_PER_INCH, line: line / POINTS_PER_INCH };
}
