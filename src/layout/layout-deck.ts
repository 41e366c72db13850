import type { RuleId } from '../diagnostics/rules.js';
import { limitsWith, overLimit, type Limits } from '../limits.js';
import type { ImageInfo } from '../media/image-info.js';
import { blockRuns } from '../outline/block-runs.js';
import { runsToText } from '../outline/inline.js';
import { deckWords, type Words } from '../outline/locale.js';
import type { AgendaSlide, Block, BodySlide, Deck, Footnote, Inline, Position, Slide } from '../outline/schema.js';
import type { Box, Theme } from '../theme/schema.js';
import { coverCrop, runStyle, type Frame, type PlacedBackground, type PlacedDeck, type PlacedLayout, type PlacedParagraph, type PlacedSlide, type RunStyle } from './frames.js';
import type { Measurer } from './measure.js';
import { isTextBlock } from '../outline/block-kinds.js';
import { blocksToParagraphs, lineStyle, plainLook, textStyle, type TextStyle } from './paragraphs.js';
import { layoutMasters, tableStyle, themeScheme, variantLayout } from './masters.js';
import { nameCounter, type PlaceContext } from './place-context.js';
import { balance, paginate, type FitsPage } from './paginate.js';
import { fromUnits, toUnits } from './split-blocks.js';
import { stackBlocks, stackNeeded, textFrame } from './stack.js';
import { legibleOnPicture } from './on-picture.js';
import { BACKGROUND_PICTURE, onLayoutShapes, TITLE_RULE } from './layout-shapes.js';
import { readPixels, type Pixels } from '../media/picture-colours.js';
import { balanceLines, keepTogether } from './title-lines.js';

export interface LayoutMessage {
  ruleId: RuleId;
  reason: string;
  position?: Position | undefined;
}

/** What fitting did to one outline slide: the sizes it set and the slides it continued onto. */
export interface SlideFit {
  /** The number of the first placed slide made from it. */
  slide: number;
  title: string;
  position?: Position | undefined;
  /** The body size used, in points, when smaller than the theme's. */
  bodyPt?: number | undefined;
  /** The title size used, in points, when smaller than the theme's. */
  titlePt?: number | undefined;
  /** How many further slides its content continued onto. */
  continuations: number;
  /** Content that fits nowhere even at the floor, after splitting. */
  overflow: boolean;
}

export interface LayoutResult {
  deck: PlacedDeck;
  fit: SlideFit[];
  messages: LayoutMessage[];
}

export interface LayoutInputs {
  /** Picture sizes, read at the edge. */
  images: ReadonlyMap<string, ImageInfo>;
  measure: Measurer;
  /** Budgets of the build: the slides a deck may have, continuations included. Defaults when not given. */
  limits?: Limits | undefined;
}

/** A slide whose body is fitted: the body layouts, and the agenda, whose list is fitted like any body. */
type FittedSlide = Omit<BodySlide, 'layout'> & { layout: BodySlide['layout'] | 'agenda' };

/** Overflow below this many inches is rounding, not a problem. */
const TOLERANCE = 0.01;

/** One paragraph of runs in a single style: titles, subtitles, footers. */
function line(theme: Theme, runs: readonly Inline[], base: RunStyle, align: PlacedParagraph['align'] = 'left'): PlacedParagraph[] {
  return blocksToParagraphs([{ type: 'paragraph', runs: [...runs] }], lineStyle(theme, base, align));
}

/**
 * The theme with the body set at `bodyPt`: code, tables, quotes and captions shrink in
 * proportion, none below its floor.
 */
function scaledTheme(theme: Theme, bodyPt: number): Theme {
  if (bodyPt === theme.sizes.body) return theme;
  const ratio = bodyPt / theme.sizes.body;
  const { sizes, floors } = theme;
  const scale = (size: number, floor: number) => Math.max(Math.round(size * ratio * 2) / 2, Math.min(floor, size));
  return {
    ...theme,
    sizes: {
      ...sizes,
      body: bodyPt,
      code: scale(sizes.code, floors.code),
      table: scale(sizes.table, floors.table),
      quote: scale(sizes.quote, floors.body),
      statCaption: scale(sizes.statCaption, floors.body),
      statFigure: scale(sizes.statFigure, floors.body),
    },
  };
}

/**
 * The body sizes fitting chooses from, largest first: the theme's type scale, or one made from
 * its body size and floor (28 / 24 / 20 / 18 for 28 and 18). The scale starts at the body size:
 * where a template or a theme that extends another sets a different body size, the theme's
 * scale keeps its proportions from there, in half points.
 */
export function bodyScale(theme: Theme): number[] {
  const { body } = theme.sizes;
  const floor = Math.min(theme.floors.body, body);
  const points = (ratio: number) => Math.round(body * ratio * 2) / 2;
  const steps = theme.scale ? theme.scale.map((size) => points(size / theme.scale![0]!)) : [...[1, 6 / 7, 5 / 7].map(points), floor];
  return [...new Set(steps.map((size) => Math.max(size, floor)))].sort((a, b) => b - a);
}

