import type { Document, Element } from '@xmldom/xmldom';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { all, children, first } from '../render/dom.js';
import { OpcPackage } from '../render/opc-package.js';
import { relationships, resolveTarget } from '../render/relationships.js';
import { emuToInches } from '../render/xml.js';
import { ArchiveError, readArchive } from './read-archive.js';
import { packageFaults } from './package-faults.js';
import type { Box } from '../theme/schema.js';

/**
 * A PowerPoint template (.potx, or a .pptx used as one) read for what a deck built on it needs:
 * its slide size, its masters and layouts with their placeholders, and its theme's colours and
 * fonts. Placeholders are resolved as PowerPoint resolves them: a layout placeholder without a
 * frame or a text size takes its master's.
 */
export interface Template {
  /** The file the template came from, for messages. */
  source: string;
  opc: OpcPackage;
  widthInches: number;
  heightInches: number;
  /** The presentation part: `ppt/presentation.xml`. */
  presentation: string;
  /** The slide masters, in the presentation's order. */
  masters: string[];
  layouts: TemplateLayout[];
  /** The first master's theme part. */
  theme: string;
  /** Theme colours by scheme slot (`dk1`, `lt1`, `accent1`, …), as six hex digits. */
  colors: Record<string, string>;
  fonts: { heading?: string | undefined; body?: string | undefined };
}

/** PowerPoint's placeholder types; a placeholder that names none is an object (`obj`). */
export type PlaceholderType = 'title' | 'ctrTitle' | 'subTitle' | 'body' | 'obj' | 'pic' | 'dt' | 'ftr' | 'sldNum' | 'chart' | 'tbl' | 'media' | 'clipArt' | 'dgm' | 'sldImg' | 'hdr';

export interface TemplatePlaceholder {
  type: PlaceholderType;
  idx: number;
  box: Box;
  /** The first level's text: size, boldness and colour, where the layout or master sets them. */
  sizePt?: number | undefined;
  bold?: boolean | undefined;
  color?: string | undefined;
  /** Capitals the placeholder sets its text in (`all`, `small`), which measuring does not know. */
  caps?: string | undefined;
  /** The first level's alignment (`l`, `ctr`, `r`, …). */
  align?: string | undefined;
}

export interface TemplateLayout {
  part: string;
  name: string;
  /** The layout type PowerPoint records (`title`, `obj`, `secHead`, `twoObj`, …). */
  type: string;
  master: string;
  placeholders: TemplatePlaceholder[];
  /** The colour behind the layout's slides, where a solid colour decides it. */
  background?: string | undefined;
}

export class TemplateError extends Error {}

const inches = (emu: string | null) => emuToInches(Number(emu));

/** The frame of a shape or picture (its first `a:off` and `a:ext`), in inches. */
export function frameOf(shape: Element): Box | undefined {
  const offset = first(shape, 'a:off');
  const extent = first(shape, 'a:ext');
  if (!offset || !extent) return undefined;
  return { x: inches(offset.getAttribute('x')), y: inches(offset.getAttribute('y')), w: inches(extent.getAttribute('cx')), h: inches(extent.getAttribute('cy')) };
}

const RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

function related(opc: OpcPackage, source: string, type: string): string[] {
  return relationships(opc, source)
    .filter((relationship) => relationship.type === `${RELATIONSHIP}${type}` && !relationship.external)
    .map((relationship) => resolveTarget(source, relationship.target))
    .filter((name) => opc.has(name));
}

/** The presentation part, named by the package's root relationship. */
function presentationPart(opc: OpcPackage): string {
  const root = relationships(opc, '').find((relationship) => relationship.type === `${RELATIONSHIP}officeDocument`);
  const name = root ? resolveTarget('', root.target) : 'ppt/presentation.xml';
  if (!opc.has(name)) throw new TemplateError('it is not a PowerPoint presentation or template: it has no presentation part');
  return name;
}

/** Scheme colours of a theme part: sRGB values, or a system colour's last value. */
function schemeColors(theme: Document): Record<string, string> {
  const colors: Record<string, string> = {};
  const scheme = first(theme, 'a:clrScheme');
  for (const slot of scheme ? Array.from(scheme.childNodes) : []) {
    if (slot.nodeType !== slot.ELEMENT_NODE) continue;
    const value = first(slot as Element, 'a:srgbClr')?.getAttribute('val') ?? first(slot as Element, 'a:sysClr')?.getAttribute('lastClr');
    if (value && /^[0-9A-Fa-f]{6}$/.test(value)) colors[(slot as Element).localName!] = value.toUpperCase();
  }
  return colors;
}

