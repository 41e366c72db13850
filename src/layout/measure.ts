import LineBreaker from 'linebreak';
import { STAND_IN } from '../fonts/catalog.js';
import type { Face, FontSet } from '../fonts/font-set.js';
import type { PlacedParagraph, PlacedRun, RunStyle } from './frames.js';

const POINTS_PER_INCH = 72;
/**
 * One line of text is 1.2 times its size, scaled by the paragraph's line spacing: that is how
 * LibreOffice and PowerPoint set proportional spacing (checked against LibreOffice's PDF output).
 */
const LINE_HEIGHT = 1.2;
/** Renderers differ slightly in kerning and hinting; a line is filled to this share of its width. */
const WIDTH_SAFETY = 0.97;
const SUPERSCRIPT_SCALE = 0.7;

/** How a renderer spaces lines: in a text frame, or in a table cell. */
export type LineSpacing = 'frame' | 'cell';

type StyledText = Pick<RunStyle, 'font' | 'sizePt' | 'bold' | 'italic' | 'superscript' | 'subscript' | 'smallCaps'>;

/** A text split where its characters need another font, and the characters its own font lacks, by the font that draws them. */
interface Drawing {
  pieces: { font: string; text: string }[];
  missing: { to: string | undefined; chars: string[] }[];
}

export interface Coverage {
  /** The run split where its characters need another font. */
  runs: PlacedRun[];
  /** Characters the run's own font lacks, with the font that draws them (undefined: none of the theme's). */
  substituted: { chars: string; from: string; to: string | undefined }[];
}

/** Text measured with the real font files: advances from the fonts, breaks by UAX #14. */
export class Measurer {
  private readonly widths = new Map<string, number>();
  private readonly drawings = new Map<string, Map<string, Drawing>>();

  constructor(
    private readonly fonts: FontSet,
    private readonly fallbacks: readonly string[],
  ) {}

  private face(style: StyledText): Face | undefined {
    return this.fonts.face(style.font, style.bold, style.italic);
  }

  /** The width of text in points. */
  width(text: string, style: StyledText): number {
    const size = style.superscript || style.subscript ? style.sizePt * SUPERSCRIPT_SCALE : style.sizePt;
    // Small capitals are measured as capitals: a little wider than they draw, never narrower.
    if (style.smallCaps) text = text.toUpperCase();
    // A no-break space is as wide as a space; measured as one, since some fonts' own no-break
    // space glyph cannot be read (Carlito's stops fontkit).
    text = text.replaceAll('\u00A0', ' ');
    const key = `${style.font}|${style.bold}|${style.italic}|${text}`;
    let ems = this.widths.get(key);
    if (ems === undefined) {
      const own = this.face(style);
      const face = own ?? this.fonts.face(STAND_IN.family, style.bold, style.italic)!;
      ems = (face.advance(text) / face.unitsPerEm) * (own ? 1 : STAND_IN.widthScale);
      this.widths.set(key, ems);
    }
    return ems * size;
  }

  lineHeight(sizePt: number, spacing: number): number {
    return sizePt * LINE_HEIGHT * spacing;
  }

  /**
   * A line's height in ems as renderers draw table cells: LibreOffice spaces them by the font's
   * own ascent, descent and gap (1.36 em for Noto Sans), PowerPoint by 1.2 em; the taller wins.
   */
  private fontLineEms(style: StyledText): number {
    const face = this.face(style) ?? this.fonts.face(STAND_IN.family, style.bold, style.italic)!;
    return Math.max(LINE_HEIGHT, (face.ascent - face.descent + face.lineGap) / face.unitsPerEm);
  }

  /** The height of a paragraph's line: its largest size, spaced as text frames or as table cells are. */
  private paragraphLineHeight(paragraph: PlacedParagraph, spacing: LineSpacing): number {
    const size = largestSize(paragraph);
    if (spacing === 'frame') return this.lineHeight(size, paragraph.lineSpacing);
    const ems = paragraph.runs.reduce((most, run) => (run.type === 'break' ? most : Math.max(most, this.fontLineEms(run))), LINE_HEIGHT);
    return size * ems * paragraph.lineSpacing;
  }

