import { z } from 'zod';

/**
 * The slide outline: the contract between the Markdown front end and the renderer.
 * A Deck written by hand or by another program is validated against these schemas,
 * and every type in the pipeline is inferred from them.
 */

export const PositionSchema = z
  .object({ line: z.int().min(1), column: z.int().min(1) })
  .describe('Where the construct starts in the source file (1-based).');
export type Position = z.infer<typeof PositionSchema>;

export const TextRunSchema = z.strictObject({
  type: z.literal('text'),
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  strike: z.boolean().optional(),
  code: z.boolean().optional(),
  superscript: z.boolean().optional().describe('Footnote references, `^super^`, `<sup>`.'),
  subscript: z.boolean().optional().describe('`~sub~`, `<sub>`.'),
  underline: z.boolean().optional(),
  smallCaps: z.boolean().optional(),
  href: z.string().optional().describe('A URL, or `#id` for the slide whose anchors hold that id.'),
});
/** A run of text in one style: bold, italic, code, a link, … */
export type TextRun = z.infer<typeof TextRunSchema>;

export const LineBreakSchema = z.strictObject({ type: z.literal('break') });
/** A hard line break inside a paragraph. */
export type LineBreak = z.infer<typeof LineBreakSchema>;

/** Validates one inline: a text run or a line break. */
export const InlineSchema = z.discriminatedUnion('type', [TextRunSchema, LineBreakSchema]);
/** What a line of text is made of: text runs and line breaks. */
export type Inline = z.infer<typeof InlineSchema>;

export const ParagraphSchema = z.strictObject({
  type: z.literal('paragraph'),
  runs: z.array(InlineSchema),
});
/** A paragraph of inline runs. */
export type Paragraph = z.infer<typeof ParagraphSchema>;

/** A heading below the slide level: a bold line inside the slide body. */
export const SubheadingSchema = z.strictObject({
  type: z.literal('subheading'),
  runs: z.array(InlineSchema),
});
/** A bold line inside a slide's body, from a heading below the slide level. */
export type Subheading = z.infer<typeof SubheadingSchema>;

/** A code block: its text, highlighted in the theme's colours when `lang` names a known language. */
export const CodeSchema = z.strictObject({
  type: z.literal('code'),
  lang: z.string().optional(),
  text: z.string(),
});
/** A code block: its text, and the language that colours it. */
export type Code = z.infer<typeof CodeSchema>;

/** One item of a list: its blocks, and its check mark in a task list. */
export interface ListItem {
  /** `true`/`false` for a task-list item, absent otherwise. */
  checked?: boolean | undefined;
  /** The rest of the item before it, cut onto another slide: drawn without a bullet or number. */
  continued?: boolean | undefined;
  blocks: Block[];
}
/** A bulleted or numbered list; `start` is the first number of a numbered one. */
export interface List {
  type: 'list';
  ordered: boolean;
  start?: number | undefined;
  items: ListItem[];
}
/** A block quote, with the attribution its last line gives (`— name`). */
export interface Quote {
  type: 'quote';
  blocks: Block[];
  attribution?: Inline[] | undefined;
}
/** One column of a `:::columns` block. */
export interface Column {
  /** Share of the slide's width, in percent; columns without one share what is left. */
  widthPercent?: number | undefined;
  blocks: Block[];
}
/** Blocks set side by side in columns. */
export interface Columns {
  type: 'columns';
  columns: Column[];
}
/** Anything a slide's body holds, stacked top to bottom. */
export type Block = Paragraph | Subheading | Code | List | Quote | Image | Table | Chart | Stat | Columns;

/** A picture file placed on the slide, with the description screen readers announce. */
export const ImageSchema = z.strictObject({
  type: z.literal('image'),
  src: z.string().min(1).describe('A local file, relative to the source file (or to the render base directory).'),
  alt: z.string().describe('The description screen readers announce.'),
  widthPercent: z.number().positive().max(100).optional(),
});
/** A picture: a local file, its alt text, and an optional share of the slide's width. */
export type Image = z.infer<typeof ImageSchema>;

