import type { Theme } from '../theme/schema.js';
import { STAND_IN } from './catalog.js';
import { FontSet, usableFontFiles } from './font-set.js';

/** A family a theme names, with the key that names it, so that a report can point at the value. */
export interface ThemeFont {
  family: string;
  key: (string | number)[];
}

/** A theme font deckdown has no file for, and what that does to the deck. */
export interface MissingFont extends ThemeFont {
  reason: string;
}

/** Every family the themes name, once, at the first key naming it: heading, body, mono, then fallbacks. */
export function themeFonts(themes: readonly Theme[]): ThemeFont[] {
  const named = themes.flatMap((theme) => [
    ...(['heading', 'body', 'mono'] as const).map((role) => ({ family: theme.fonts[role], key: ['fonts', role] })),
    ...theme.fonts.fallback.map((family, index) => ({ family, key: ['fonts', 'fallback', index] })),
  ]);
  return named.filter((font, index) => named.findIndex((other) => other.family === font.family) === index);
}

/** The files the themes measure with: the shipped ones and those of each theme's own `fonts.files` that are fonts. */
export function themeFontSet(themes: readonly Theme[]): FontSet {
  return new FontSet(usableFontFiles(Object.assign({}, ...themes.map((theme) => theme.fonts.files))).files);
}

/**
 * What happens to a family without a file. A fallback family is only consulted for the characters
 * it has, which needs its file, so without one it is passed over; any other family's text is
 * measured with the stand-in.
 */
export function withoutFile(font: ThemeFont): string {
  if (font.key[1] === 'fallback') return 'it is skipped as a fallback';
  return `measuring with "${STAND_IN.family}" made ${Math.round((STAND_IN.widthScale - 1) * 100)} % wider instead`;
}

/** The theme's families that neither deckdown, nor `fonts.files`, nor a metric-compatible stand-in has a file for. */
export function missingFontFiles(theme: Theme): MissingFont[] {
  const set = themeFontSet([theme]);
  return themeFonts([theme])
    .filter(({ family }) => !set.resolve(family))
    .map((font) => ({ ...font, reason: `font "${font.family}" has no file; ${withoutFile(font)} (add it under fonts.files)` }));
}
