export { buildOutline, markdownToPptx, planSlides, renderPlan, renderPptx } from './api.js';
export type { MarkdownToPptxOptions, OutlineBuildOptions, OutlineResult, PptxResult, RenderOptions, SlidePlan } from './api.js';
export type { SlideFit } from './layout/layout-deck.js';
export { createProcessor, remarkDeck } from './processor.js';
export { mdastToDeck } from './outline/mdast-to-deck.js';
export type { OutlineOptions } from './outline/mdast-to-deck.js';
export { DeckSchema, SlideSchema, BlockSchema, InlineSchema } from './outline/schema.js';
export type {
  Deck,
  DeckInput,
  DeckMeta,
  Slide,
  TitleSlide,
  SectionSlide,
  AgendaSlide,
  BodySlide,
  LayoutName,
  Block,
  Paragraph,
  Subheading,
  List,
  ListItem,
  Code,
  Quote,
  Image,
  Table,
  Chart,
  Stat,
  Columns,
  Column,
  Inline,
  TextRun,
  LineBreak,
  Footnote,
  Background,
} from './outline/schema.js';
export { FrontMatterSchema } from './outline/front-matter.js';
export type { FrontMatter } from './outline/front-matter.js';
export { ThemeSchema } from './theme/schema.js';
export type { Theme } from './theme/schema.js';
export { defineTheme, loadTheme, ThemeError } from './theme/load.js';
export type { ThemeOverrides, ThemeProblem } from './theme/load.js';
export { contrastWarnings } from './theme/contrast.js';
export { importTemplate } from './theme/import.js';
export { listThemes } from './theme/registry.js';
export { layoutDeck } from './layout/layout-deck.js';
export type { PlacedDeck, PlacedSlide, Frame } from './layout/frames.js';
export { DeckdownError } from './diagnostics/error.js';
export { formatMessage, formatMessages } from './diagnostics/format.js';
export { rules } from './diagnostics/rules.js';
export type { RuleId } from './diagnostics/rules.js';
export { resolveBuildDate } from './build-date.js';
export { DEFAULT_LIMITS } from './limits.js';
export type { Limits } from './limits.js';
