import { z } from 'zod';
import { LangSchema } from '../outline/schema.js';

/** Theme geometry is in inches and type sizes in points, named as such. */
export const ColorSchema = z.string().regex(/^[0-9A-Fa-f]{6}$/, 'a six-digit hex colour such as "1F2933"');

export const BoxSchema = z
  .strictObject({
    x: z.number().min(0),
    y: z.number().min(0),
    w: z.number().positive(),
    h: z.number().positive(),
  })
  .describe('A frame in inches from the top-left corner of the slide.');
export type Box = z.infer<typeof BoxSchema>;

/** The closed set of layouts every theme provides (the outline's layouts). */
export const LAYOUT_NAMES = ['title', 'section', 'agenda', 'content', 'columns', 'image', 'quote', 'stat', 'chart', 'end'] as const;

/** Type sizes PowerPoint accepts (it stores hundredths of a point up to 4000 pt); slides need far less. */
const PointSize = z.number().min(1).max(400);

/**
 * A word deckdown writes on slides: one for every language, or one per language tag, so that a
 * theme shared by decks in several languages titles each in its own; a language left out keeps
 * deckdown's word for it.
 */
const WordSchema = z.union([z.string(), z.record(LangSchema.describe('A language tag: "kk" for every Kazakh deck; "kk-KZ", for decks tagged so, wins over it.'), z.string())]);

/** A layout whose slide has a title and a body; `rule` is the accent line under the title. */
export const BodyLayoutSchema = z.strictObject({ title: BoxSchema, rule: BoxSchema.optional(), body: BoxSchema });
export type BodyLayoutBoxes = z.infer<typeof BodyLayoutSchema>;

/**
 * A theme: slide size, colours, fonts, type sizes and the smallest sizes fitting may use,
 * spacing, the frames of every layout, footer, logo, backgrounds and an optional template.
 * Built-in themes and theme files are checked against it.
 */
export const ThemeSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1),
  description: z.string().optional(),
  slide: z.strictObject({ widthInches: z.number().positive(), heightInches: z.number().positive() }),
  colors: z.strictObject({
    background: ColorSchema,
    text: ColorSchema,
    heading: ColorSchema,
    muted: ColorSchema,
    accent: ColorSchema,
    link: ColorSchema,
    titleBackground: ColorSchema,
    titleText: ColorSchema,
    titleAccent: ColorSchema,
    sectionBackground: ColorSchema,
    sectionText: ColorSchema,
    code: ColorSchema,
    codeBackground: ColorSchema,
    quote: ColorSchema,
    tableHeaderBackground: ColorSchema,
    tableHeaderText: ColorSchema,
    tableBorder: ColorSchema,
    tableStripe: ColorSchema,
    accents: z.array(ColorSchema).length(6).describe('Accent 1 to 6: chart series and highlights, in order.'),
    syntax: z
      .strictObject({
        keyword: ColorSchema,
        string: ColorSchema,
        comment: ColorSchema,
        number: ColorSchema,
        function: ColorSchema,
        type: ColorSchema,
        meta: ColorSchema,
      })
      .describe('Code highlighting colours by token kind.'),
  }),
  fonts: z.strictObject({
    heading: z.string().min(1),
    body: z.string().min(1),
    mono: z.string().min(1),
    fallback: z.array(z.string().min(1)).describe('Families that draw characters the others lack, tried in order.'),
    files: z
      .record(
        z.string(),
        z.strictObject({ regular: z.string(), bold: z.string().optional(), italic: z.string().optional(), boldItalic: z.string().optional() }),
      )
      .optional()
      .describe('Font files for families deckdown does not ship, relative to the theme file.'),
  }),
  sizes: z
    .strictObject({
      title: PointSize,
      subtitle: PointSize,
      meta: PointSize,
      sectionTitle: PointSize,
      slideTitle: PointSize,
      body: PointSize,
      code: PointSize,
      footer: PointSize,
      notes: PointSize,
      quote: PointSize,
      statFigure: PointSize,
      statCaption: PointSize,
      table: PointSize,
      chart: PointSize,
      footnote: PointSize,
    })
    .describe('Type sizes in points.'),
  floors: z
    .strictObject({
      body: PointSize,
      title: PointSize,
      code: PointSize,
      table: PointSize,
    })
    .describe('The smallest sizes text is shrunk to before it continues on a new slide, in points.'),
  scale: z
    .array(PointSize)
    .min(1)
    .max(4)
    .optional()
    .describe('The body sizes fitting chooses from, largest first, at most four: a body that fits at none of the first two is split into balanced parts at the second rather than shrunk. The scale is taken in proportion from the body size (sizes.body) down; without it, the body size, six and five sevenths of it, and the floor.'),
  spacing: z.strictObject({
    paragraphAfterPt: z.number().min(0).max(200),
    lineSpacing: z.number().min(0.8).max(3).describe('A multiple of single spacing.'),
    indentInches: z.number().min(0).describe('The extra indent of each list level.'),
    insetInches: z.number().min(0).describe('The inner margin of every text frame.'),
    gapInches: z.number().min(0).describe('The space between stacked blocks and between columns.'),
  }),
  layouts: z.strictObject({
    title: z.strictObject({ title: BoxSchema, rule: BoxSchema, subtitle: BoxSchema, meta: BoxSchema }),
    section: z.strictObject({ title: BoxSchema, rule: BoxSchema }),
    agenda: BodyLayoutSchema,
    content: BodyLayoutSchema,
    columns: BodyLayoutSchema,
    image: BodyLayoutSchema.extend({ picture: BoxSchema.describe('Where pictures go when the slide also has text; the text goes in body.') }),
    quote: BodyLayoutSchema,
    stat: BodyLayoutSchema,
    chart: BodyLayoutSchema,
    end: BodyLayoutSchema,
  }),
  footer: z.strictObject({ text: BoxSchema, slideNumber: BoxSchema }),
  logo: z
    .strictObject({ path: z.string().min(1).describe('A picture file, relative to the theme file.'), box: BoxSchema })
    .optional()
    .describe('A logo on every slide but the title and closing slides.'),
  template: z
    .string()
    .min(1)
    .optional()
    .describe("A PowerPoint template (.pptx or .potx), relative to the theme file: decks are built on its masters and layouts, laid out in its placeholders' frames."),
  backgrounds: z
    .partialRecord(z.enum(LAYOUT_NAMES), z.string().min(1))
    .optional()
    .describe('A background picture per layout, relative to the theme file; it covers the layout\'s background colour.'),
  words: z
    .strictObject({
      agenda: WordSchema.optional().describe('The title of the agenda slide.'),
      continued: WordSchema.optional().describe('Added to the title of a slide whose content continues from the slide before; empty for none.'),
    })
    .optional()
    .describe("The words deckdown writes on slides, over its own for the deck's language; a deck's front matter overrides them."),
});
/** A complete, validated theme, as `loadTheme` and `defineTheme` return it. */
export type Theme = z.infer<typeof ThemeSchema>;