interface SlideContext {
  theme: Theme;
  deck: Deck;
  words: Words;
  inputs: LayoutInputs;
  messages: LayoutMessage[];
  slide: Slide;
  /** The number of the first placed slide made from it. */
  number: number;
}

function placeContext(theme: Theme, style: TextStyle, slide: SlideContext): PlaceContext {
  return {
    theme,
    images: slide.inputs.images,
    style,
    name: nameCounter(),
    measure: slide.inputs.measure,
    warn: (ruleId, reason) => slide.messages.push({ ruleId, reason: `slide ${slide.number}: ${reason}`, position: slide.slide.position }),
  };
}

/** A context for measuring only: nothing it places is kept, nothing it finds is reported. */
function probeContext(theme: Theme, style: TextStyle, slide: SlideContext): PlaceContext {
  return { ...placeContext(theme, style, slide), warn: () => undefined };
}

/**
 * The largest size, down to the floor, at which a line of text fits its box in at most
 * `maxLines` lines (titles: two). Measured as drawn, fallback fonts included.
 */
function setLine(runs: readonly Inline[], box: Box, base: RunStyle, floorPt: number, align: PlacedParagraph['align'], slide: SlideContext, maxLines: number): { paragraphs: PlacedParagraph[]; fits: boolean } {
  const { theme, inputs } = slide;
  const widthPt = (box.w - 2 * theme.spacing.insetInches) * 72;
  for (let size = base.sizePt; ; size -= 1) {
    const paragraphs = line(theme, runs, { ...base, sizePt: Math.max(size, floorPt) }, align);
    const drawn = paragraphs.map((paragraph) => ({ ...paragraph, runs: inputs.measure.cover(paragraph.runs).runs }));
    const fits = drawn.every((paragraph) => inputs.measure.lineCount(paragraph, widthPt, maxLines) <= maxLines) && inputs.measure.paragraphsHeight(drawn, box.w, theme.spacing.insetInches) <= box.h + TOLERANCE;
    if (fits || size <= floorPt) return { paragraphs, fits };
  }
}

/** `setLine`, reporting text that does not fit even at the floor. */
function fitLine(runs: readonly Inline[], box: Box, base: RunStyle, floorPt: number, align: PlacedParagraph['align'], slide: SlideContext, what: string, maxLines = 2): PlacedParagraph[] {
  const { paragraphs, fits } = setLine(runs, box, base, floorPt, align, slide, maxLines);
  if (!fits) slide.messages.push({ ruleId: 'text-overflow', reason: `slide ${slide.number}: the ${what} "${runsToText(runs)}" does not fit its frame even at ${titleSize(paragraphs)} pt`, position: slide.slide.position });
  return paragraphs;
}

/**
 * A title, fitted on at most two lines: quoted names and numbers with their units kept on one
 * line, and two lines broken where they come out even.
 */
function fitTitle(runs: readonly Inline[], box: Box, base: RunStyle, slide: SlideContext): PlacedParagraph[] {
  const { theme, inputs } = slide;
  const paragraphs = fitLine(keepTogether(runs), box, base, theme.floors.title, 'left', slide, 'title');
  const widthPt = (box.w - 2 * theme.spacing.insetInches) * 72;
  return paragraphs.map((paragraph) => balanceLines(paragraph, widthPt, inputs.measure));
}

/** A body slide's head: its title, set down from a fixed top edge, the rule under it, and how far a long title pushes the body down. */
interface Head {
  paragraphs: PlacedParagraph[];
  box: Box;
  anchor: 'top' | 'bottom';
  rule?: Box | undefined;
  push: number;
}

/**
 * A body slide's title from a fixed top edge: the edge where a one-line title stands, so that
 * every title starts at the same height. A one-line title stands on the foot of its layout's
 * title frame, so that its distance to the rule is the layout's wherever a renderer's line
 * height differs from the measured one. A title is never set smaller than the body can be (the
 * type scale's first size): on two lines, or on three, pushing the rule and the body down,
 * before it shrinks to the title floor.
 */
