import type { Theme } from './schema.js';

/** WCAG 2 relative luminance of an sRGB colour given as six hex digits. */
function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** Whether a colour is dark: it reads better under white text than under black. */
export function isDark(hex: string): boolean {
  return contrastRatio(hex, 'FFFFFF') > contrastRatio(hex, '000000');
}

export function contrastRatio(foreground: string, background: string): number {
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Of the candidate text colours, the one whose worst contrast against the backgrounds is best. */
export function mostLegible(candidates: readonly string[], backgrounds: readonly string[]): string {
  const worst = (color: string) => Math.min(...backgrounds.map((background) => contrastRatio(color, background)));
  return candidates.reduce((best, color) => (worst(color) > worst(best) ? color : best));
}

/** WCAG AA: 4.5:1 for body-size text, 3:1 for large text (titles, big figures, bullets). */
const NORMAL = 4.5;
const LARGE = 3;

type ColorName = Exclude<keyof Theme['colors'], 'accents' | 'syntax'>;

/** Every pair of text and background colour a theme's slides put together, with the ratio it needs. */
function pairs(theme: Theme): [string, string, string, string, number][] {
  const { colors } = theme;
  const pair = (text: ColorName, background: ColorName, needed: number): [string, string, string, string, number] => [`colors.${text}`, colors[text], `colors.${background}`, colors[background], needed];
  return [
    pair('text', 'background', NORMAL),
    pair('heading', 'background', LARGE),
    pair('muted', 'background', NORMAL),
    pair('link', 'background', NORMAL),
    pair('code', 'background', NORMAL),
    pair('quote', 'background', NORMAL),
    pair('accent', 'background', LARGE),
    pair('text', 'tableStripe', NORMAL),
    pair('tableHeaderText', 'tableHeaderBackground', NORMAL),
    pair('titleText', 'titleBackground', LARGE),
    pair('sectionText', 'sectionBackground', NORMAL),
    // Code blocks stand on their panel; inline code on the slide.
    pair('code', 'codeBackground', NORMAL),
    ...Object.entries(colors.syntax).map(([role, color]): [string, string, string, string, number] => [`colors.syntax.${role}`, color, 'colors.codeBackground', colors.codeBackground, NORMAL]),
  ];
}

/** A warning for each pair that fails WCAG AA, naming the colours and the ratio. */
export function contrastWarnings(theme: Theme): string[] {
  return pairs(theme)
    .map(([textName, text, backgroundName, background, needed]) => ({ textName, text, backgroundName, background, needed, ratio: contrastRatio(text, background) }))
    .filter(({ ratio, needed }) => ratio < needed)
    .map(({ textName, text, backgroundName, background, needed, ratio }) => `theme "${theme.name}": ${textName} #${text} on ${backgroundName} #${background} has a contrast of ${ratio.toFixed(2)}:1; WCAG AA needs ${needed}:1`);
}
