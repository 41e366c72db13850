import type { PlacedScheme } from '../layout/frames.js';
import { escapeXml } from './xml.js';

/**
 * How text names the theme's fonts and colours: by reference to the theme part where it can
 * (`+mj-lt`, `+mn-lt`, `tx1`, `accent1`, …), so that a new theme font or colour chosen in
 * PowerPoint's Design tab reaches every slide; by value where the theme has no slot for it.
 */
export interface SchemeRefs {
  /**
   * The `<a:latin>`, `<a:ea>` and `<a:cs>` elements for a face. Where the theme's heading and
   * body faces are the same, `heading` tells which of the two the text follows.
   */
  fonts(face: string, heading: boolean): string;
  /** The colour element for a hex colour: `<a:schemeClr>` or `<a:srgbClr>`. */
  color(hex: string): string;
  /**
   * Whether PowerPoint gives a link this colour itself, unless told to keep the run's own: the
   * theme's colour for links, when the theme's colour for visited links is the same one.
   */
  isLinkColor(hex: string): boolean;
}

/** Scheme slots in the order a colour is looked up, as the slide master's colour map names them. */
function colorSlots(scheme: PlacedScheme): [string, string][] {
  return [
    ['tx1', scheme.dark1],
    ['tx2', scheme.dark2],
    ...scheme.accents.map((accent, index): [string, string] => [`accent${index + 1}`, accent]),
    ['hlink', scheme.link],
    ['bg1', scheme.light1],
    ['bg2', scheme.light2],
  ];
}

/**
 * `oneLinkColor`: the theme part gives visited links the link colour too, as deckdown's own
 * theme does (see `writeThemeScheme`); a template's theme keeps its own colour for them.
 */
export function schemeRefs(scheme: PlacedScheme, oneLinkColor = true): SchemeRefs {
  const slots = new Map<string, string>();
  for (const [slot, hex] of colorSlots(scheme)) if (!slots.has(hex.toUpperCase())) slots.set(hex.toUpperCase(), slot);
  const role = (face: string, heading: boolean) => {
    const major = face === scheme.headingFont;
    const minor = face === scheme.bodyFont;
    return major && (heading || !minor) ? 'mj' : minor ? 'mn' : undefined;
  };
  return {
    fonts: (face, heading) => {
      const theme = role(face, heading);
      const typeface = (script: string) => (theme ? `+${theme}-${script}` : escapeXml(face));
      return `<a:latin typeface="${typeface('lt')}"/><a:ea typeface="${typeface('ea')}"/><a:cs typeface="${typeface('cs')}"/>`;
    },
    color: (hex) => {
      const slot = slots.get(hex.toUpperCase());
      return slot ? `<a:schemeClr val="${slot}"/>` : `<a:srgbClr val="${hex}"/>`;
    },
    isLinkColor: (hex) => oneLinkColor && hex.toUpperCase() === scheme.link.toUpperCase(),
  };
}
