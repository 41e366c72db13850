import type { PNG } from 'pngjs';
import type { Frame, PlacedParagraph } from '../../src/layout/frames.js';
import { contrastRatio } from '../../src/theme/contrast.js';
import type { PdfLine, PdfPage } from './libreoffice.js';

type Box = PdfLine['box'];

/** Characters deckdown reports as drawn by no theme font: the viewer substitutes one, or none. */
const UNCOVERED = /[\u3400-\u9FFF]/u;

function paragraphsOf(frame: Frame): PlacedParagraph[] {
  if (frame.kind === 'text') return frame.paragraphs;
  if (frame.kind === 'table') return frame.rows.flat().flatMap((cell) => cell.paragraphs);
  return [];
}

/** The words deckdown placed in frames, as the renderer should draw them. */
export function placedWords(frames: readonly Frame[]): string[] {
  const text = frames
    .flatMap(paragraphsOf)
    .map((paragraph) => paragraph.runs.map((run) => (run.type === 'break' ? ' ' : run.text)).join(''))
    .join(' ');
  return text.split(/\s+/).filter((word) => word !== '' && !UNCOVERED.test(word));
}
type Word = PdfLine['words'][number];

function overlap(a: Box, b: Box): number {
  const width = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
  const height = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
  return width > 0 && height > 0 ? Math.min(width, height) : 0;
}

/**
 * Lines of text may touch: a line's box spans the font's full ascent and descent (1.36 em for
 * Noto Sans), while single spacing is 1.2 em, so neighbouring lines of one paragraph share a
 * sliver. An overlap of more than this share of the smaller line's height is a collision.
 */
const LINE_OVERLAP_SHARE = 0.2;

/** Pairs of drawn lines that collide, as their texts. */
export function collidingLines(page: PdfPage): string[] {
  const text = (line: PdfLine) => line.words.map((word) => word.text).join(' ');
  return page.lines.flatMap((line, at) =>
    page.lines.slice(at + 1).flatMap((other) => {
      const smaller = Math.min(line.box.yMax - line.box.yMin, other.box.yMax - other.box.yMin);
      return overlap(line.box, other.box) > LINE_OVERLAP_SHARE * smaller ? [`"${text(line)}" / "${text(other)}"`] : [];
    }),
  );
}

/** Drawn words that reach into the band from `bandTop` (points) down, other than the `allowed` ones. */
export function wordsInBand(page: PdfPage, bandTop: number, allowed: ReadonlySet<string>): string[] {
  return page.lines.flatMap((line) => line.words).filter((word) => word.yMax > bandTop + 0.5 && !allowed.has(word.text)).map((word) => word.text);
}

/** A word's measured colours and contrast, and the size it is drawn at. */
export interface WordContrast {
  text: string;
  ratio: number;
  foreground: string;
  background: string;
  /** The font size, from the height of the word's box (ascent to descent, 1.36 em for Noto Sans). */
  sizePt: number;
}

/**
 * The contrast of a drawn word, from the pixels under its box: the background is the colour most
 * of them have, the text the colour that differs from it most. `scale` is pixels per point.
 */
export function wordContrast(word: Word, picture: PNG, scale: number): WordContrast {
  const x0 = Math.max(Math.floor(word.xMin * scale), 0);
  const x1 = Math.min(Math.ceil(word.xMax * scale), picture.width - 1);
  const y0 = Math.max(Math.floor(word.yMin * scale), 0);
  const y1 = Math.min(Math.ceil(word.yMax * scale), picture.height - 1);
  // Counted by colour: a word's box holds thousands of pixels but few colours.
  const counts = new Map<number, number>();
  for (let y = y0; y <= y1; y += 1) {
    for (let x = x0; x <= x1; x += 1) {
      const at = (y * picture.width + x) * 4;
      const colour = (picture.data[at]! << 16) | (picture.data[at + 1]! << 8) | picture.data[at + 2]!;
      counts.set(colour, (counts.get(colour) ?? 0) + 1);
    }
  }
  const hex = (colour: number) => colour.toString(16).padStart(6, '0').toUpperCase();
  const background = hex([...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0);
  const foreground = [...counts.keys()].map(hex).reduce((best, colour) => (contrastRatio(colour, background) > contrastRatio(best, background) ? colour : best), background);
  return { text: word.text, ratio: contrastRatio(foreground, background), foreground, background, sizePt: (word.yMax - word.yMin) / 1.36 };
}

/** WCAG AA: 3:1 for large text (18 pt and up), 4.5:1 for the rest. */
export function meetsAA(contrast: WordContrast): boolean {
  return contrast.ratio >= (contrast.sizePt >= 18 ? 3 : 4.5);
}
