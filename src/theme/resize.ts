import type { Box, Theme } from './schema.js';

function scaleBox(box: Box, x: number, y: number): Box {
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return { x: round(box.x * x), y: round(box.y * y), w: round(box.w * x), h: round(box.h * y) };
}

/** Every box of a theme scaled to another slide size, so layouts keep their proportions. */
export function scaledGeometry(base: Theme, widthInches: number, heightInches: number): Pick<Theme, 'layouts' | 'footer'> & { logo?: Theme['logo'] } {
  const x = widthInches / base.slide.widthInches;
  const y = heightInches / base.slide.heightInches;
  const scaleAll = (boxes: Record<string, Box | undefined>) => Object.fromEntries(Object.entries(boxes).map(([key, box]) => [key, box && scaleBox(box, x, y)]));
  return {
    layouts: Object.fromEntries(Object.entries(base.layouts).map(([name, boxes]) => [name, scaleAll(boxes)])) as Theme['layouts'],
    footer: scaleAll(base.footer) as Theme['footer'],
    ...(base.logo ? { logo: { ...base.logo, box: scaleBox(base.logo.box, x, y) } } : {}),
  };
}

/**
 * Type sizes, floors and spacing scaled with the slide's height: a slide 5.6 inches high is
 * shown as large as one 7.5 inches high, so its 18 pt reads like 24 pt there.
 */
export function scaledType(theme: Theme, factor: number): Theme {
  const points = (value: number) => Math.round(value * factor * 2) / 2;
  const scale = <T extends Record<string, number>>(values: T) => Object.fromEntries(Object.entries(values).map(([key, value]) => [key, points(value)])) as T;
  const { paragraphAfterPt, lineSpacing, indentInches, insetInches, gapInches } = theme.spacing;
  return {
    ...theme,
    sizes: scale(theme.sizes),
    floors: scale(theme.floors),
    spacing: { paragraphAfterPt: points(paragraphAfterPt), lineSpacing, indentInches: indentInches * factor, insetInches: insetInches * factor, gapInches: gapInches * factor },
  };
}

/** Slide sizes by aspect ratio, at PowerPoint's usual height of 7.5 inches. */
export const ASPECTS = { '16:9': { widthInches: 13.333, heightInches: 7.5 }, '4:3': { widthInches: 10, heightInches: 7.5 } } as const;
export type Aspect = keyof typeof ASPECTS;

/** The theme at another aspect ratio: the slide resized and every frame scaled with it. */
export function withAspect(theme: Theme, aspect: Aspect): Theme {
  const size = ASPECTS[aspect];
  const current = theme.slide.widthInches / theme.slide.heightInches;
  if (Math.abs(current - size.widthInches / size.heightInches) < 0.01) return theme;
  return { ...theme, slide: { ...size }, ...scaledGeometry(theme, size.widthInches, size.heightInches) };
}
