import type { PlacedScheme } from '../layout/frames.js';
import { readPart, writePart, type Parts } from './fill-text.js';
import { escapeXml } from './xml.js';

const THEME_PART = 'ppt/theme/theme1.xml';

const color = (name: string, value: string) => `<a:${name}><a:srgbClr val="${value}"/></a:${name}>`;

/**
 * pptxgenjs writes Office's fixed colours and fonts into the theme part. The theme's own go
 * there instead, so PowerPoint's colour and font pickers, charts and new shapes follow it.
 */
export function writeThemeScheme(parts: Parts, scheme: PlacedScheme): void {
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
  const font = (tag: string, face: string) => `<a:${tag}><a:latin typeface="${escapeXml(face)}"/><a:ea typeface=""/><a:cs typeface=""/></a:${tag}>`;
  const fonts = `<a:fontScheme name="${name}">${font('majorFont', scheme.headingFont)}${font('minorFont', scheme.bodyFont)}</a:fontScheme>`;
  const xml = readPart(parts, THEME_PART)
    .replace(/<a:clrScheme[\s\S]*?<\/a:clrScheme>/, () => colors)
    .replace(/<a:fontScheme[\s\S]*?<\/a:fontScheme>/, () => fonts)
    // The theme's name, also where Office records the theme family.
    .replace(/name="Office Theme"/g, () => `name="${name}"`);
  writePart(parts, THEME_PART, xml);
}
