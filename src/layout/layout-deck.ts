import type { Deck, Inline, Slide } from '../outline/schema.js';
import type { Box, Theme } from '../theme/schema.js';
import type { Frame, PlacedDeck, PlacedParagraph, PlacedSlide, RunStyle, TextFrame } from './frames.js';
import { blocksToParagraphs, runsToPlaced, type TextStyle } from './paragraphs.js';

function runStyle(font: string, sizePt: number, color: string, bold = false): RunStyle {
  return { font, sizePt, color, bold, italic: false, strike: false };
}

function textStyle(theme: Theme, base: RunStyle, overrides: Partial<TextStyle> = {}): TextStyle {
  return {
    base,
    headingColor: theme.colors.heading,
    bulletColor: theme.colors.accent,
    linkColor: theme.colors.link,
    monoFont: theme.fonts.mono,
    codeColor: theme.colors.code,
    codeSizePt: theme.sizes.code,
    spaceAfterPt: theme.spacing.paragraphAfterPt,
    lineSpacing: theme.spacing.lineSpacing,
    indentInches: theme.spacing.indentInches,
    align: 'left',
    ...overrides,
  };
}

function textFrame(theme: Theme, name: string, box: Box, paragraphs: PlacedParagraph[], anchor: TextFrame['anchor'] = 'top'): TextFrame {
  return { kind: 'text', name, box, anchor, insetInches: theme.spacing.insetInches, paragraphs };
}

/** One paragraph of runs in a single style: titles, subtitles, footers. */
function line(theme: Theme, runs: readonly Inline[], base: RunStyle, align: PlacedParagraph['align'] = 'left'): PlacedParagraph[] {
  const style = textStyle(theme, base, { align, spaceAfterPt: 0, lineSpacing: 1 });
  return blocksToParagraphs([{ type: 'paragraph', runs: [...runs] }], style);
}

function rule(name: string, box: Box, color: string): Frame {
  return { kind: 'rect', name, box, color };
}

/** Footer text and slide number; `color` follows the slide's background. */
function footerFrames(theme: Theme, deck: Deck, number: number, color: string): Frame[] {
  const style = runStyle(theme.fonts.body, theme.sizes.footer, color);
  const frames: Frame[] = [];
  if (deck.meta.footer) {
    frames.push(textFrame(theme, 'Footer', theme.footer.text, line(theme, [{ type: 'text', text: deck.meta.footer }], style), 'middle'));
  }
  if (deck.meta.slideNumbers) {
    const paragraph = line(theme, [], style, 'right')[0]!;
    paragraph.runs = [{ type: 'slide-number', text: String(number), ...style }];
    frames.push(textFrame(theme, 'Slide Number', theme.footer.slideNumber, [paragraph], 'middle'));
  }
  return frames;
}

function layoutSlide(slide: Slide, theme: Theme, deck: Deck, number: number): PlacedSlide {
  const { colors, fonts, sizes, layouts } = theme;
  const notes = blocksToParagraphs(slide.notes, textStyle(theme, runStyle(fonts.body, sizes.notes, '000000'), { spaceAfterPt: 6, lineSpacing: 1 }));
  switch (slide.layout) {
    case 'title': {
      const frames: Frame[] = [
        textFrame(theme, 'Title', layouts.title.title, line(theme, slide.title, runStyle(fonts.heading, sizes.title, colors.titleText, true)), 'bottom'),
        rule('Title Rule', layouts.title.rule, colors.titleAccent),
      ];
      if (slide.subtitle) {
        frames.push(textFrame(theme, 'Subtitle', layouts.title.subtitle, line(theme, slide.subtitle, runStyle(fonts.body, sizes.subtitle, colors.titleText))));
      }
      const meta = [slide.author, slide.date].filter((value): value is string => Boolean(value));
      if (meta.length > 0) {
        const style = runStyle(fonts.body, sizes.meta, colors.titleText);
        frames.push(textFrame(theme, 'Author', layouts.title.meta, meta.flatMap((text) => line(theme, [{ type: 'text', text }], style))));
      }
      return { background: colors.titleBackground, frames, notes };
    }
    case 'section':
      return {
        background: colors.sectionBackground,
        frames: [
          textFrame(theme, 'Title', layouts.section.title, line(theme, slide.title, runStyle(fonts.heading, sizes.sectionTitle, colors.sectionText, true)), 'bottom'),
          rule('Title Rule', layouts.section.rule, colors.titleAccent),
          ...footerFrames(theme, deck, number, colors.sectionText),
        ],
        notes,
      };
    case 'content': {
      const body = blocksToParagraphs(slide.body, textStyle(theme, runStyle(fonts.body, sizes.body, colors.text)));
      const frames: Frame[] = [];
      if (slide.title.length > 0) {
        frames.push(
          textFrame(theme, 'Title', layouts.content.title, line(theme, slide.title, runStyle(fonts.heading, sizes.slideTitle, colors.heading, true)), 'bottom'),
          rule('Title Rule', layouts.content.rule, colors.accent),
        );
      }
      frames.push(textFrame(theme, 'Body', layouts.content.body, body), ...footerFrames(theme, deck, number, colors.muted));
      return { background: colors.background, frames, notes };
    }
  }
}

/** Deck + theme → placed frames: every position and style decided from the theme. */
export function layoutDeck(deck: Deck, theme: Theme): PlacedDeck {
  return {
    widthInches: theme.slide.widthInches,
    heightInches: theme.slide.heightInches,
    lang: deck.meta.lang,
    slides: deck.slides.map((slide, index) => layoutSlide(slide, theme, deck, index + 1)),
  };
}
