import type { Template, TemplateLayout } from '../template/open-template.js';
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
  subscript?: boolean | undefined;
  underline?: boolean | undefined;
  smallCaps?: boolean | undefined;
}

export function runStyle(font: string, sizePt: number, color: string, bold = false): RunStyle {
  return { font, sizePt, color, bold, italic: false, strike: false };
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

/** A paragraph's marker; a character bullet names its font when the bullet font (Arial) lacks it. */
export type Bullet = { type: 'none' } | { type: 'char'; char: string; color: string; font?: string | undefined } | { type: 'number'; startAt: number; color: string };

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
  /** A visible border, for a frame that stands in for a missing picture. */
  outline?: string | undefined;
  /** A panel behind the text: code on the theme's code background. */
  fill?: string | undefined;
  /** Set on a frame that reaches past its text (see `stackBlocks`): the height the text takes, from the frame's top. */
  textHeightInches?: number | undefined;
}

export interface RectFrame {
  kind: 'rect';
  name: string;
  box: Box;
  color: string;
  /** How much shows through, in percent: a scrim lets a little of the picture behind it through. */
  transparency?: number | undefined;
}

/** What is cut off each side of a picture, in thousandths of a percent (OOXML's unit): 12500 is 12.5 %. */
export interface Crop {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface ImageFrame {
  kind: 'image';
  name: string;
  box: Box;
  path: string;
  alt: string;
  /** For a picture that covers its box: the part of it outside the box. */
  crop?: Crop | undefined;
  /**
   * Skipped by screen readers (PowerPoint's "Mark as decorative"): a layout's logo that a slide
   * draws itself, which the layout's own would not have been read as either.
   */
  decorative?: true | undefined;
}

export interface TableCellFrame {
  paragraphs: PlacedParagraph[];
}

export interface TableFrame {
  kind: 'table';
  name: string;
  box: Box;
  columnWidthsInches: number[];
  rowHeightsInches: number[];
  insetInches: number;
  /** The first row is the header. Borders and fills are the deck's table style's. */
  rows: TableCellFrame[][];
}

export interface ChartFrame {
  kind: 'chart';
  name: string;
  box: Box;
  chart: 'bar' | 'line' | 'pie' | 'doughnut';
  categories: string[];
  series: { name: string; values: number[] }[];
  /** Digits after the decimal mark in value labels. */
  decimals: number;
  colors: string[];
  font: string;
  fontSizePt: number;
  /** Labels, legend and values: the theme's text colour, so they read on its background. */
  textColor: string;
  /** Value labels: the text colour. */
  labelColor: string;
  /** A doughnut's labels sit on its slices: for each slice, the colour that reads on it. */
  sliceLabelColors?: string[] | undefined;
  /** The light lines a chart keeps: gridlines where values are not labelled. */
  gridColor: string;
}

/** One placed object on a slide: text, a rectangle, a picture, a table or a chart. */
export type Frame = TextFrame | RectFrame | ImageFrame | TableFrame | ChartFrame;

export interface PlacedBackground {
  color: string;
  imagePath?: string | undefined;
  /** A background picture covers the slide, its aspect ratio kept: this is what falls outside. */
  crop?: Crop | undefined;
}

/** The crop that makes a picture of one aspect ratio (width / height) cover a box of another, centred. */
export function coverCrop(pictureAspect: number, boxAspect: number): Crop {
  // Too wide a picture loses its sides, too tall a picture its top and bottom.
  const side = pictureAspect > boxAspect ? Math.round(50000 * (1 - boxAspect / pictureAspect)) : 0;
  const edge = pictureAspect < boxAspect ? Math.round(50000 * (1 - pictureAspect / boxAspect)) : 0;
  return { left: side, right: side, top: edge, bottom: edge };
}

export type LayoutName = 'title' | 'section' | 'agenda' | 'content' | 'columns' | 'image' | 'quote' | 'stat' | 'chart' | 'end';

/** A layout's variant: its frames for a title on two lines, with the rule and the body one title line lower. */
export type LayoutVariant = 'two-line title';

/** A slide with every frame placed: what the renderer draws. */
export interface PlacedSlide {
  /** The slide layout (PowerPoint's) it is based on. */
  layout: LayoutName;
  /** Set on a slide whose frames are those of its layout's variant, which it is then based on. */
  variant?: LayoutVariant | undefined;
  background: PlacedBackground;
  frames: Frame[];
  notes: PlacedParagraph[];
  /** Ids that `#id` links to this slide use. */
  anchors?: string[] | undefined;
  /**
   * Set on a slide that hides its layout's shapes (PowerPoint's "Hide background graphics"): its
   * title rule stands elsewhere, or it has none, so it draws the rest of them itself.
   */
  hidesLayoutShapes?: true | undefined;
}

/** How a paragraph is set, apart from its text: what a list level of a placeholder gives its paragraphs. */
export type ParagraphLook = Omit<PlacedParagraph, 'runs' | 'level' | 'endSizePt'>;

/** The text style of a placeholder or a notes page: its runs' style and the look of each list level, from the first. */
export interface PlacedTextStyle {
  style: RunStyle;
  levels: ParagraphLook[];
}

/** A placeholder of a slide layout: where it is and how text typed into it looks. */
export interface PlacedPlaceholder extends PlacedTextStyle {
  box: Box;
  anchor: TextFrame['anchor'];
  insetInches: number;
}

/**
 * A named PowerPoint slide layout: its background, the shapes every slide on it shows, and its
 * title and body placeholders, so that a slide added by hand matches the generated ones.
 */
export interface PlacedLayout {
  layout: LayoutName;
  variant?: LayoutVariant | undefined;
  name: string;
  background: PlacedBackground;
  decorations: (RectFrame | ImageFrame)[];
  title: PlacedPlaceholder;
  body?: PlacedPlaceholder | undefined;
  /** Where PowerPoint's Header & Footer dialog puts the footer, the date and the slide number. */
  footer: PlacedPlaceholder;
  date: PlacedPlaceholder;
  slideNumber: PlacedPlaceholder;
}

/** The theme's colour and font scheme, for the deck's theme part. */
export interface PlacedScheme {
  name: string;
  dark1: string;
  light1: string;
  dark2: string;
  light2: string;
  accents: string[];
  link: string;
  headingFont: string;
  bodyFont: string;
}

/** A template the deck is built on: its package, and the template layout each deckdown layout uses. */
export interface PlacedTemplate {
  template: Template;
  layouts: Record<LayoutName, TemplateLayout>;
  /** The template's blank layout, for a slide with neither title nor content, as pandoc uses it. */
  blank?: TemplateLayout | undefined;
}

/** A table style: lines around and between every cell, a header row and every second body row filled. */
export interface PlacedTableStyle {
  name: string;
  border: string;
  borderPt: number;
  header: string;
  headerText: string;
  stripe: string;
}

/** Every slide placed, with the layouts and colour scheme: the renderer's whole input. */
export interface PlacedDeck {
  widthInches: number;
  heightInches: number;
  lang: string;
  layouts: PlacedLayout[];
  scheme: PlacedScheme;
  slides: PlacedSlide[];
  /** The notes master's text style, which notes pages take. */
  notes: PlacedTextStyle;
  /** The one table style every table takes its borders and fills from. */
  tableStyle: PlacedTableStyle;
  template?: PlacedTemplate | undefined;
}

/** The slide layout a slide is based on: its layout's variant where it takes one. */
export function layoutOf(deck: Pick<PlacedDeck, 'layouts'>, slide: Pick<PlacedSlide, 'layout' | 'variant'>): PlacedLayout | undefined {
  return deck.layouts.find((layout) => layout.layout === slide.layout && layout.variant === slide.variant);
}