function setHead(title: readonly Inline[], layout: FittedSlide['layout'], context: SlideContext): Head {
  const { theme, inputs } = context;
  const { colors, fonts, sizes } = theme;
  const boxes = theme.layouts[layout];
  const inset = theme.spacing.insetInches;
  const oneLine = titleHeight(1, context);
  const room = { ...boxes.title, y: titleTop(boxes.title, oneLine), h: 3 * oneLine };
  const base = runStyle(fonts.heading, sizes.slideTitle, colors.heading, true);
  const kept = keepTogether(title);
  const bodyFloor = Math.min(Math.max(theme.floors.title, bodyScale(theme)[0]!), sizes.slideTitle);
  // Two lines if the title fits on two at a size it may take, else three: three are tried only then.
  let set: ReturnType<typeof setLine> | undefined;
  for (const lines of [2, 3]) {
    const attempt = setLine(kept, room, base, bodyFloor, 'left', context, lines);
    if (attempt.fits) {
      set = attempt;
      break;
    }
  }
  const widthPt = (room.w - 2 * inset) * 72;
  const paragraphs = (set?.paragraphs ?? fitLine(kept, room, base, theme.floors.title, 'left', context, 'title', 3)).map((paragraph) => balanceLines(paragraph, widthPt, inputs.measure));
  const height = inputs.measure.paragraphsHeight(paragraphs.map((paragraph) => ({ ...paragraph, runs: inputs.measure.cover(paragraph.runs).runs })), room.w, inset);
  // One line at the full size stands where the layout's title does, on its foot: in the layout's
  // own frame, which the slide then inherits. Any other title hangs from the top edge, and so does
  // one with a link, whose line LibreOffice sets taller than its text, lifting it off the foot.
  const linked = paragraphs.some((paragraph) => paragraph.runs.some((run) => run.type === 'text' && run.href !== undefined));
  const inLayout = Math.abs(height - oneLine) < 1e-9 && !linked;
  const hung = hungHead(boxes, oneLine, height);
  return { paragraphs, box: inLayout ? boxes.title : hung.box, anchor: inLayout ? 'bottom' : 'top', rule: hung.rule, push: hung.push };
}

/** The height of a title of so many lines at its full size, as a text frame measures it. */
function titleHeight(lines: number, { theme, inputs }: Pick<SlideContext, 'theme' | 'inputs'>): number {
  return (lines * inputs.measure.lineHeight(theme.sizes.slideTitle, 1)) / 72 + 2 * theme.spacing.insetInches;
}

/** The top edge titles hang from: where a one-line title at its full size starts, on the foot of its layout's frame. */
function titleTop(title: Box, oneLine: number): number {
  return title.y + title.h - oneLine;
}

/** A title `height` inches tall hung from the top edge: its frame, its rule, and how far it pushes the body down. */
function hungHead(boxes: Theme['layouts'][FittedSlide['layout']], oneLine: number, height: number): { box: Box; rule: Box | undefined; push: number } {
  const top = titleTop(boxes.title, oneLine);
  const push = Math.max(0, top + height - (boxes.title.y + boxes.title.h));
  return { box: { ...boxes.title, y: top, h: height }, rule: boxes.rule && { ...boxes.rule, y: boxes.rule.y + push }, push };
}

/**
 * A headed layout's variant for a title on two lines at its full size, the commonest long title:
 * its title frame, rule and body are where such a title puts them, so that a slide with one is
 * based on the variant and draws none of them itself.
 */
function twoLineTitleLayout(layout: FittedSlide['layout'], context: Pick<SlideContext, 'theme' | 'inputs'>): PlacedLayout {
  const { theme } = context;
  const boxes = theme.layouts[layout];
  const { box, rule, push } = hungHead(boxes, titleHeight(1, context), titleHeight(2, context));
  const moved = pushedDown(theme, layout, push);
  return variantLayout(layout, { ...moved, layouts: { ...moved.layouts, [layout]: { ...moved.layouts[layout], title: box, rule } } }, 'two-line title');
}

/** A title set as a head, with the messages setting it gave, which are told where the title is placed. */
type HeadOf = (title: Inline[]) => { head: Head; messages: LayoutMessage[] };

/**
 * Each title of a slide set once: fitting the body under it and placing each page under it ask
 * for the same head, and setting a title measures it at every size and break it tries.
 */
function headsOf(layout: FittedSlide['layout'], context: SlideContext): HeadOf {
  const heads = new Map<Inline[], ReturnType<HeadOf>>();
  return (title) => {
    let set = heads.get(title);
    if (!set) {
      const messages: LayoutMessage[] = [];
      heads.set(title, (set = { head: setHead(title, layout, { ...context, messages }), messages }));
    }
    return set;
  };
}

/** The theme with a layout's body (and picture) frames moved down by `push` inches, for a slide whose title takes more room. */
function pushedDown(theme: Theme, layout: FittedSlide['layout'], push: number): Theme {
  if (push <= 0) return theme;
  const down = (box: Box): Box => ({ ...box, y: box.y + push, h: Math.max(box.h - push, 0.1) });
  const boxes = theme.layouts[layout];
  const moved = { ...boxes, body: down(boxes.body), ...('picture' in boxes ? { picture: down(boxes.picture) } : {}) };
  return { ...theme, layouts: { ...theme.layouts, [layout]: moved } };
}