  /** Which font draws a character: the run's own, else the first fallback that has it. */
  private fontFor(char: string, style: StyledText): string | undefined {
    const code = char.codePointAt(0)!;
    // Spaces, joiners and variation selectors go with their neighbours.
    if (/\s|\p{M}|\u200D|[\uFE00-\uFE0F]/u.test(char)) return style.font;
    if (this.face(style)?.hasGlyphForCodePoint(code) ?? true) return style.font;
    return this.fallbacks.find((family) => this.fonts.face(family, style.bold, style.italic)?.hasGlyphForCodePoint(code));
  }

  /** Split runs where characters are missing from their font, so they are drawn and measured with the fallback. */
  cover(runs: readonly PlacedRun[]): Coverage {
    const covered: PlacedRun[] = [];
    const substituted = new Map<string, { chars: Set<string>; from: string; to: string | undefined }>();
    for (const run of runs) {
      if (run.type !== 'text') {
        covered.push(run);
        continue;
      }
      const { pieces, missing } = this.drawing(run);
      for (const piece of pieces) covered.push({ ...run, text: piece.text, font: piece.font });
      if (run.generated) continue;
      for (const { to, chars } of missing) {
        const key = `${run.font}>${to}`;
        const entry = substituted.get(key) ?? { chars: new Set<string>(), from: run.font, to };
        for (const char of chars) entry.chars.add(char);
        substituted.set(key, entry);
      }
    }
    return { runs: covered, substituted: [...substituted.values()].map((entry) => ({ chars: [...entry.chars].join(''), from: entry.from, to: entry.to })) };
  }

  /**
   * How a run's text is drawn: worked out once per text and face, since fitting sets the same
   * text at one size after another, and a long title would otherwise be read character by
   * character at each.
   */
  private drawing(run: StyledText & { text: string }): Drawing {
    const face = `${run.font}|${run.bold}|${run.italic}`;
    let byText = this.drawings.get(face);
    if (!byText) this.drawings.set(face, (byText = new Map()));
    let drawing = byText.get(run.text);
    if (!drawing) byText.set(run.text, (drawing = this.draw(run)));
    return drawing;
  }

  private draw(run: StyledText & { text: string }): Drawing {
    const pieces: Drawing['pieces'] = [];
    const missing = new Map<string | undefined, Set<string>>();
    let font: string | undefined;
    let start = 0;
    let at = 0;
    for (const char of run.text) {
      const found = this.fontFor(char, run);
      if (found !== run.font) {
        const chars = missing.get(found) ?? new Set<string>();
        missing.set(found, chars.add(char));
      }
      const drawnWith = found ?? run.font;
      if (drawnWith !== font) {
        if (at > start) pieces.push({ font: font!, text: run.text.slice(start, at) });
        font = drawnWith;
        start = at;
      }
      at += char.length;
    }
    if (at > start) pieces.push({ font: font!, text: run.text.slice(start, at) });
    return { pieces, missing: [...missing].map(([to, chars]) => ({ to, chars: [...chars] })) };
  }

  /**
   * How many lines a paragraph takes in a width (points), breaking as LibreOffice and PowerPoint
   * do. With `atMost`, counting stops past it: the answer is then `atMost + 1`, "more", which is
   * all a title fitted on two or three lines needs to know, at each size it tries, however long
   * the title is.
   */
  lineCount(paragraph: PlacedParagraph, widthPt: number, atMost = Infinity): number {
    return this.lines(paragraph, widthPt, atMost + 1).length;
  }