function schemeFont(theme: Document, tag: 'a:majorFont' | 'a:minorFont'): string | undefined {
  const font = first(theme, tag);
  const latin = font ? children(font, 'a:latin')[0]?.getAttribute('typeface') : undefined;
  return latin || undefined;
}

/** The slot a scheme colour name refers to through the master's colour map (`tx1` → `dk1`). */
function mapped(name: string, colorMap: Element | undefined): string {
  return colorMap?.getAttribute(name) ?? name;
}

/** A fill's colour as hex: sRGB, or a scheme colour through the colour map. */
function fillColor(fill: Element | undefined, colors: Record<string, string>, colorMap: Element | undefined): string | undefined {
  if (!fill) return undefined;
  const srgb = first(fill, 'a:srgbClr')?.getAttribute('val');
  if (srgb) return srgb.toUpperCase();
  const scheme = first(fill, 'a:schemeClr')?.getAttribute('val');
  return scheme ? colors[mapped(scheme, colorMap)] : undefined;
}

/** The solid colour a layout's or master's background gives, if a solid colour or a reference decides it. */
function backgroundColor(document: Document, colors: Record<string, string>, colorMap: Element | undefined): string | undefined {
  const background = first(document, 'p:bg');
  if (!background) return undefined;
  const properties = first(background, 'p:bgPr');
  if (properties && (first(properties, 'a:blipFill') || first(properties, 'a:gradFill'))) return undefined;
  return fillColor(properties ? first(properties, 'a:solidFill') : first(background, 'p:bgRef'), colors, colorMap);
}

const TITLE_TYPES = new Set(['title', 'ctrTitle']);
const BODY_TYPES = new Set(['body', 'obj', 'subTitle']);

/** Which master text style a placeholder type starts from. */
function masterStyle(type: string): 'p:titleStyle' | 'p:bodyStyle' | 'p:otherStyle' {
  return TITLE_TYPES.has(type) ? 'p:titleStyle' : BODY_TYPES.has(type) ? 'p:bodyStyle' : 'p:otherStyle';
}

type LevelStyle = Pick<TemplatePlaceholder, 'sizePt' | 'bold' | 'color' | 'caps' | 'align'>;

/** The first level's run defaults of a list style (`a:lstStyle`, `p:titleStyle`, …). */
function levelStyle(list: Element | undefined, colors: Record<string, string>, colorMap: Element | undefined): LevelStyle {
  const level = list ? children(list, 'a:lvl1pPr')[0] : undefined;
  const align = level?.getAttribute('algn');
  const defaults = level ? children(level, 'a:defRPr')[0] : undefined;
  if (!defaults) return align ? { align } : {};
  const size = defaults.getAttribute('sz');
  const bold = defaults.getAttribute('b');
  const color = fillColor(children(defaults, 'a:solidFill')[0], colors, colorMap);
  const caps = defaults.getAttribute('cap');
  return { ...(size ? { sizePt: Number(size) / 100 } : {}), ...(bold ? { bold: bold === '1' || bold === 'true' } : {}), ...(color ? { color } : {}), ...(caps ? { caps } : {}), ...(align ? { align } : {}) };
}

interface RawPlaceholder {
  type: PlaceholderType;
  idx: number;
  box?: Box | undefined;
  style: LevelStyle;
}

function placeholdersOf(document: Document, colors: Record<string, string>, colorMap: Element | undefined): RawPlaceholder[] {
  return all(document, 'p:ph').map((ph) => {
    const shape = ph.parentNode?.parentNode?.parentNode as Element;
    const box = frameOf(shape);
    const body = first(shape, 'p:txBody');
    return {
      type: (ph.getAttribute('type') ?? 'obj') as PlaceholderType,
      idx: Number(ph.getAttribute('idx') ?? 0),
      box,
      style: levelStyle(body ? children(body, 'a:lstStyle')[0] : undefined, colors, colorMap),
    };
  });
}

/** The master placeholder a layout placeholder inherits from: same type, titles and bodies by kind. */
function inheritedFrom(placeholder: RawPlaceholder, master: RawPlaceholder[]): RawPlaceholder | undefined {
  const kind = (type: string) => (TITLE_TYPES.has(type) ? 'title' : BODY_TYPES.has(type) || type === 'pic' || type === 'tbl' || type === 'chart' ? 'body' : type);
  return master.find((candidate) => candidate.type === placeholder.type) ?? master.find((candidate) => kind(candidate.type) === kind(placeholder.type));
}