/**
 * Slides whose title stands from a fixed top edge with the rule under it: every body layout but
 * the closing one, in a theme that rules its titles. On a template, titles keep the template's
 * own frames.
 */
const headed = (layout: FittedSlide['layout'], theme: Theme) => layout !== 'end' && theme.layouts[layout].rule !== undefined;

function titleSize(paragraphs: PlacedParagraph[]): number {
  const run = paragraphs[0]?.runs.find((candidate) => candidate.type === 'text');
  return run && run.type === 'text' ? run.sizePt : 0;
}

/** Footer text and slide number; `color` follows the slide's background. */
function footerFrames(theme: Theme, deck: Deck, number: number, color: string, ctx: PlaceContext): Frame[] {
  const style = runStyle(theme.fonts.body, theme.sizes.footer, color);
  const frames: Frame[] = [];
  if (deck.meta.footer) {
    frames.push(textFrame('Footer', theme.footer.text, line(theme, [{ type: 'text', text: deck.meta.footer }], style), ctx, 'middle'));
  }
  if (deck.meta.slideNumbers) {
    const [paragraph] = line(theme, [], style, 'right');
    frames.push(textFrame('Slide Number', theme.footer.slideNumber, [{ ...paragraph!, runs: [{ type: 'slide-number', text: String(number), ...style }] }], ctx, 'middle'));
  }
  return frames;
}

/**
 * A background picture that has a description (Marp's `![bg A steppe at dusk](…)`), or that is
 * to be seen whole (`contain`), is placed as a picture behind everything else on the slide: a
 * slide background can carry no alt text and is always cropped to the slide.
 */
function pictureBehind(placed: PlacedSlide, slide: Slide, images: ReadonlyMap<string, ImageInfo>, theme: Theme): PlacedSlide {
  const { imagePath, crop, ...rest } = placed.background;
  const info = slide.background?.image ? images.get(slide.background.image) : undefined;
  const contain = slide.background?.fit === 'contain';
  if (!imagePath || !info || (!slide.background?.alt && !contain)) return placed;
  const { widthInches: w, heightInches: h } = theme.slide;
  const aspect = info.widthPx / info.heightPx;
  // Seen whole: as large as the slide allows, centred.
  const box = contain ? (aspect > w / h ? { x: 0, y: (h - w / aspect) / 2, w, h: w / aspect } : { x: (w - h * aspect) / 2, y: 0, w: h * aspect, h }) : { x: 0, y: 0, w, h };
  const picture = { kind: 'image' as const, name: BACKGROUND_PICTURE, box, path: imagePath, alt: slide.background?.alt ?? '', ...(crop && !contain ? { crop } : {}) };
  return { ...placed, background: rest, frames: [picture, ...placed.frames] };
}

function background(slide: Pick<Slide, 'background'>, color: string, images: ReadonlyMap<string, ImageInfo>, theme: Theme): PlacedBackground {
  const image = slide.background?.image ? images.get(slide.background.image) : undefined;
  if (!image) return { color: slide.background?.color ?? color };
  const crop = coverCrop(image.widthPx / image.heightPx, theme.slide.widthInches / theme.slide.heightInches);
  return { color: slide.background?.color ?? color, imagePath: image.path, ...(Object.values(crop).some(Boolean) ? { crop } : {}) };
}

function footnoteParagraphs(footnotes: readonly Footnote[], theme: Theme): PlacedParagraph[] {
  const style = lineStyle(theme, runStyle(theme.fonts.body, theme.sizes.footnote, theme.colors.muted));
  return footnotes.flatMap((note) => blocksToParagraphs([{ type: 'paragraph', runs: [{ type: 'text', text: note.label, superscript: true }, { type: 'text', text: ' ' }, ...note.runs] }], style));
}

/** The body's regions: where each group of blocks is stacked, for each layout. */
function regions(layout: FittedSlide['layout'], body: readonly Block[], box: Box, theme: Theme): { blocks: Block[]; box: Box; align: 'top' | 'middle' }[] {
  switch (layout) {
    case 'quote':
    case 'stat':
      return [{ blocks: [...body], box, align: 'middle' }];
    case 'image': {
      const text = body.filter(isTextBlock);
      const pictures = body.filter((block) => !isTextBlock(block));
      const picture = theme.layouts.image.picture;
      // Without text, pictures take the whole width of both boxes.
      if (text.length === 0) return [{ blocks: pictures, box: { ...box, w: picture.x + picture.w - box.x }, align: 'middle' }];
      return [
        { blocks: text, box, align: 'top' },
        { blocks: pictures, box: { ...picture, h: Math.min(picture.h, box.h) }, align: 'middle' },
      ];
    }
    default:
      return [{ blocks: [...body], box, align: 'top' }];
  }
}

/** A quote this short (in characters) is set larger, as a pull quote. */
const SHORT_QUOTE = 100;