  /**
   * The paragraph's lines as [start, end) offsets into its text. Breaks follow UAX #14; a piece
   * wider than the line is broken between characters, as renderers do. With `limit`, only the
   * first `limit` lines are found.
   */
  lines(paragraph: PlacedParagraph, widthPt: number, limit = Infinity): [number, number][] {
    const available = Math.max((widthPt - paragraph.marginInches * POINTS_PER_INCH) * WIDTH_SAFETY, 1);
    const { text, styleAt } = flatten(paragraph.runs);
    const measure = (from: number, to: number) => {
      let width = 0;
      let at = from;
      while (at < to) {
        const { style, end } = styleAt(at);
        const stop = Math.min(end, to);
        if (style) width += this.width(text.slice(at, stop), style);
        at = stop;
      }
      return width;
    };
    const lines: [number, number][] = [];
    let lineStart = 0;
    let lineWidth = 0;
    let last = 0;
    const breaker = new LineBreaker(text);
    for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) {
      const piece = text.slice(last, next.position);
      // Trailing spaces hang past the edge; they never push a word to the next line.
      // (The lookbehind tries a run of spaces from its first only: from each, it would be quadratic.)
      const visible = piece.replace(/(?<![ \n])[ \n]+$/, '');
      const width = measure(last, last + visible.length);
      if (lineWidth + width > available && lineWidth > 0) {
        if (lines.push([lineStart, last]) >= limit) return lines;
        lineStart = last;
        lineWidth = 0;
      }
      if (width > available) {
        // A word longer than the line breaks between characters.
        let start = last;
        for (const char of visible) {
          const charWidth = measure(start, start + char.length);
          if (lineWidth + charWidth > available && lineWidth > 0) {
            if (lines.push([lineStart, start]) >= limit) return lines;
            lineStart = start;
            lineWidth = 0;
          }
          lineWidth += charWidth;
          start += char.length;
        }
        lineWidth += measure(last + visible.length, next.position);
      } else {
        lineWidth += measure(last, next.position);
      }
      last = next.position;
      if (next.required && last < text.length) {
        if (lines.push([lineStart, last]) >= limit) return lines;
        lineStart = last;
        lineWidth = 0;
      }
    }
    lines.push([lineStart, text.length]);
    // A break at the very end still starts a line: renderers draw it empty, and it takes its height.
    if (text.endsWith('\n')) lines.push([text.length, text.length]);
    return lines;
  }

  /**
   * The height, in inches, that paragraphs take in a frame (or, with `spacing` 'cell', a table
   * cell) of this width, insets included.
   */
  paragraphsHeight(paragraphs: readonly PlacedParagraph[], widthInches: number, insetInches: number, spacing: LineSpacing = 'frame'): number {
    const widthPt = (widthInches - 2 * insetInches) * POINTS_PER_INCH;
    const points = paragraphs.reduce((sum, paragraph, index) => {
      const after = index < paragraphs.length - 1 ? paragraph.spaceAfterPt : 0;
      return sum + this.lineCount(paragraph, widthPt) * this.paragraphLineHeight(paragraph, spacing) + paragraph.spaceBeforePt + after;
    }, 0);
    return points / POINTS_PER_INCH + 2 * insetInches;
  }

  /** The width, in inches, of a paragraph's longest word and of its whole text on one line. */
  naturalWidths(paragraphs: readonly PlacedParagraph[]): { word: number; line: number } {
    let word = 0;
    let line = 0;
    for (const paragraph of paragraphs) {
      let total = paragraph.marginInches * POINTS_PER_INCH;
      for (const run of paragraph.runs) {
        if (run.type === 'break') continue;
        total += this.width(run.text, run);
        for (const piece of run.text.split(/\s+/)) word = Math.max(word, this.width(piece, run));
      }
      line = Math.max(line, total);
    }
    return { word: word / POINTS_PER_INCH / WIDTH_SAFETY, line: line / POINTS_PER_INCH / WIDTH_SAFETY };
  }
}

function largestSize(paragraph: PlacedParagraph): number {
  return paragraph.runs.reduce((size, run) => (run.type === 'break' ? size : Math.max(size, run.sizePt)), paragraph.endSizePt);
}

/**
 * A paragraph's runs as one string (line breaks as "\n") and a lookup of the style at an offset,
 * by binary search: a word of many runs (`**a**b**a**b…`) is measured character by character,
 * and a search through every run for each would be quadratic.
 */
function flatten(runs: readonly PlacedRun[]): { text: string; styleAt: (offset: number) => { style: StyledText | undefined; end: number } } {
  // Empty runs hold no offset; without them the spans tile the text, in order.
  const spans: { start: number; end: number; style: StyledText | undefined }[] = [];
  let text = '';
  for (const run of runs) {
    const piece = run.type === 'break' ? '\n' : run.text;
    if (piece) spans.push({ start: text.length, end: text.length + piece.length, style: run.type === 'break' ? undefined : run });
    text += piece;
  }
  return {
    text,
    styleAt: (offset) => {
      let low = 0;
      let high = spans.length - 1;
      while (low <= high) {
        const middle = (low + high) >>> 1;
        const span = spans[middle]!;
        if (offset < span.start) high = middle - 1;
        else if (offset >= span.end) low = middle + 1;
        else return { style: span.style, end: span.end };
      }
      return { style: undefined, end: text.length };
    },
  };
}
