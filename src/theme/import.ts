import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { pictureKind } from '../media/image-info.js';
import { all, first, NS } from '../render/dom.js';
import { relationships, resolveTarget } from '../render/relationships.js';
import { chooseLayouts } from '../template/layout-choice.js';
import { frameOf, openTemplate, type Template } from '../template/open-template.js';
import { templateTheme } from '../template/template-theme.js';
import { schemeThemeColors } from './scheme-colors.js';
import type { Box, Theme } from './schema.js';

/** What a corporate template gives: its colours, fonts, slide size, placeholder frames, text sizes and logo. */
export interface ImportedTemplate {
  /** Theme settings over `default`, ready to write as a theme file. */
  theme: Record<string, unknown> & { extends: string };
  /** The logo picture found on the slide master, to save beside the theme file. */
  logo?: { data: Uint8Array; extension: string } | undefined;
  /** What could not be taken over, for the user to read. */
  notes: string[];
}

/** A value names a PowerPoint template rather than a theme. */
export function isTemplatePath(value: string): boolean {
  return /\.(pptx|potx)$/i.test(value);
}

/** The heading and body fonts a template names, as theme settings. */
function fontsOf(template: Template): { heading?: string; body?: string } {
  const { heading, body } = template.fonts;
  return { ...(heading ? { heading } : {}), ...(body ? { body } : {}) };
}

/** The heading and body fonts a template (.potx or .pptx) would give its imported theme. */
export function templateFonts(bytes: Uint8Array, limits: Limits = DEFAULT_LIMITS): { heading?: string; body?: string } {
  return fontsOf(openTemplate(bytes, 'the template', limits));
}

/**
 * The first picture on the first slide master (or, failing that, on a layout): a template's logo.
 * Its file extension is the kind its content says, never the part's name, and a part that is
 * no picture, or one over the budgets, is passed over.
 */
function findLogo(template: Template, limits: Limits): { data: Uint8Array; extension: string; box: Box } | undefined {
  const { opc } = template;
  for (const source of [template.masters[0]!, ...template.layouts.map((layout) => layout.part).sort()]) {
    for (const picture of all(opc.xml(source), 'p:pic')) {
      const embed = first(picture, 'a:blip')?.getAttributeNS(NS.r, 'embed');
      const frame = frameOf(picture);
      const relationship = relationships(opc, source).find((candidate) => candidate.id === embed && !candidate.external);
      const media = relationship && resolveTarget(source, relationship.target);
      if (!media || !opc.has(media) || !frame) continue;
      const box = rounded(frame);
      // A picture covering most of the slide is a background, not a logo.
      if (box.w * box.h > 0.25 * template.widthInches * template.heightInches) continue;
      const data = opc.bytes(media);
      const kind = pictureKind(data, limits);
      if (kind) return { data, extension: kind, box };
    }
  }
  return undefined;
}

/** Inches and points to three decimals, for a theme file a person edits. */
function rounded<T>(value: T): T {
  if (typeof value === 'number') return (Math.round(value * 1000) / 1000) as T;
  if (Array.isArray(value)) return value.map(rounded) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, rounded(inner)])) as T;
  return value;
}

/**
 * A PowerPoint template (.potx or .pptx) → theme settings over `base`: the colour scheme, the
 * major and minor fonts, the slide size, the frames and text sizes of its placeholders (as a
 * deck built on the template lays out) and the logo.
 */
export function importTemplate(bytes: Uint8Array, base: Theme, name: string, limits: Limits = DEFAULT_LIMITS): ImportedTemplate {
  const template = openTemplate(bytes, name, limits);
  const notes: string[] = [];
  const theme: ImportedTemplate['theme'] = {
    extends: 'default',
    name,
    description: 'Imported from a PowerPoint template: its colour scheme, fonts, slide size, placeholder frames, text sizes and logo.',
    colors: schemeThemeColors((slot, fallback) => template.colors[slot] ?? fallback, base),
  };
  const fonts = fontsOf(template);
  if (fonts.heading || fonts.body) theme.fonts = fonts;
  else notes.push('the template names no theme fonts; the default fonts are kept');
  const laidOut = templateTheme(template, chooseLayouts(template.layouts), base);
  Object.assign(theme, rounded({ slide: laidOut.slide, layouts: laidOut.layouts, footer: laidOut.footer, sizes: laidOut.sizes, floors: laidOut.floors, spacing: laidOut.spacing }));
  const logo = findLogo(template, limits);
  if (logo) theme.logo = { path: `${name}-logo.${logo.extension}`, box: logo.box };
  else notes.push('no logo picture was found on the slide master or its layouts');
  notes.push("taken over: colour scheme, heading and body fonts, slide size, placeholder frames, text sizes, logo; not taken over: the masters' and layouts' own shapes and background pictures (build with --reference-doc to keep them)");
  return { theme, ...(logo ? { logo: { data: logo.data, extension: logo.extension } } : {}), notes };
}