/** A pull quote: a quarter larger than a quote, but no larger than the slide's title. */
export function pullQuoteSize(theme: Theme): number {
  return Math.min(Math.round(theme.sizes.quote * 1.25), theme.sizes.slideTitle);
}

/**
 * The body's text style: a quote sized by its length; on a figures slide, the text beside the
 * figures smaller than their captions, so the figure leads, then its caption, then the rest; the
 * agenda as a list of sections.
 */
function bodyStyle(slide: FittedSlide, theme: Theme): TextStyle {
  const { colors, fonts, sizes } = theme;
  switch (slide.layout) {
    case 'quote': {
      const length = slide.body.flatMap(blockRuns).flat().reduce((sum, run) => sum + (run.type === 'text' ? run.text.length : 0), 0);
      return textStyle(theme, runStyle(fonts.body, length <= SHORT_QUOTE ? pullQuoteSize(theme) : sizes.quote, colors.text));
    }
    case 'stat':
      return textStyle(theme, runStyle(fonts.body, Math.min(sizes.body, Math.round((sizes.statCaption * 5) / 6)), colors.text));
    case 'end':
      return textStyle(theme, runStyle(fonts.body, sizes.body, colors.titleText));
    case 'agenda':
      // The sections as a designer lists them: names in the heading face and colour, spaced apart, numbered in the accent.
      return textStyle(theme, runStyle(fonts.heading, sizes.body, colors.heading, true), { spaceAfterPt: theme.spacing.paragraphAfterPt * 2 });
    default:
      return textStyle(theme, runStyle(fonts.body, sizes.body, colors.text));
  }
}

/** A quote slide's accent: a bar in the accent colour along the quote's left edge. */
function quoteRule(frames: readonly Frame[], theme: Theme): Frame[] {
  const quote = frames.find((frame) => frame.kind === 'text' && frame.name === 'Body');
  if (!quote) return [];
  const inset = theme.spacing.insetInches;
  const width = 0.08;
  return [{ kind: 'rect', name: 'Quote Rule', box: { x: Math.max(quote.box.x - 3 * width, 0), y: quote.box.y + inset, w: width, h: Math.max(quote.box.h - 2 * inset, width) }, color: theme.colors.accent }];
}

/** A page of a body slide: its blocks, and the footnotes its text references. */
interface Page {
  body: Block[];
  footnotes: Footnote[];
}

/** The footnote labels referenced in blocks: their superscript runs, however deeply nested. */
function referencedLabels(blocks: readonly Block[]): Set<string> {
  const labels = new Set<string>();
  for (const run of blocks.flatMap(blockRuns).flat()) if (run.type === 'text' && run.superscript) labels.add(run.text);
  return labels;
}

function pageOf(body: Block[], slide: FittedSlide, first: boolean): Page {
  // Footnotes go with the text that references them; the first page keeps any that nothing references.
  const labels = referencedLabels(body);
  const all = referencedLabels(slide.body);
  return { body, footnotes: slide.footnotes.filter((note) => labels.has(note.label) || (first && !all.has(note.label))) };
}

/** The body box left once the footnotes have their place at its foot. */
function bodyBox(layout: FittedSlide['layout'], footnotes: readonly Footnote[], theme: Theme, measure: Measurer): { body: Box; footnotes?: { box: Box; paragraphs: PlacedParagraph[] } } {
  const body = theme.layouts[layout].body;
  if (footnotes.length === 0) return { body };
  const paragraphs = footnoteParagraphs(footnotes, theme);
  const height = measure.paragraphsHeight(paragraphs, body.w, theme.spacing.insetInches);
  return {
    body: { ...body, h: Math.max(body.h - height - theme.spacing.gapInches / 2, 0.1) },
    footnotes: { box: { x: body.x, y: body.y + body.h - height, w: body.w, h: height }, paragraphs },
  };
}

/** How far a page's content runs past its box at a body size (negative: room to spare). */
function overflow(slide: FittedSlide, page: Page, bodyPt: number, context: SlideContext): number {
  const theme = scaledTheme(context.theme, bodyPt);
  const ctx = probeContext(theme, bodyStyle(slide, theme), context);
  const { body } = bodyBox(slide.layout, page.footnotes, theme, context.inputs.measure);
  return Math.max(...regions(slide.layout, page.body, body, theme).map((region) => stackNeeded(region.blocks, region.box.w, ctx) - region.box.h));
}

/** Whether units fit one page at a body size, leaving `slackInches` of the body free. */
function fitsAt(slide: FittedSlide, size: number, context: SlideContext): FitsPage {
  return (units, first, slackInches) => overflow(slide, pageOf(fromUnits(units), slide, first), size, context) <= TOLERANCE - slackInches;
}

