import type { PlacedScheme } from '../layout/frames.js';
import { TITLE_RULE } from '../layout/layout-shapes.js';
import type { Document, Element } from '@xmldom/xmldom';
import { all, replaceWith, required, shapesNamed } from './dom.js';
import { slidePart } from './part-names.js';
import { schemeRefs } from './scheme-refs.js';
import type { OpcPackage } from './opc-package.js';
import { escapeXml } from './xml.js';

const THEME_PART = 'ppt/theme/theme1.xml';

const color = (name: string, value: string) => `<a:${name}><a:srgbClr val="${value}"/></a:${name}>`;

/**
 * pptxgenjs writes Office's fixed colours and fonts into the theme part. The theme's own go
 * there instead, so PowerPoint's colour and font pickers, charts and new shapes follow it.
 */
export function writeThemeScheme(opc: OpcPackage, scheme: PlacedScheme): void {
  const name = escapeXml(scheme.name);
  const colors =
    `<a:clrScheme name="${name}">` +
    color('dk1', scheme.dark1) +
    color('lt1', scheme.light1) +
    color('dk2', scheme.dark2) +
    color('lt2', scheme.light2) +
    scheme.accents.map((accent, index) => color(`accent${index + 1}`, accent)).join('') +
    color('hlink', scheme.link) +
    color('folHlink', scheme.link) +
    '</a:clrScheme>';
  // Text names its fonts +mj-lt/+mj-ea/+mj-cs (+mn-… for body text): all three slots hold the face.
  const font = (tag: string, face: string) => `<a:${tag}><a:latin typeface="${escapeXml(face)}"/><a:ea typeface="${escapeXml(face)}"/><a:cs typeface="${escapeXml(face)}"/></a:${tag}>`;
  const fonts = `<a:fontScheme name="${name}">${font('majorFont', scheme.headingFont)}${font('minorFont', scheme.bodyFont)}</a:fontScheme>`;
  const document = opc.xml(THEME_PART);
  replaceWith(required(document, 'a:clrScheme', THEME_PART), colors);
  replaceWith(required(document, 'a:fontScheme', THEME_PART), fonts);
  // The theme's name, also where Office records the theme family.
  for (const element of Array.from(document.getElementsByTagName('*'))) if (element.getAttribute('name') === 'Office Theme') element.setAttribute('name', scheme.name);
}

/** Colours the scheme has, written as values under `root`, become references to it. */
function toSchemeColors(scheme: PlacedScheme): (root: Element | Document) => void {
  const refs = schemeRefs(scheme);
  return (root) => {
    for (const color of all(root, 'a:srgbClr')) {
      const reference = refs.color(color.getAttribute('val')!);
      if (reference.startsWith('<a:schemeClr')) replaceWith(color, reference);
    }
  };
}

/**
 * The slide layouts' backgrounds and decorations name the theme's colours by reference where
 * the scheme has them, as their text already does, so a new colour scheme reaches them too.
 */
export function schemeColorsInLayouts(opc: OpcPackage, scheme: PlacedScheme): void {
  const toScheme = toSchemeColors(scheme);
  for (const name of opc.names().filter((part) => /^ppt\/slideLayouts\/[^/]+\.xml$/.test(part))) toScheme(opc.xml(name));
}

/** The accent rules a slide draws itself (a quote's, and a title's where the slide hides its layout's) follow the scheme too. */
export function schemeColorsInRules(opc: OpcPackage, scheme: PlacedScheme): (index: number) => void {
  const toScheme = toSchemeColors(scheme);
  return (index) => {
    const part = slidePart(index);
    for (const rule of SLIDE_RULES.flatMap((shape) => shapesNamed(opc.xml(part), shape, part))) toScheme(rule);
  };
}

/** The decorations a slide draws itself, in the theme's accent. */
const SLIDE_RULES = [TITLE_RULE, 'Quote Rule'];
