import { z } from 'zod';

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
  }),
  fonts: z.strictObject({
    heading: z.string().min(1),
    body: z.string().min(1),
    mono: z.string().min(1),
  }),
  sizes: z
    .strictObject({
      title: z.number().positive(),
      subtitle: z.number().positive(),
      meta: z.number().positive(),
      sectionTitle: z.number().positive(),
      slideTitle: z.number().positive(),
      body: z.number().positive(),
      code: z.number().positive(),
      footer: z.number().positive(),
      notes: z.number().positive(),
    })
    .describe('Type sizes in points.'),
  spacing: z.strictObject({
    paragraphAfterPt: z.number().min(0),
    lineSpacing: z.number().min(0.8).max(3).describe('A multiple of single spacing.'),
    indentInches: z.number().min(0).describe('The extra indent of each list level.'),
    insetInches: z.number().min(0).describe('The inner margin of every text frame.'),
  }),
  layouts: z.strictObject({
    title: z.strictObject({ title: BoxSchema, rule: BoxSchema, subtitle: BoxSchema, meta: BoxSchema }),
    section: z.strictObject({ title: BoxSchema, rule: BoxSchema }),
    content: z.strictObject({ title: BoxSchema, rule: BoxSchema, body: BoxSchema }),
  }),
  footer: z.strictObject({ text: BoxSchema, slideNumber: BoxSchema }),
});
export type Theme = z.infer<typeof ThemeSchema>;