/**
 * A body's pages and their one body size. A body that fits at one of the scale's first two
 * sizes is set whole at the larger; any other is split rather than shrunk: into balanced parts
 * at the second size, and at a smaller one only where a piece cannot be cut to fit.
 */
function fitBody(slide: FittedSlide, context: SlideContext): { pages: Page[]; bodyPt: number; overflow: boolean } {
  const scale = bodyScale(context.theme);
  const whole = pageOf(slide.body, slide, true);
  const unsplit = scale.slice(0, 2).find((size) => overflow(slide, whole, size, context) <= TOLERANCE);
  if (unsplit !== undefined) return { pages: [whole], bodyPt: unsplit, overflow: false };
  const steps = scale.length > 1 ? scale.slice(1) : scale;
  const height = context.theme.layouts[slide.layout].body.h;
  for (const [index, size] of steps.entries()) {
    const paginated = paginate(toUnits(slide.body), fitsAt(slide, size, context));
    if (paginated.overflow && index < steps.length - 1) continue;
    const pages = balance(paginated.pages, fitsAt(slide, size, context), height).map((units, page) => pageOf(fromUnits(units), slide, page === 0));
    return { pages, bodyPt: size, overflow: paginated.overflow };
  }
  throw new Error('internal error: a type scale without sizes');
}

function placeBodyPage(slide: FittedSlide, page: Page, bodyPt: number, title: Inline[], headOf: HeadOf, context: SlideContext, number: number): { placed: PlacedSlide; titlePt: number } {
  const theme = scaledTheme(context.theme, bodyPt);
  const { colors, fonts, sizes, layouts } = theme;
  const ctx = placeContext(theme, bodyStyle(slide, theme), context);
  const boxes = layouts[slide.layout];
  const { body, footnotes } = bodyBox(slide.layout, page.footnotes, theme, context.inputs.measure);
  const dark = slide.layout === 'end';
  const frames: Frame[] = [];
  let titlePt = 0;
  if (title.length > 0 && headed(slide.layout, theme)) {
    const { head, messages } = headOf(title);
    context.messages.push(...messages);
    titlePt = titleSize(head.paragraphs);
    frames.push(textFrame('Title', head.box, head.paragraphs, ctx, head.anchor));
    if (head.rule) frames.push({ kind: 'rect', name: TITLE_RULE, box: head.rule, color: colors.accent });
  } else if (title.length > 0) {
    const paragraphs = fitTitle(title, boxes.title, runStyle(fonts.heading, sizes.title, colors.titleText, true), context);
    titlePt = titleSize(paragraphs);
    frames.push(textFrame('Title', boxes.title, paragraphs, ctx, 'bottom'));
  }
  for (const region of regions(slide.layout, page.body, body, theme)) frames.push(...stackBlocks(region.blocks, region.box, ctx, region.align));
  if (slide.layout === 'quote') frames.push(...quoteRule(frames, theme));
  if (footnotes) frames.push(textFrame('Footnotes', footnotes.box, footnotes.paragraphs, ctx, 'bottom'));
  if (!dark) frames.push(...footerFrames(theme, context.deck, number, colors.muted, ctx));
  return { placed: { layout: slide.layout, background: background(slide, dark ? colors.titleBackground : colors.background, context.inputs.images, theme), frames, notes: [] }, titlePt };
}

/** A body slide → one placed slide, or several when its content continues. */
function layoutBodySlide(slide: FittedSlide, context: SlideContext, number: number): { placed: PlacedSlide[]; fit: SlideFit } {
  const { theme, words } = context;
  const continued: Inline[] = slide.title.length === 0 || words.continued === '' ? slide.title : [...slide.title, { type: 'text', text: ` ${words.continued}` }];
  // A long title pushes the body down, on every part alike: as far as the title does, or on a
  // slide that continues, as far as the longer of the title and its continued form does.
  const headOf = headsOf(slide.layout, context);
  const fitUnder = (titles: Inline[][]) => {
    const push = slide.title.length > 0 && headed(slide.layout, theme) ? Math.max(...titles.map((title) => headOf(title).head.push)) : 0;
    const pushed = { ...context, theme: pushedDown(theme, slide.layout, push) };
    return { pushed, ...fitBody(slide, pushed) };
  };
  const whole = fitUnder([slide.title]);
  const { pushed, pages, bodyPt, overflow: overflowed } = whole.pages.length > 1 ? fitUnder([slide.title, continued]) : whole;
  let titlePt = theme.sizes.slideTitle;
  const placed = pages.map((page, index) => {
    const title: Inline[] = index === 0 ? slide.title : continued;
    const result = placeBodyPage(slide, page, bodyPt, title, headOf, pushed, number + index);
    if (result.titlePt > 0) titlePt = Math.min(titlePt, result.titlePt);
    return result.placed;
  });
  return {
    placed,
    fit: {
      slide: number,
      title: runsToText(slide.title),
      position: slide.position,
      ...(bodyPt < theme.sizes.body ? { bodyPt } : {}),
      ...(titlePt < theme.sizes.slideTitle ? { titlePt } : {}),
      continuations: pages.length - 1,
      overflow: overflowed,
    },
  };
}