export const AlignSchema = z.enum(['left', 'center', 'right']).nullable();
/** A native table: header row, body rows and each column's alignment. */
export const TableSchema = z.strictObject({
  type: z.literal('table'),
  align: z.array(AlignSchema),
  header: z.array(z.array(InlineSchema)),
  rows: z.array(z.array(z.array(InlineSchema))),
});
/** A native table: header row, body rows and each column's alignment. */
export type Table = z.infer<typeof TableSchema>;

export const CHART_TYPES = ['bar', 'line', 'pie', 'doughnut'] as const;
/** A native, editable chart: categories and one or more series of numbers. */
export const ChartSchema = z.strictObject({
  type: z.literal('chart'),
  chart: z.enum(CHART_TYPES),
  categories: z.array(z.string()),
  series: z.array(z.strictObject({ name: z.string(), values: z.array(z.number()) })).min(1),
  decimals: z.int().min(0).max(10).optional().describe('Digits after the decimal mark in value labels, as the source wrote them.'),
});
/** A native, editable chart: its type, categories and series. */
export type Chart = z.infer<typeof ChartSchema>;

/** A big number with its caption. */
export const StatSchema = z.strictObject({
  type: z.literal('stat'),
  figure: z.string().min(1),
  caption: z.array(InlineSchema),
});
/** A big number with its caption. */
export type Stat = z.infer<typeof StatSchema>;

export const ListItemSchema: z.ZodType<ListItem> = z.strictObject({
  checked: z.boolean().optional(),
  continued: z.boolean().optional().describe('The rest of the item before it, drawn without a bullet or number.'),
  get blocks() {
    return z.array(BlockSchema);
  },
});

export const ListSchema: z.ZodType<List> = z.strictObject({
  type: z.literal('list'),
  ordered: z.boolean(),
  start: z.int().min(0).optional(),
  get items() {
    return z.array(ListItemSchema);
  },
});

export const QuoteSchema: z.ZodType<Quote> = z.strictObject({
  type: z.literal('quote'),
  get blocks() {
    return z.array(BlockSchema);
  },
  attribution: z.array(InlineSchema).optional(),
});

export const ColumnsSchema: z.ZodType<Columns> = z.strictObject({
  type: z.literal('columns'),
  columns: z
    .array(
      z.strictObject({
        widthPercent: z.number().positive().max(100).optional(),
        get blocks() {
          return z.array(BlockSchema);
        },
      }),
    )
    .min(1),
});

/** Validates one block of a slide's body, of any kind. */
export const BlockSchema: z.ZodType<Block> = z.union([
  ParagraphSchema,
  SubheadingSchema,
  CodeSchema,
  ListSchema,
  QuoteSchema,
  ImageSchema,
  TableSchema,
  ChartSchema,
  StatSchema,
  ColumnsSchema,
]);

export const FootnoteSchema = z.strictObject({ label: z.string(), runs: z.array(InlineSchema) });
/** A footnote shown at the foot of the slide that refers to it. */
export type Footnote = z.infer<typeof FootnoteSchema>;

export const BackgroundSchema = z.strictObject({
  color: z.string().regex(/^[0-9A-Fa-f]{6}$/).optional(),
  image: z.string().optional().describe('A local image file that covers the slide.'),
  alt: z.string().min(1).optional().describe('What the background picture shows: the picture is then placed behind the content as a described picture, for screen readers.'),
  fit: z.enum(['cover', 'contain']).optional().describe('`cover` (the default) fills the slide, cropping the picture; `contain` shows it whole.'),
});
/** A slide's own background: a picture (with its description) or a colour. */
export type Background = z.infer<typeof BackgroundSchema>;

const slideCommon = {
  notes: z.array(BlockSchema).default([]).describe('Speaker notes.'),
  background: BackgroundSchema.optional(),
  anchors: z.array(z.string()).optional().describe('Ids that `#id` links to this slide use.'),
  position: PositionSchema.optional(),
};

export const TitleSlideSchema = z.strictObject({
  layout: z.literal('title'),
  title: z.array(InlineSchema),
  subtitle: z.array(InlineSchema).optional(),
  author: z.string().optional(),
  date: z.string().optional(),
  ...slideCommon,
});
/** The title slide: title, subtitle, author and date. */
export type TitleSlide = z.infer<typeof TitleSlideSchema>;