function readLayout(opc: OpcPackage, part: string, master: string, colors: Record<string, string>): TemplateLayout {
  const masterDocument = opc.xml(master);
  const colorMap = first(masterDocument, 'p:clrMap');
  const masterPlaceholders = placeholdersOf(masterDocument, colors, colorMap);
  const document = opc.xml(part);
  const txStyles = first(masterDocument, 'p:txStyles');
  const placeholders = placeholdersOf(document, colors, colorMap).flatMap((placeholder): TemplatePlaceholder[] => {
    const parent = inheritedFrom(placeholder, masterPlaceholders);
    const box = placeholder.box ?? parent?.box;
    if (!box) return [];
    const styleList = txStyles ? children(txStyles, masterStyle(placeholder.type))[0] : undefined;
    const style = { ...levelStyle(styleList, colors, colorMap), ...parent?.style, ...placeholder.style };
    return [{ type: placeholder.type, idx: placeholder.idx, box, ...style }];
  });
  const root = document.documentElement!;
  return {
    part,
    name: first(document, 'p:cSld')?.getAttribute('name') ?? '',
    type: root.getAttribute('type') ?? 'cust',
    master,
    placeholders,
    background: backgroundColor(document, colors, colorMap) ?? backgroundColor(masterDocument, colors, colorMap),
  };
}

/**
 * The package of a template's bytes, every XML part parsed once now: a part that is not
 * well-formed, or that declares a document type (which packages may not, and whose entities could
 * expand without bound), is an error here rather than deep inside a later step. No message
 * quotes a part: the template is not the user's own text.
 */
function openPackage(bytes: Uint8Array, limits: Limits): OpcPackage {
  let opc: OpcPackage;
  try {
    opc = OpcPackage.fromParts(readArchive(bytes, limits));
  } catch (error) {
    if (error instanceof ArchiveError) throw new TemplateError(`it is not a PowerPoint presentation or template: ${error.message}`);
    throw error;
  }
  for (const name of opc.names().filter((part) => /\.(xml|rels)$/i.test(part))) {
    const part = JSON.stringify(name);
    if (/<!DOCTYPE/i.test(new TextDecoder().decode(opc.bytes(name)))) throw new TemplateError(`its part ${part} declares a document type, which packages may not have`);
    try {
      opc.xml(name);
    } catch {
      throw new TemplateError(`its part ${part} is not well-formed XML`);
    }
  }
  const [fault] = packageFaults(opc);
  if (fault) throw new TemplateError(fault);
  return opc;
}

/** Open a template's bytes; `source` names it in errors. */
export function openTemplate(bytes: Uint8Array, source: string, limits: Limits = DEFAULT_LIMITS): Template {
  const opc = openPackage(bytes, limits);
  const presentation = presentationPart(opc);
  const masters = related(opc, presentation, 'slideMaster');
  if (masters.length === 0) throw new TemplateError('it has no slide master');
  const theme = related(opc, masters[0]!, 'theme')[0];
  if (!theme) throw new TemplateError('its slide master has no theme');
  const themeDocument = opc.xml(theme);
  const colors = schemeColors(themeDocument);
  const size = first(opc.xml(presentation), 'p:sldSz');
  if (!size) throw new TemplateError('it has no slide size');
  // The standard's range of a slide side, 1 to 56 inches; outside it no deck built on it is valid.
  const sides = ['cx', 'cy'].map((side) => Number(size.getAttribute(side)));
  if (!sides.every((side) => Number.isInteger(side) && side >= 914400 && side <= 51206400)) throw new TemplateError('its slide size is outside the range PowerPoint allows (1 to 56 inches a side)');
  const layouts = masters.flatMap((master) => related(opc, master, 'slideLayout').map((part) => readLayout(opc, part, master, colors)));
  return {
    source,
    opc,
    widthInches: inches(size.getAttribute('cx')),
    heightInches: inches(size.getAttribute('cy')),
    presentation,
    masters,
    layouts,
    theme,
    colors,
    fonts: { heading: schemeFont(themeDocument, 'a:majorFont'), body: schemeFont(themeDocument, 'a:minorFont') },
  };
}
