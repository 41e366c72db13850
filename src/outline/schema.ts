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
  href: z.string().optional(),
});
export type TextRun = z.infer<typeof TextRunSchema>;

export const LineBreakSchema = z.strictObject({ type: z.literal('break') });
export type LineBreak = z.infer<typeof LineBreakSchema>;

export const InlineSchema = z.discriminatedUnion('type', [TextRunSchema, LineBreakSchema]);
export type Inline = z.infer<typeof InlineSchema>;

export const ParagraphSchema = z.strictObject({
  type: z.literal('paragraph'),
  runs: z.array(InlineSchema),
});
export type Paragraph = z.infer<typeof ParagraphSchema>;

/** A heading below the slide level: a bold line inside the slide body. */
export const SubheadingSchema = z.strictObject({
  type: z.literal('subheading'),
  runs: z.array(InlineSchema),
});
export type Subheading = z.infer<typeof SubheadingSchema>;

export const CodeSchema = z.strictObject({
  type: z.literal('code'),
  lang: z.string().optional(),
  text: z.string(),
});
export type Code = z.infer<typeof CodeSchema>;

export interface ListItem {
  /** `true`/`false` for a task-list item, absent otherwise. */
  checked?: boolean | undefined;
  blocks: Block[];
}
export interface List {
  type: 'list';
  ordered: boolean;
  start?: number | undefined;
  items: ListItem[];
}
export type Block = Paragraph | Subheading | Code | List;

export const ListItemSchema: z.ZodType<ListItem> = z.strictObject({
  checked: z.boolean().optional(),
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

export const BlockSchema: z.ZodType<Block> = z.union([ParagraphSchema, SubheadingSchema, CodeSchema, ListSchema]);

const slideCommon = {
  notes: z.array(BlockSchema).default([]).describe('Speaker notes.'),
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
export type TitleSlide = z.infer<typeof TitleSlideSchema>;

export const SectionSlideSchema = z.strictObject({
  layout: z.literal('section'),
  title: z.array(InlineSchema),
  ...slideCommon,
});
export type SectionSlide = z.infer<typeof SectionSlideSchema>;

export const ContentSlideSchema = z.strictObject({
  layout: z.literal('content'),
  title: z.array(InlineSchema).describe('Empty for a slide started by a thematic break.'),
  body: z.array(BlockSchema),
  ...slideCommon,
});
export type ContentSlide = z.infer<typeof ContentSlideSchema>;

export const SlideSchema = z.discriminatedUnion('layout', [TitleSlideSchema, SectionSlideSchema, ContentSlideSchema]);
export type Slide = z.infer<typeof SlideSchema>;

export const DeckMetaSchema = z.strictObject({
  title: z.string().optional(),
  author: z.string().optional(),
  date: z.string().optional(),
  lang: z.string().min(2).describe('BCP 47 language tag set on every text run.').default('en-US'),
  theme: z.string().default('default'),
  footer: z.string().optional(),
  slideNumbers: z.boolean().default(false),
});
export type DeckMeta = z.infer<typeof DeckMetaSchema>;

export const DeckSchema = z.strictObject({
  meta: DeckMetaSchema,
  slides: z.array(SlideSchema).min(1),
});
export type Deck = z.infer<typeof DeckSchema>;
/** A deck as written by hand: defaults may be left out. */
export type DeckInput = z.input<typeof DeckSchema>;
