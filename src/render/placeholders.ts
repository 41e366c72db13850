import { layoutOf, type PlacedDeck, type PlacedPlaceholder, type PlacedSlide, type PlacedTextStyle } from '../layout/frames.js';
import type { Element } from '@xmldom/xmldom';
import { all, children, first, insert, NS, required, shapeNamed } from './dom.js';
import { slidePart } from './part-names.js';
import type { OpcPackage } from './opc-package.js';
import { removePart } from './relationships.js';
import { schemeRefs, type SchemeRefs } from './scheme-refs.js';
import { bodyPropertiesXml, paragraphPropertiesXml, slideNumberField } from './text-body.js';
import { attributes, inchesToEmu } from './xml.js';

/**
 * A layout's placeholders, typed and indexed as PowerPoint's own layouts do, so slides and
 * dialogs find them. `ownFrame`: a slide's placeholder of this kind keeps its position even
 * where it is the layout's: without one, LibreOffice draws a footer in the master's style
 * rather than its layout's, and on a slide with no title, no slide number at all.
 */
const KINDS = {
  title: { ph: '<p:ph type="title"/>', name: 'Title Placeholder', frame: 'Title', ownFrame: false },
  body: { ph: '<p:ph type="body" idx="1"/>', name: 'Text Placeholder', frame: 'Body', ownFrame: false },
  date: { ph: '<p:ph type="dt" sz="half" idx="10"/>', name: 'Date Placeholder', frame: 'Date', ownFrame: true },
  footer: { ph: '<p:ph type="ftr" sz="quarter" idx="11"/>', name: 'Footer Placeholder', frame: 'Footer', ownFrame: true },
  slideNumber: { ph: '<p:ph type="sldNum" sz="quarter" idx="12"/>', name: 'Slide Number Placeholder', frame: 'Slide Number', ownFrame: true },
} as const;
type PlaceholderKind = keyof typeof KINDS;
const LAYOUT_KINDS = Object.keys(KINDS) as PlaceholderKind[];

/**
 * The list levels of a text style (`a:lvl1pPr`…): what text typed into the placeholder in
 * PowerPoint looks like, and what the slides' own text leaves out.
 */
export function levelsXml(text: PlacedTextStyle, lang: string, scheme: SchemeRefs, heading: boolean): string {
  const { style } = text;
  const defaults = `<a:defRPr${attributes({ lang, sz: Math.round(style.sizePt * 100), b: style.bold ? 1 : 0 })}><a:solidFill>${scheme.color(style.color)}</a:solidFill>${scheme.fonts(style.font, heading)}</a:defRPr>`;
  return text.levels.map((look, level) => paragraphPropertiesXml(`a:lvl${level + 1}pPr`, look, scheme, { inner: defaults })).join('');
}

function placeholderShape(kind: PlaceholderKind, placeholder: PlacedPlaceholder, lang: string, scheme: SchemeRefs): string {
  const { box } = placeholder;
  // The slide-number placeholder shows the number field, as PowerPoint's own does.
  const content = kind === 'slideNumber' ? slideNumberField(`<a:rPr${attributes({ lang })}/>`, '‹#›') : '';
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="0" name="${KINDS[kind].name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>${KINDS[kind].ph}</p:nvPr></p:nvSpPr>` +
    `<p:spPr><a:xfrm><a:off${attributes({ x: inchesToEmu(box.x), y: inchesToEmu(box.y) })}/><a:ext${attributes({ cx: inchesToEmu(box.w), cy: inchesToEmu(box.h) })}/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>` +
    // The paragraph has no end mark: text is never typed into a layout's placeholder but into a slide's.
    `<p:txBody>${bodyPropertiesXml(placeholder, 'defaults')}<a:lstStyle>${levelsXml(placeholder, lang, scheme, kind === 'title')}</a:lstStyle><a:p>${content}</a:p></p:txBody></p:sp>`
  );
}

/**
 * The layout placeholder a slide's frame stands in: its title, its first body frame (the
 * subtitle on a title slide), its footer and its slide number. Such a frame inherits its text
 * style from the placeholder.
 */
export function placeholderOf(deck: PlacedDeck, slide: PlacedSlide, frameName: string): { kind: PlaceholderKind; placeholder: PlacedPlaceholder } | undefined {
  const layout = layoutOf(deck, slide);
  if (!layout || !slide.frames.some((frame) => frame.name === frameName && frame.kind === 'text')) return undefined;
  const bodyFrame = slide.layout === 'title' ? 'Subtitle' : KINDS.body.frame;
  const kind = LAYOUT_KINDS.find((candidate) => (candidate === 'body' ? bodyFrame : KINDS[candidate].frame) === frameName);
  const placeholder = kind ? layout[kind] : undefined;
  return kind && placeholder ? { kind, placeholder } : undefined;
}

