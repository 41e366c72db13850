import { strFromU8, unzipSync } from 'fflate';
import { posix } from 'node:path';
import { contrastRatio } from './contrast.js';
import { scaledGeometry } from './resize.js';
import type { Box, Theme } from './schema.js';

/** What a corporate template gives: its colours, fonts, slide size and logo. */
export interface ImportedTemplate {
  /** Theme settings over `default`, ready to write as a theme file. */
  theme: Record<string, unknown> & { extends: string };
  /** The logo picture found on the slide master, to save beside the theme file. */
  logo?: { data: Uint8Array; extension: string } | undefined;
  /** What could not be taken over, for the user to read. */
  notes: string[];
}

type Parts = Record<string, Uint8Array>;

function part(parts: Parts, name: string): string | undefined {
  const data = parts[name];
  return data ? strFromU8(data) : undefined;
}

/** The target of a part's first relationship of a type, resolved against the part's folder. */
function related(parts: Parts, source: string, type: string): string | undefined {
  const rels = part(parts, `${posix.dirname(source)}/_rels/${posix.basename(source)}.rels`) ?? '';
  const target = [...rels.matchAll(/<Relationship ([^>]*)\/>/g)].map((match) => match[1]!).find((attributes) => attributes.includes(`/relationships/${type}"`))?.match(/Target="([^"]+)"/)?.[1];
  return target ? (target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(posix.dirname(source), target))) : undefined;
}

/** A scheme colour as six hex digits: an sRGB value, or a system colour's last value. */
function schemeColor(themeXml: string, name: string): string | undefined {
  const element = themeXml.match(new RegExp(`<a:${name}>([\\s\\S]*?)</a:${name}>`))?.[1] ?? '';
  return (element.match(/<a:srgbClr val="([0-9A-Fa-f]{6})"/)?.[1] ?? element.match(/lastClr="([0-9A-Fa-f]{6})"/)?.[1])?.toUpperCase();
}

function typeface(themeXml: string, font: 'majorFont' | 'minorFont'): string | undefined {
  return themeXml.match(new RegExp(`<a:${font}>\\s*<a:latin typeface="([^"]+)"`))?.[1];
}

/** The major (heading) and minor (body) latin fonts of a theme part, where it names them. */
function schemeFonts(themeXml: string): { heading?: string; body?: string } {
  const heading = typeface(themeXml, 'majorFont');
  const body = typeface(themeXml, 'minorFont');
  return { ...(heading ? { heading } : {}), ...(body ? { body } : {}) };
}

/** A template's parts, its presentation part, its first slide master and that master's theme part. */
function openTemplate(bytes: Uint8Array): { parts: Parts; presentation: string; master: string; themeXml: string } {
  const parts = unzipSync(bytes);
  const presentation = part(parts, 'ppt/presentation.xml');
  if (!presentation) throw new Error('not a PowerPoint template: it has no ppt/presentation.xml');
  const master = related(parts, 'ppt/presentation.xml', 'slideMaster') ?? 'ppt/slideMasters/slideMaster1.xml';
  const themeXml = part(parts, related(parts, master, 'theme') ?? 'ppt/theme/theme1.xml') ?? '';
  return { parts, presentation, master, themeXml };
}

/** A value names a PowerPoint template rather than a theme. */
export function isTemplatePath(value: string): boolean {
  return /\.(pptx|potx)$/i.test(value);
}

/** The heading and body fonts a template (.potx or .pptx) would give its imported theme. */
export function templateFonts(bytes: Uint8Array): { heading?: string; body?: string } {
  return schemeFonts(openTemplate(bytes).themeXml);
}

