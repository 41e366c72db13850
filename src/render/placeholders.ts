import type { PlacedDeck, PlacedPlaceholder, PlacedSlide } from '../layout/frames.js';
import type { Element } from '@xmldom/xmldom';
import { all, first, insert, NS, required, shapeNamed } from './dom.js';
import { slidePart } from './part-names.js';
import type { OpcPackage } from './opc-package.js';
import { relationships, relsPartOf, removeRelationship, resolveTarget } from './relationships.js';
import { schemeRefs, type SchemeRefs } from './scheme-refs.js';
import { attributes, inchesToEmu } from './xml.js';

const ANCHOR = { top: 't', middle: 'ctr', bottom: 'b' } as const;
const ALIGN = { left: 'l', center: 'ctr', right: 'r' } as const;
const BULLETS = ['•', '–', '◦', '▪'];
/** The body placeholder's index; slides point at it to inherit position and style. */
export const BODY_INDEX = 1;

function runDefaults(placeholder: PlacedPlaceholder, lang: string, scheme: SchemeRefs, heading: boolean): string {
  const { style } = placeholder;
  return `<a:defRPr${attributes({ lang, sz: Math.round(style.sizePt * 100), b: style.bold ? 1 : 0 })}><a:solidFill>${scheme.color(style.color)}</a:solidFill>${scheme.fonts(style.font, heading)}</a:defRPr>`;
}

/** The text styles of a placeholder: what text typed into it in PowerPoint looks like. */
function levels(kind: PlaceholderKind, placeholder: PlacedPlaceholder, lang: string, scheme: SchemeRefs): string {
  const align = ALIGN[placeholder.align];
  const defaults = runDefaults(placeholder, lang, scheme, kind === 'title');
  if (!placeholder.bullets) return `<a:lvl1pPr${attributes({ marL: 0, indent: 0, algn: align })}><a:buNone/>${defaults}</a:lvl1pPr>`;
  const { color, indentInches } = placeholder.bullets;
  return BULLETS.map((char, level) => {
    const hang = inchesToEmu(indentInches * 0.8);
    const margin = inchesToEmu(indentInches * level) + hang;
    return `<a:lvl${level + 1}pPr${attributes({ marL: margin, indent: -hang, algn: align })}><a:buClr>${scheme.color(color)}</a:buClr><a:buFont typeface="Arial"/><a:buChar char="${char}"/>${defaults}</a:lvl${level + 1}pPr>`;
  }).join('');
}

type PlaceholderKind = 'title' | 'body';

function placeholderShape(kind: PlaceholderKind, placeholder: PlacedPlaceholder, lang: string, scheme: SchemeRefs): string {
  const { box } = placeholder;
  const ph = kind === 'title' ? '<p:ph type="title"/>' : `<p:ph type="body" idx="${BODY_INDEX}"/>`;
  const name = kind === 'title' ? 'Title Placeholder' : 'Text Placeholder';
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="0" name="${name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>${ph}</p:nvPr></p:nvSpPr>` +
    `<p:spPr><a:xfrm><a:off${attributes({ x: inchesToEmu(box.x), y: inchesToEmu(box.y) })}/><a:ext${attributes({ cx: inchesToEmu(box.w), cy: inchesToEmu(box.h) })}/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>` +
    `<p:txBody><a:bodyPr${attributes({ wrap: 'square', rtlCol: 0, anchor: ANCHOR[placeholder.anchor] })}><a:noAutofit/></a:bodyPr><a:lstStyle>${levels(kind, placeholder, lang, scheme)}</a:lstStyle><a:p><a:endParaRPr${attributes({ lang })}/></a:p></p:txBody></p:sp>`
  );
}

/**
 * The layout placeholder a slide's frame stands in: its title, and its first body frame (the
 * subtitle on a title slide). Such a frame inherits its text style from the placeholder.
 */
export function placeholderOf(deck: PlacedDeck, slide: PlacedSlide, frameName: string): { kind: PlaceholderKind; placeholder: PlacedPlaceholder } | undefined {
  const layout = deck.layouts.find((candidate) => candidate.layout === slide.layout);
  if (!layout || !slide.frames.some((frame) => frame.name === frameName && frame.kind === 'text')) return undefined;
  if (frameName === 'Title') return { kind: 'title', placeholder: layout.title };
  const body = slide.layout === 'title' ? 'Subtitle' : 'Body';
  return frameName === body && layout.body ? { kind: 'body', placeholder: layout.body } : undefined;
}

function layoutNamed(opc: OpcPackage, name: string): string | undefined {
  return opc.names().find((part) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(part) && first(opc.xml(part), 'p:cSld')?.getAttribute('name') === name);
}

/** Each slide layout gets its title and body placeholders, styled from the theme. */
export function addLayoutPlaceholders(opc: OpcPackage, deck: PlacedDeck): void {
  for (const layout of deck.layouts) {
    const part = layoutNamed(opc, layout.name);
    if (!part) throw new Error(`internal error: no slide layout named "${layout.name}"`);
    const tree = required(opc.xml(part), 'p:spTree', part);
    const scheme = schemeRefs(deck.scheme);
    insert(tree, placeholderShape('title', layout.title, deck.lang, scheme));
    if (layout.body) insert(tree, placeholderShape('body', layout.body, deck.lang, scheme));
  }
}

/** Turn a shape into the given placeholder, keeping its own position and text. */
function markPlaceholder(shape: Element, ph: string, part: string): void {
  const locks = required(shape, 'p:cNvSpPr', part);
  // A placeholder is not a free text box.
  locks.removeAttribute('txBox');
  if (!first(locks, 'a:spLocks')) insert(locks, '<a:spLocks noGrp="1"/>');
  const properties = required(shape, 'p:nvPr', part);
  while (properties.firstChild) properties.removeChild(properties.firstChild);
  insert(properties, ph);
}

/**
 * A slide's title and first body frame become its layout's placeholders, so PowerPoint's
 * outline view, "Reset slide" and the accessibility checker see them.
 */
export function markSlidePlaceholders(opc: OpcPackage, deck: PlacedDeck): void {
  deck.slides.forEach((slide, index) => {
    const part = slidePart(index);
    for (const frame of slide.frames) {
      const role = placeholderOf(deck, slide, frame.name);
      if (!role) continue;
      markPlaceholder(shapeNamed(opc.xml(part), frame.name, part), role.kind === 'title' ? '<p:ph type="title"/>' : `<p:ph type="body" idx="${BODY_INDEX}"/>`, part);
    }
  });
}

/**
 * pptxgenjs always writes an empty layout named "DEFAULT". No slide uses it, and a layout
 * without placeholders would only confuse whoever adds a slide by hand, so it is removed.
 */
export function removeDefaultLayout(opc: OpcPackage): void {
  const part = layoutNamed(opc, 'DEFAULT');
  if (!part) return;
  const users = opc.names().filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
  if (users.some((slide) => relationships(opc, slide).some((relationship) => resolveTarget(slide, relationship.target) === part))) return;
  opc.delete(part);
  opc.delete(relsPartOf(part));
  const master = 'ppt/slideMasters/slideMaster1.xml';
  const relationship = relationships(opc, master).find((candidate) => resolveTarget(master, candidate.target) === part);
  if (!relationship) throw new Error(`internal error: the slide master does not list ${part}`);
  removeRelationship(opc, master, relationship.id);
  const entry = all(opc.xml(master), 'p:sldLayoutId').find((element) => element.getAttributeNS(NS.r, 'id') === relationship.id);
  entry?.parentNode!.removeChild(entry);
}