function layoutNamed(opc: OpcPackage, name: string): string | undefined {
  return opc.names().find((part) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(part) && first(opc.xml(part), 'p:cSld')?.getAttribute('name') === name);
}

/** Each slide layout gets its title and body placeholders, styled from the theme. */
export function addLayoutPlaceholders(opc: OpcPackage, deck: PlacedDeck): void {
  const scheme = schemeRefs(deck.scheme);
  for (const layout of deck.layouts) {
    const part = layoutNamed(opc, layout.name);
    if (!part) throw new Error(`internal error: no slide layout named "${layout.name}"`);
    const tree = required(opc.xml(part), 'p:spTree', part);
    for (const kind of LAYOUT_KINDS) {
      const placeholder = layout[kind];
      if (placeholder) insert(tree, placeholderShape(kind, placeholder, deck.lang, scheme));
    }
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
export function markSlidePlaceholders(opc: OpcPackage, deck: PlacedDeck): (index: number) => void {
  return (index) => {
    const slide = deck.slides[index]!;
    const part = slidePart(index);
    for (const frame of slide.frames) {
      const role = placeholderOf(deck, slide, frame.name);
      if (!role) continue;
      const shape = shapeNamed(opc.xml(part), frame.name, part);
      markPlaceholder(shape, KINDS[role.kind].ph, part);
      if (deck.template === undefined) inheritShape(shape, KINDS[role.kind].ownFrame ? undefined : role.placeholder.box, part);
    }
  };
}

/**
 * deckdown's layout placeholders are rectangles without fill: a slide's placeholder takes that
 * from its layout's, and its position and size too where they are the layout's, so that
 * PowerPoint's "Reset slide" leaves it where it is.
 */
function inheritShape(shape: Element, box: PlacedPlaceholder['box'] | undefined, part: string): void {
  const properties = required(shape, 'p:spPr', part);
  for (const element of [...children(properties, 'a:prstGeom'), ...children(properties, 'a:noFill'), ...children(properties, 'a:xfrm')]) {
    if (element.localName === 'prstGeom' && element.getAttribute('prst') !== 'rect') continue;
    if (element.localName === 'xfrm' && !(box && sameFrame(element, box))) continue;
    properties.removeChild(element);
  }
}

/** A transform that places a shape exactly in the box, unrotated and unflipped, as the layout writes it. */
function sameFrame(transform: Element, box: PlacedPlaceholder['box']): boolean {
  const offset = first(transform, 'a:off');
  const extent = first(transform, 'a:ext');
  const unturned = ['rot', 'flipH', 'flipV'].every((name) => !transform.getAttribute(name) || transform.getAttribute(name) === '0');
  const at = (element: Element | undefined, name: string) => Number(element?.getAttribute(name));
  return unturned && at(offset, 'x') === inchesToEmu(box.x) && at(offset, 'y') === inchesToEmu(box.y) && at(extent, 'cx') === inchesToEmu(box.w) && at(extent, 'cy') === inchesToEmu(box.h);
}

/**
 * The master records which of footer, date and slide number the slides show, so that
 * PowerPoint's Header & Footer dialog opens with the deck's own choice ticked.
 */
export function headerFooterFlags(opc: OpcPackage, deck: PlacedDeck): void {
  const master = 'ppt/slideMasters/slideMaster1.xml';
  const shows = (frameName: string) => (deck.slides.some((slide) => slide.frames.some((frame) => frame.name === frameName)) ? '1' : '0');
  const flags = required(opc.xml(master), 'p:hf', master);
  flags.setAttribute('sldNum', shows(KINDS.slideNumber.frame));
  flags.setAttribute('ftr', shows(KINDS.footer.frame));
  flags.setAttribute('hdr', '0');
  flags.setAttribute('dt', '0');
}

/**
 * pptxgenjs always writes an empty layout named "DEFAULT". No slide uses it (each is added with
 * its own layout, see `writeWithPptxgen`), and a layout without placeholders would only confuse
 * whoever adds a slide by hand, so it is removed.
 */
export function removeDefaultLayout(opc: OpcPackage): void {
  const part = layoutNamed(opc, 'DEFAULT');
  if (!part) return;
  const master = 'ppt/slideMasters/slideMaster1.xml';
  const id = removePart(opc, master, part);
  if (!id) throw new Error(`internal error: the slide master does not list ${part}`);
  const entry = all(opc.xml(master), 'p:sldLayoutId').find((element) => element.getAttributeNS(NS.r, 'id') === id);
  entry?.parentNode!.removeChild(entry);
}
