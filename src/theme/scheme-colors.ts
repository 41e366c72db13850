import { contrastRatio } from './contrast.js';
import type { Theme } from './schema.js';

/** A colour part of the way from one colour to another, for tints the scheme does not name. */
function mix(from: string, to: string, share: number): string {
  const channel = (hex: string, at: number) => parseInt(hex.slice(at, at + 2), 16);
  return [0, 2, 4]
    .map((at) => Math.round(channel(from, at) + (channel(to, at) - channel(from, at)) * share).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

/**
 * The theme colours a template's colour scheme gives: text and backgrounds from its dark and
 * light colours, accents as they are, and the tints deckdown needs mixed from them. `color`
 * looks a scheme slot up (`dk1`, `accent1`, …), or gives the fallback.
 */
export function schemeThemeColors(color: (slot: string, fallback: string) => string, base: Theme): Omit<Theme['colors'], 'syntax'> {
  const { colors } = base;
  const dark1 = color('dk1', colors.text);
  const light1 = color('lt1', colors.background);
  const dark2 = color('dk2', colors.heading);
  const accents = [1, 2, 3, 4, 5, 6].map((index) => color(`accent${index}`, colors.accents[index - 1]!));
  const accent1 = accents[0]!;
  // A section slide carries small footer text, so its background must let white text read well.
  const sectionBackground = contrastRatio(light1, accent1) >= 4.5 ? accent1 : dark2;
  return {
    background: light1,
    text: dark1,
    heading: dark2,
    muted: mix(dark1, light1, 0.4),
    accent: accent1,
    link: color('hlink', colors.link),
    titleBackground: dark2,
    titleText: light1,
    // The rule under titles: the accent that stands out most on the title background.
    titleAccent: [...accents].sort((a, b) => contrastRatio(b, dark2) - contrastRatio(a, dark2))[0]!,
    sectionBackground,
    sectionText: light1,
    code: dark2,
    codeBackground: mix(light1, accent1, 0.08),
    quote: dark2,
    tableHeaderBackground: dark2,
    tableHeaderText: light1,
    tableBorder: mix(light1, dark1, 0.2),
    tableStripe: mix(light1, accent1, 0.1),
    accents,
  };
}
