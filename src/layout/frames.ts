import type { Box } from '../theme/schema.js';

/**
 * Placed frames: everything the renderer needs, already decided. Geometry in inches,
 * type in points, colours as hex. The renderer makes no layout decision of its own.
 */
export interface RunStyle {
  font: string;
  sizePt: number;
  color: string;
  bold: boolean;
  italic: boolean;
  strike: boolean;
  superscript?: boolean | undefined;
}

export type PlacedRun =
  | ({
      type: 'text';
      text: string;
      href?: string | undefined;
      /** Written by deckdown (task boxes), not by the author: a font substitution in it is not reported. */
      generated?: boolean | undefined;
    } & RunStyle)
  | { type: 'break' }
  | ({ type: 'slide-number'; text: string } & RunStyle);

export type Bullet = { type: 'none' } | { type: 'char'; char: string; color: string } | { type: 'number'; startAt: number; color: string };

export interface PlacedParagraph {
  runs: PlacedRun[];
  align: 'left' | 'center' | 'right';
  /** List nesting level, 0 for plain paragraphs. */
  level: number;
  bullet: Bullet;
  /** Left margin of the text and, for bullets, how far the bullet hangs to the left of it. */
  marginInches: number;
  hangInches: number;
  spaceBeforePt: number;
  spaceAfterPt: number;
  lineSpacing: number;
  /** The size an empty paragraph takes, so blank lines keep their height. */
  endSizePt: number;
}

export interface TextFrame {
  kind: 'text';
  name: string;
  box: Box;
  anchor: 'top' | 'middle' | 'bottom';
  insetInches: number;
  paragraphs: PlacedParagraph[];
}

export interface RectFrame {
  kind: 'rect';
  name: string;
  box: Box;
  color: string;
}

export interface ImageFrame {
  kind: 'image';
  name: string;
  box: Box;
  path: string;
  alt: string;
}

export interface TableCellFrame {
  paragraphs: PlacedParagraph[];
  fill?: string | undefined;
}

export interface TableFrame {
  kind: 'table';
  name: string;
  box: Box;
  columnWidthsInches: number[];
  rowHeightsInches: number[];
  borderColor: string;
  insetInches: number;
  /** The first row is the header. */
  rows: TableCellFrame[][];
}

export interface ChartFrame {
  kind: 'chart';
  name: string;
  box: Box;
  chart: 'bar' | 'line' | 'pie' | 'doughnut';
  categories: string[];
  series: { name: string; values: number[] }[];
  colors: string[];
  font: string;
  fontSizePt: number;
  textColor: string;
}

export type Frame = TextFrame | RectFrame | ImageFrame | TableFrame | ChartFrame;

export interface PlacedBackground {
  color: string;
  imagePath?: string | undefined;
}

export interface PlacedSlide {
  background: PlacedBackground;
  frames: Frame[];
  notes: PlacedParagraph[];
}

export interface PlacedDeck {
  widthInches: number;
  heightInches: number;
  lang: string;
  slides: PlacedSlide[];
}