export const SectionSlideSchema = z.strictObject({
  layout: z.literal('section'),
  title: z.array(InlineSchema),
  ...slideCommon,
});
/** A section slide, from a heading above the slide level. */
export type SectionSlide = z.infer<typeof SectionSlideSchema>;

export const AgendaSlideSchema = z.strictObject({
  layout: z.literal('agenda'),
  title: z
    .array(InlineSchema)
    .default([])
    .describe("Empty or left out: the deck's agendaTitle, else the theme's word, else the word of the deck's language, chosen once the theme is known."),
  items: z.array(z.array(InlineSchema)),
  ...slideCommon,
});
/** The agenda slide that `toc: true` adds: the sections' titles. */
export type AgendaSlide = z.infer<typeof AgendaSlideSchema>;

/** Layouts whose slide is a title and a body of blocks; they differ in how the body is placed. */
export const BODY_LAYOUTS = ['content', 'columns', 'image', 'quote', 'stat', 'chart', 'end'] as const;
export type BodyLayout = (typeof BODY_LAYOUTS)[number];
/** The closed set of layouts every theme provides. */
export const LAYOUTS = ['title', 'section', 'agenda', ...BODY_LAYOUTS] as const;
/** The closed set of layouts every theme provides. */
export type LayoutName = (typeof LAYOUTS)[number];

export const BodySlideSchema = z.strictObject({
  layout: z.enum(BODY_LAYOUTS),
  title: z.array(InlineSchema).describe('Empty for a slide started by a thematic break.'),
  body: z.array(BlockSchema),
  footnotes: z.array(FootnoteSchema).default([]),
  ...slideCommon,
});
/** A slide with a body: its title, blocks, notes and body layout. */
export type BodySlide = z.infer<typeof BodySlideSchema>;

/** One slide, told apart by its `layout`: title, section, agenda, or one of the body layouts. */
export const SlideSchema = z.discriminatedUnion('layout', [TitleSlideSchema, SectionSlideSchema, AgendaSlideSchema, BodySlideSchema]);
/** One slide of a deck: a title slide, a section slide, the agenda or a body slide with its layout. */
export type Slide = z.infer<typeof SlideSchema>;

export const LangSchema = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag such as "kk-KZ" or "en-US"')
  .describe('BCP 47 language tag set on every text run.');

export const DeckMetaSchema = z.strictObject({
  title: z.string().optional(),
  author: z.string().optional(),
  date: z.string().optional(),
  lang: LangSchema.default('en-US'),
  theme: z.string().default('default'),
  template: z.string().min(1).optional().describe('A PowerPoint template (.pptx or .potx) whose masters and layouts the deck is built on.'),
  footer: z.string().optional(),
  slideNumbers: z.boolean().default(false),
  aspect: z.enum(['16:9', '4:3']).optional().describe('Resizes the theme to this aspect ratio, scaling its frames.'),
  agendaTitle: z.string().optional().describe("The title of the agenda slide, over the theme's word and the deck language's."),
  continuedMark: z.string().optional().describe("Added to the title of a slide whose content continues from the slide before, over the theme's word and the deck language's; empty for none."),
});
/** A deck's settings: title, author, date, language, theme, template, footer, slide numbers, words. */
export type DeckMeta = z.infer<typeof DeckMetaSchema>;

/**
 * A whole deck: its settings and its slides. The outline stage writes it, the renderer draws
 * it; it can be written by hand as JSON and is validated before rendering.
 */
export const DeckSchema = z.strictObject({
  $schema: z.string().optional().describe('The JSON Schema this file follows, for editors.'),
  meta: DeckMetaSchema,
  slides: z.array(SlideSchema).min(1),
});
/** A validated deck: settings (`meta`) and slides, as `DeckSchema` describes it. */
export type Deck = z.infer<typeof DeckSchema>;
/** A deck as written by hand: defaults may be left out. */
export type DeckInput = z.input<typeof DeckSchema>;