function layoutOtherSlide(slide: Exclude<Slide, BodySlide | AgendaSlide>, context: SlideContext, number: number): PlacedSlide {
  const { theme, deck, inputs } = context;
  const { colors, fonts, sizes, layouts, floors } = theme;
  const ctx = placeContext(theme, textStyle(theme, runStyle(fonts.body, sizes.body, colors.text)), context);
  switch (slide.layout) {
    case 'title': {
      const title = fitTitle(slide.title, layouts.title.title, runStyle(fonts.heading, sizes.title, colors.titleText, true), context);
      const frames: Frame[] = [textFrame('Title', layouts.title.title, title, ctx, 'bottom')];
      if (slide.subtitle) {
        const subtitle = fitLine(slide.subtitle, layouts.title.subtitle, runStyle(fonts.body, sizes.subtitle, colors.titleText), floors.body, 'left', context, 'subtitle', Infinity);
        frames.push(textFrame('Subtitle', layouts.title.subtitle, subtitle, ctx));
      }
      const meta = [slide.author, slide.date].filter((value): value is string => Boolean(value));
      if (meta.length > 0) {
        // Author and date share the frame: one line each, shrunk together until both fit.
        const runs = meta.flatMap((text, index): Inline[] => [...(index > 0 ? [{ type: 'break' as const }] : []), { type: 'text', text }]);
        frames.push(textFrame('Author', layouts.title.meta, fitLine(runs, layouts.title.meta, runStyle(fonts.body, sizes.meta, colors.titleText), Math.min(floors.body, sizes.meta), 'left', context, 'author and date', Infinity), ctx));
      }
      return { layout: 'title', background: background(slide, colors.titleBackground, inputs.images, theme), frames, notes: [] };
    }
    case 'section': {
      const title = fitTitle(slide.title, layouts.section.title, runStyle(fonts.heading, sizes.sectionTitle, colors.sectionText, true), context);
      return {
        layout: 'section',
        background: background(slide, colors.sectionBackground, inputs.images, theme),
        frames: [textFrame('Title', layouts.section.title, title, ctx, 'bottom'), ...footerFrames(theme, deck, number, colors.sectionText, ctx)],
        notes: [],
      };
    }
  }
}

/**
 * The agenda is a numbered list of the sections, fitted (and continued) like any body. Untitled,
 * it takes the deck's word for agenda.
 */
function agendaBody(slide: AgendaSlide, words: Words): FittedSlide {
  const list: Block = { type: 'list', ordered: true, items: slide.items.map((runs) => ({ blocks: [{ type: 'paragraph', runs }] })) };
  const title: Inline[] = slide.title.length > 0 || words.agenda === '' ? slide.title : [{ type: 'text', text: words.agenda }];
  return { layout: 'agenda', title, body: [list], footnotes: [], notes: slide.notes, ...(slide.position ? { position: slide.position } : {}) };
}

/** Speaker notes: black on the notes page in every theme, at the theme's notes size. */
function notesStyle(theme: Theme): TextStyle {
  const { fonts, sizes } = theme;
  return textStyle(theme, runStyle(fonts.body, sizes.notes, '000000'), { spaceAfterPt: 6, lineSpacing: 1, codeScale: sizes.notes / sizes.code });
}

function notesOf(slide: Slide, theme: Theme): PlacedParagraph[] {
  return blocksToParagraphs(slide.notes, notesStyle(theme));
}

/** The fitting report as messages: what was shrunk, what continued, what still does not fit. */
function fitMessages(fit: SlideFit, theme: Theme): LayoutMessage[] {
  const messages: LayoutMessage[] = [];
  const name = fit.title ? `slide ${fit.slide} "${fit.title}"` : `slide ${fit.slide}`;
  if (fit.bodyPt !== undefined) messages.push({ ruleId: 'text-shrunk', reason: `${name}: text set at ${fit.bodyPt} pt instead of ${theme.sizes.body} pt to fit`, position: fit.position });
  if (fit.titlePt !== undefined) messages.push({ ruleId: 'text-shrunk', reason: `${name}: title set at ${fit.titlePt} pt instead of ${theme.sizes.slideTitle} pt to fit`, position: fit.position });
  if (fit.continuations > 0) messages.push({ ruleId: 'slide-continued', reason: `${name}: continues onto ${fit.continuations} more slide${fit.continuations > 1 ? 's' : ''}`, position: fit.position });
  if (fit.overflow) messages.push({ ruleId: 'text-overflow', reason: `${name}: a block is too large for a slide even at ${theme.floors.body} pt and cannot be cut smaller`, position: fit.position });
  return messages;
}