/** A colour part of the way from one colour to another, for tints the scheme does not name. */
function mix(from: string, to: string, share: number): string {
  const channel = (hex: string, at: number) => parseInt(hex.slice(at, at + 2), 16);
  return [0, 2, 4]
    .map((at) => Math.round(channel(from, at) + (channel(to, at) - channel(from, at)) * share).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

const EMU_PER_INCH = 914400;

/** The first picture on the slide master (or, failing that, on a layout): a template's logo. */
function findLogo(parts: Parts, master: string, widthInches: number, heightInches: number): { data: Uint8Array; extension: string; box: Box } | undefined {
  const layouts = Object.keys(parts).filter((name) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(name)).sort();
  for (const source of [master, ...layouts]) {
    const xml = part(parts, source) ?? '';
    const picture = xml.match(/<p:pic>[\s\S]*?<\/p:pic>/)?.[0];
    const embed = picture?.match(/r:embed="([^"]+)"/)?.[1];
    const offset = picture?.match(/<a:off x="(\d+)" y="(\d+)"\/>/);
    const extent = picture?.match(/<a:ext cx="(\d+)" cy="(\d+)"\/>/);
    if (!embed || !offset || !extent) continue;
    const rels = part(parts, `${posix.dirname(source)}/_rels/${posix.basename(source)}.rels`) ?? '';
    const target = rels.match(new RegExp(`Id="${embed}"[^>]*Target="([^"]+)"`))?.[1] ?? rels.match(new RegExp(`Target="([^"]+)"[^>]*Id="${embed}"`))?.[1];
    const media = target && posix.normalize(posix.join(posix.dirname(source), target));
    const data = media ? parts[media] : undefined;
    if (!data || !media) continue;
    const inches = (emu: string) => Math.round((Number(emu) / EMU_PER_INCH) * 1000) / 1000;
    const box = { x: inches(offset[1]!), y: inches(offset[2]!), w: inches(extent[1]!), h: inches(extent[2]!) };
    // A picture covering most of the slide is a background, not a logo.
    if (box.w * box.h > 0.25 * widthInches * heightInches) continue;
    return { data, extension: posix.extname(media).slice(1).toLowerCase(), box };
  }
  return undefined;
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

/**
 * A PowerPoint template (.potx or .pptx) → theme settings over `base`: the colour scheme,
 * the major and minor fonts, the slide size (every box scaled to it) and the logo.
 */
export function importTemplate(bytes: Uint8Array, base: Theme, name: string): ImportedTemplate {
  const { parts, presentation, master, themeXml } = openTemplate(bytes);
  const notes: string[] = [];
  const size = presentation.match(/<p:sldSz cx="(\d+)" cy="(\d+)"/);
  const widthInches = size ? Math.round((Number(size[1]) / EMU_PER_INCH) * 1000) / 1000 : base.slide.widthInches;
  const heightInches = size ? Math.round((Number(size[2]) / EMU_PER_INCH) * 1000) / 1000 : base.slide.heightInches;

  const theme: ImportedTemplate['theme'] = {
    extends: 'default',
    name,
    description: `Imported from a PowerPoint template: its colour scheme, fonts${size ? ', slide size' : ''} and logo.`,
    colors: schemeThemeColors((scheme, fallback) => schemeColor(themeXml, scheme) ?? fallback, base),
  };
  const fonts = schemeFonts(themeXml);
  if (fonts.heading || fonts.body) theme.fonts = fonts;
  else notes.push('the template names no theme fonts; the default fonts are kept');

  if (widthInches !== base.slide.widthInches || heightInches !== base.slide.heightInches) {
    theme.slide = { widthInches, heightInches };
    Object.assign(theme, scaledGeometry(base, widthInches, heightInches));
  }
  const logo = findLogo(parts, master, widthInches, heightInches);
  if (logo) theme.logo = { path: `${name}-logo.${logo.extension}`, box: logo.box };
  else notes.push('no logo picture was found on the slide master or its layouts');
  notes.push('taken over: colour scheme, heading and body fonts, slide size, logo; not taken over: the layouts\' own shapes, placeholder positions, background pictures and text styles (deckdown lays slides out from the theme\'s frames)');
  return { theme, ...(logo ? { logo: { data: logo.data, extension: logo.extension } } : {}), notes };
}
