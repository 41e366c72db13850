import type { ImageInfo } from '../media/image-info.js';
import type { AgendaSlide, BodySlide, Deck, Inline, Slide } from '../outline/schema.js';
import type { Box, Theme } from '../theme/schema.js';
import type { Frame, PlacedBackground, PlacedDeck, PlacedParagraph, PlacedSlide, RunStyle } from './frames.js';
import { paragraphsHeight } from './measure.js';
import { blocksToParagraphs, isTextBlock, type TextStyle } from './paragraphs.js';
import { nameCounter, type PlaceContext } from './place-context.js';
import { stackBlocks, textFrame } from './stack.js';

function runStyle(font: string, sizePt: number, color: string, bold = false): RunStyle {
  return { font, sizePt, color, bold, italic: false, strike: false };
}

function textStyle(theme: Theme, base: RunStyle, overrides: Partial<TextStyle> = {}): TextStyle {
  return {
    theme,
    base,
    headingColor: theme.colors.heading,
    bulletColor: theme.colors.accent,
    linkColor: theme.colors.link,
    spaceAfterPt: theme.spacing.paragraphAfterPt,
    lineSpacing: theme.spacing.lineSpacing,
    indentInches: theme.spacing.indentInches,
    align: 'left',
    codeScale: 1,
    ...overrides,
  };
}

/** One paragraph of runs in a single style: titles, subtitles, footers. */
function line(theme: Theme, runs: readonly Inline[], base: RunStyle, align: PlacedParagraph['align'] = 'left'): PlacedParagraph[] {
  return blocksToParagraphs([{ type: 'paragraph', runs: [...runs] }], textStyle(theme, base, { align, spaceAfterPt: 0, lineSpacing: 1 }));
}

function rule(name: string, box: Box | undefined, color: string): Frame[] {
  return box ? [{ kind: 'rect', name, box, color }] : [];
}

