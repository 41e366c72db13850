import type { PlacedDeck, PlacedLayout, PlacedPlaceholder } from '../layout/frames.js';
import { readPart, renumberShapes, writePart, type Parts } from './fill-text.js';
import { attributes, escapeXml, inchesToEmu } from './xml.js';

const ANCHOR = { top: 't', middle: 'ctr', bottom: 'b' } as const;
const ALIGN = { left: 'l', center: 'ctr', right: 'r' } as const;
const BULLETS = ['•', '–', '◦', '▪'];
/** The body placeholder's index; slides point at it to inherit position and style. */
export const BODY_INDEX = 1;

function runDefaults(placeholder: PlacedPlaceholder, lang: string): string {
  const { style } = placeholder;
  const face = escapeXml(style.font);
  return `<a:defRPr${attributes({ lang, sz: Math.round(style.sizePt * 100), b: style.bold ? 1 : 0 })}><a:solidFill><a:srgbClr val="${style.color}"/></a:solidFill><a:latin typeface="${face}"/><a:ea typeface="${face}"/><a:cs typeface="${face}"/></a:defRPr>`;
}

/** The text styles of a placeholder: what text typed into it in PowerPoint looks like. */
function levels(placeholder: PlacedPlaceholder, lang: string): string {
  const align = ALIGN[placeholder.align];
  if (!placeholder.bullets) return `<a:lvl1pPr${attributes({ marL: 0, indent: 0, algn: align })}><a:buNone/>${runDefaults(placeholder, lang)}</a:lvl1pPr>`;
  const { color, indentInches } = placeholder.bullets;
  return BULLETS.map((char, level) => {
    const hang = inchesToEmu(indentInches * 0.8);
    const margin = inchesToEmu(indentInches * level) + hang;
    return `<a:lvl${level + 1}pPr${attributes({ marL: margin, indent: -hang, algn: align })}><a:buClr><a:srgbClr val="${color}"/></a:buClr><a:buFont typeface="Arial"/><a:buChar char="${char}"/>${runDefaults(placeholder, lang)}</a:lvl${level + 1}pPr>`;
  }).join('');
}

function placeholderShape(kind: 'title' | 'body', placeholder: PlacedPlaceholder, lang: string): string {
  const { box } = placeholder;
  const ph = kind === 'title' ? '<p:ph type="title"/>' : `<p:ph type="body" idx="${BODY_INDEX}"/>`;
  const name = kind === 'title' ? 'Title Placeholder' : 'Text Placeholder';
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="0" name="${name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>${ph}</p:nvPr></p:nvSpPr>` +
    `<p:spPr><a:xfrm><a:off${attributes({ x: inchesToEmu(box.x), y: inchesToEmu(box.y) })}/><a:ext${attributes({ cx: inchesToEmu(box.w), cy: inchesToEmu(box.h) })}/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>` +
    `<p:txBody><a:bodyPr${attributes({ wrap: 'square', rtlCol: 0, anchor: ANCHOR[placeholder.anchor] })}><a:noAutofit/></a:bodyPr><a:lstStyle>${levels(placeholder, lang)}</a:lstStyle><a:p><a:endParaRPr${attributes({ lang })}/></a:p></p:txBody></p:sp>`
  );
}

function layoutPartFor(parts: Parts, layout: PlacedLayout): string {
  const name = Object.keys(parts).find((part) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(part) && readPart(parts, part).includes(`<p:cSld name="${escapeXml(layout.name)}">`));
  if (!name) throw new Error(`internal error: no slide layout named "${layout.name}"`);
  return name;
}

/** Each slide layout gets its title and body placeholders, styled from the theme. */
export function addLayoutPlaceholders(parts: Parts, deck: PlacedDeck): void {
  for (const layout of deck.layouts) {
    const name = layoutPartFor(parts, layout);
    const shapes = placeholderShape('title', layout.title, deck.lang) + (layout.body ? placeholderShape('body', layout.body, deck.lang) : '');
    writePart(parts, name, renumberShapes(readPart(parts, name).replace('</p:spTree>', () => `${shapes}</p:spTree>`)));
  }
}

/** Turn the shape named `name` into the given placeholder, keeping its own position and text. */
function markPlaceholder(xml: string, name: string, ph: string): string {
  const marker = `name="${escapeXml(name)}"`;
  const at = xml.indexOf(marker);
  if (at < 0) return xml;
  const nvPr = xml.indexOf('<p:nvPr>', at);
  const close = xml.indexOf('</p:nvPr>', nvPr);
  const cNvSpPr = xml.slice(at, nvPr).replace('<p:cNvSpPr/>', '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>');
  return xml.slice(0, at) + cNvSpPr + `<p:nvPr>${ph}</p:nvPr>` + xml.slice(close + '</p:nvPr>'.length);
}

/**
 * A slide's title and first body frame become its layout's placeholders, so PowerPoint's
 * outline view, "Reset slide" and the accessibility checker see them.
 */
export function markSlidePlaceholders(parts: Parts, deck: PlacedDeck): void {
  deck.slides.forEach((slide, index) => {
    const name = `ppt/slides/slide${index + 1}.xml`;
    let xml = markPlaceholder(readPart(parts, name), 'Title', '<p:ph type="title"/>');
    const body = slide.layout === 'title' ? 'Subtitle' : 'Body';
    if (slide.frames.some((frame) => frame.name === body && frame.kind === 'text')) xml = markPlaceholder(xml, body, `<p:ph type="body" idx="${BODY_INDEX}"/>`);
    writePart(parts, name, xml);
  });
}

/**
 * pptxgenjs always writes an empty layout named "DEFAULT". No slide uses it, and a layout
 * without placeholders would only confuse whoever adds a slide by hand, so it is removed.
 */
export function removeDefaultLayout(parts: Parts): void {
  const name = Object.keys(parts).find((part) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(part) && readPart(parts, part).includes('<p:cSld name="DEFAULT">'));
  if (!name) return;
  const file = name.slice(name.lastIndexOf('/') + 1);
  const used = Object.keys(parts).some((part) => part.startsWith('ppt/slides/_rels/') && readPart(parts, part).includes(`slideLayouts/${file}"`));
  if (used) return;
  delete parts[name];
  delete parts[`ppt/slideLayouts/_rels/${file}.rels`];
  const masterRels = 'ppt/slideMasters/_rels/slideMaster1.xml.rels';
  const rels = readPart(parts, masterRels);
  const id = rels.match(new RegExp(`<Relationship Id="(\\w+)"[^>]*Target="\\.\\./slideLayouts/${file}"/>`))?.[1];
  if (!id) throw new Error(`internal error: the slide master does not list ${file}`);
  writePart(parts, masterRels, rels.replace(new RegExp(`<Relationship Id="${id}"[^>]*/>`), ''));
  writePart(parts, 'ppt/slideMasters/slideMaster1.xml', readPart(parts, 'ppt/slideMasters/slideMaster1.xml').replace(new RegExp(`<p:sldLayoutId id="\\d+" r:id="${id}"/>`), ''));
}