/**
 * Deck + theme (+ picture sizes and font metrics, read at the edge) → placed frames, with
 * every position and style decided and text fitted: shrunk to the theme's floor, then
 * continued on further slides.
 */
export function layoutDeck(deck: Deck, theme: Theme, inputs: LayoutInputs): LayoutResult {
  const slides: PlacedSlide[] = [];
  const fit: SlideFit[] = [];
  const messages: LayoutMessage[] = [];
  const words = deckWords(deck.meta.lang, { agenda: deck.meta.agendaTitle, continued: deck.meta.continuedMark }, theme.words);
  const pictures = new Map<string, Pixels | undefined>();
  const layouts = layoutMasters(theme);
  const variants = new Map<PlacedLayout['layout'], PlacedLayout>();
  const variantOf = (layout: FittedSlide['layout']) => variants.get(layout) ?? variants.set(layout, twoLineTitleLayout(layout, { theme, inputs })).get(layout)!;
  /** A placed slide with its text legible on its background picture, then that picture put behind it if it is described. */
  const finish = (placed: PlacedSlide, slide: Slide, number: number): PlacedSlide => {
    const { imagePath, crop } = placed.background;
    if (imagePath && !pictures.has(imagePath)) {
      const info = [...inputs.images.values()].find((candidate) => candidate.path === imagePath);
      pictures.set(imagePath, info && readPixels(info));
    }
    const pixels = imagePath ? pictures.get(imagePath) : undefined;
    const hasText = placed.frames.some((frame) => frame.kind === 'text' && frame.paragraphs.some((paragraph) => paragraph.runs.some((run) => run.type !== 'break' && run.text.trim() !== '')));
    if (imagePath && !pixels && hasText) messages.push({ ruleId: 'unmeasured-contrast', reason: `slide ${number}: the background picture's colours cannot be read (only PNG and JPEG are), so whether its text meets WCAG AA on it is not known`, position: slide.position });
    if (!pixels || slide.background?.fit === 'contain') return pictureBehind(placed, slide, inputs.images, theme);
    const legible = legibleOnPicture(placed, pixels, crop, theme);
    for (const note of legible.notes) messages.push({ ruleId: 'text-on-picture', reason: `slide ${number}: ${note}`, position: slide.position });
    return pictureBehind(legible.placed, slide, inputs.images, theme);
  };
  const limits = inputs.limits ?? limitsWith(undefined);
  for (const slide of deck.slides) {
    if (slides.length > limits.slides) break;
    const number = slides.length + 1;
    const context: SlideContext = { theme, deck, words, inputs, messages, slide, number };
    const notes = notesOf(slide, theme);
    const anchors = slide.anchors ? { anchors: slide.anchors } : {};
    if (slide.layout === 'title' || slide.layout === 'section') {
      slides.push(finish({ ...layoutOtherSlide(slide, context, number), notes, ...anchors }, slide, number));
      continue;
    }
    const result = layoutBodySlide(slide.layout === 'agenda' ? agendaBody(slide, words) : slide, context, number);
    // Speaker notes, and the target of links to the slide, stay with the first part of a continued slide.
    const ruled = headed(slide.layout, theme) ? [layouts.find((layout) => layout.layout === slide.layout)!, variantOf(slide.layout)] : undefined;
    slides.push(...[{ ...result.placed[0]!, notes, ...anchors }, ...result.placed.slice(1)].map((placed, index) => {
      const finished = finish(placed, slide, number + index);
      return ruled ? onLayoutShapes(finished, ruled) : finished;
    }));
    fit.push(result.fit);
    messages.push(...fitMessages(result.fit, theme));
    if (slides.length > limits.slides) {
      // Continued slides went past the limit: the slides after are not laid out.
      messages.push({ ruleId: 'over-limit', reason: overLimit(`a deck of ${slides.length.toLocaleString('en')} slides or more, continued slides included,`, 'slides', limits), position: slide.position });
    }
  }
  const onVariants = new Set(slides.filter((slide) => slide.variant).map((slide) => slide.layout));
  const unique = [...new Map(messages.map((message) => [`${message.ruleId}|${message.reason}|${message.position?.line}`, message])).values()];
  const notes = notesStyle(theme);
  const placed: PlacedDeck = {
    widthInches: theme.slide.widthInches,
    heightInches: theme.slide.heightInches,
    lang: deck.meta.lang,
    // A variant follows its layout, and only where a slide is based on it.
    layouts: layouts.flatMap((layout) => (onVariants.has(layout.layout) ? [layout, variants.get(layout.layout)!] : [layout])),
    scheme: themeScheme(theme),
    slides,
    notes: { style: notes.base, levels: [plainLook(notes)] },
    tableStyle: tableStyle(theme),
  };
  return { deck: placed, fit, messages: unique };
}