function placeContext(theme: Theme, images: ReadonlyMap<string, ImageInfo>, style: TextStyle): PlaceContext {
  return { theme, images, style, name: nameCounter() };
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

function background(slide: Slide, color: string, images: ReadonlyMap<string, ImageInfo>): PlacedBackground {
  const image = slide.background?.image ? images.get(slide.background.image)?.path : undefined;
  return { color: slide.background?.color ?? color, ...(image ? { imagePath: image } : {}) };
}

function titleFrames(theme: Theme, title: Inline[], boxes: { title: Box; rule?: Box | undefined }, ctx: PlaceContext): Frame[] {
  if (title.length === 0) return [];
  const style = runStyle(theme.fonts.heading, theme.sizes.slideTitle, theme.colors.heading, true);
  return [textFrame('Title', boxes.title, line(theme, title, style), ctx, 'bottom'), ...rule('Title Rule', boxes.rule, theme.colors.accent)];
}

function agendaFrames(slide: AgendaSlide, theme: Theme, ctx: PlaceContext): Frame[] {
  const boxes = theme.layouts.agenda;
  const items = { type: 'list' as const, ordered: true, items: slide.items.map((runs) => ({ blocks: [{ type: 'paragraph' as const, runs }] })) };
  return [...titleFrames(theme, slide.title, boxes, ctx), textFrame(ctx.name('Body'), boxes.body, blocksToParagraphs([items], ctx.style), ctx)];
}

/** Footnotes sit at the foot of the body box, which gives up their height. */
function footnoteFrames(slide: BodySlide, body: Box, theme: Theme, ctx: PlaceContext): { frames: Frame[]; body: Box } {
  if (slide.footnotes.length === 0) return { frames: [], body };
  const style = textStyle(theme, runStyle(theme.fonts.body, theme.sizes.footnote, theme.colors.muted), { spaceAfterPt: 0, lineSpacing: 1 });
  const paragraphs = slide.footnotes.flatMap((note) => blocksToParagraphs([{ type: 'paragraph', runs: [{ type: 'text', text: note.label, superscript: true }, { type: 'text', text: ' ' }, ...note.runs] }], style));
  const height = paragraphsHeight(paragraphs, body.w, theme.spacing.insetInches);
  const frame = textFrame('Footnotes', { x: body.x, y: body.y + body.h - height, w: body.w, h: height }, paragraphs, ctx, 'bottom');
  return { frames: [frame], body: { ...body, h: Math.max(body.h - height - theme.spacing.gapInches / 2, 0.1) } };
}

function bodyFrames(slide: BodySlide, theme: Theme, ctx: PlaceContext): Frame[] {
  const boxes = theme.layouts[slide.layout];
  const notes = footnoteFrames(slide, boxes.body, theme, ctx);
  const body = notes.body;
  switch (slide.layout) {
    case 'quote':
      return [...titleFrames(theme, slide.title, boxes, ctx), ...stackBlocks(slide.body, body, { ...ctx, style: { ...ctx.style, base: { ...ctx.style.base, sizePt: theme.sizes.quote } } }, 'middle'), ...notes.frames];
    case 'stat':
      return [...titleFrames(theme, slide.title, boxes, ctx), ...stackBlocks(slide.body, body, ctx, 'middle'), ...notes.frames];
    case 'end': {
      const style = runStyle(theme.fonts.heading, theme.sizes.title, theme.colors.titleText, true);
      const light = { ...ctx, style: { ...ctx.style, align: 'center' as const, base: { ...ctx.style.base, color: theme.colors.titleText } } };
      return [
        ...(slide.title.length > 0 ? [textFrame('Title', boxes.title, line(theme, slide.title, style, 'center'), ctx, 'bottom')] : []),
        ...stackBlocks(slide.body, body, light, 'top'),
        ...notes.frames,
      ];
    }
    case 'image': {
      const text = slide.body.filter(isTextBlock);
      const pictures = slide.body.filter((block) => !isTextBlock(block));
      const picture = theme.layouts.image.picture;
      // Without text, pictures take the whole width of both boxes.
      const frames =
        text.length === 0
          ? stackBlocks(pictures, { x: body.x, y: body.y, w: picture.x + picture.w - body.x, h: body.h }, ctx, 'middle')
          : [...stackBlocks(text, body, ctx), ...stackBlocks(pictures, { ...picture, h: Math.min(picture.h, body.h) }, ctx, 'middle')];
      return [...titleFrames(theme, slide.title, boxes, ctx), ...frames, ...notes.frames];
    }
    default:
      return [...titleFrames(theme, slide.title, boxes, ctx), ...stackBlocks(slide.body, body, ctx), ...notes.frames];
  }
}

function layoutSlide(slide: Slide, theme: Theme, deck: Deck, number: number, images: ReadonlyMap<string, ImageInfo>): PlacedSlide {
  const { colors, fonts, sizes, layouts } = theme;
  const ctx = placeContext(theme, images, textStyle(theme, runStyle(fonts.body, sizes.body, colors.text)));
  const notesStyle = textStyle(theme, runStyle(fonts.body, sizes.notes, '000000'), { spaceAfterPt: 6, lineSpacing: 1, codeScale: sizes.notes / sizes.code });
  const notes = blocksToParagraphs(slide.notes, notesStyle);
  switch (slide.layout) {
    case 'title': {
      const frames: Frame[] = [
        textFrame('Title', layouts.title.title, line(theme, slide.title, runStyle(fonts.heading, sizes.title, colors.titleText, true)), ctx, 'bottom'),
        ...rule('Title Rule', layouts.title.rule, colors.titleAccent),
      ];
      if (slide.subtitle) {
        frames.push(textFrame('Subtitle', layouts.title.subtitle, line(theme, slide.subtitle, runStyle(fonts.body, sizes.subtitle, colors.titleText)), ctx));
      }
      const meta = [slide.author, slide.date].filter((value): value is string => Boolean(value));
      if (meta.length > 0) {
        const style = runStyle(fonts.body, sizes.meta, colors.titleText);
        frames.push(textFrame('Author', layouts.title.meta, meta.flatMap((text) => line(theme, [{ type: 'text', text }], style)), ctx));
      }
      return { background: background(slide, colors.titleBackground, images), frames, notes };
    }
    case 'section':
      return {
        background: background(slide, colors.sectionBackground, images),
        frames: [
          textFrame('Title', layouts.section.title, line(theme, slide.title, runStyle(fonts.heading, sizes.sectionTitle, colors.sectionText, true)), ctx, 'bottom'),
          ...rule('Title Rule', layouts.section.rule, colors.titleAccent),
          ...footerFrames(theme, deck, number, colors.sectionText, ctx),
        ],
        notes,
      };
    case 'agenda':
      return { background: background(slide, colors.background, images), frames: [...agendaFrames(slide, theme, ctx), ...footerFrames(theme, deck, number, colors.muted, ctx)], notes };
    default: {
      const dark = slide.layout === 'end';
      return {
        background: background(slide, dark ? colors.titleBackground : colors.background, images),
        frames: [...bodyFrames(slide, theme, ctx), ...(dark ? [] : footerFrames(theme, deck, number, colors.muted, ctx))],
        notes,
      };
    }
  }
}

/** Deck + theme (+ the images' sizes, read at the edge) → placed frames: every position and style decided. */
export function layoutDeck(deck: Deck, theme: Theme, images: ReadonlyMap<string, ImageInfo> = new Map()): PlacedDeck {
  return {
    widthInches: theme.slide.widthInches,
    heightInches: theme.slide.heightInches,
    lang: deck.meta.lang,
    slides: deck.slides.map((slide, index) => layoutSlide(slide, theme, deck, index + 1, images)),
  };
}
