import { DOMParser, type Element } from '@xmldom/xmldom';
import { imageSize } from 'image-size';
import { overLimit, type Limits } from '../limits.js';

/**
 * An SVG picture read for what rasterising it would cost, before anything rasterises it. SVG
 * is a program as much as a picture: entities expand, `<use>` copies copy copies, groups nest
 * past any stack, and filters cost without bound. Each of these is measured here in one linear
 * pass over the parsed file, so that a picture that would stall or crash the renderer is refused
 * instead, and the rest are rasterised at a size whose cost is bounded.
 */
export interface SvgCost {
  /** Elements drawn, each `<use>` copy counted again. */
  elements: number;
  /** Elements nested in elements, through `<use>` copies too. */
  depth: number;
  /** Work to draw the picture, in the cost of filling it once: an element costs 1, one drawn on a layer of its own more. */
  units: number;
  /** The picture uses filters (blur, shadows…), which its PNG fallback is drawn without. */
  filtered: boolean;
}

/** Why an SVG is not drawn: it is not well-formed SVG, or it exceeds a budget. */
export interface SvgRefusal {
  ruleId: 'not-an-image' | 'image-over-limit';
  why: string;
}

export function isSvgRefusal(value: SvgCost | SvgRefusal): value is SvgRefusal {
  return 'ruleId' in value;
}

/**
 * What drawing on a layer of its own costs, in fills of the whole picture, as measured with
 * resvg: group opacity about 110 times a plain element, a mask or a clip path about 150 times
 * (its content is drawn on a layer too). A picture inside the picture is a layer.
 */
const LAYER_UNITS = 112;
const MASK_UNITS = 160;

/** Properties that make resvg draw an element on a layer of its own, as attributes or in CSS, with what each costs. */
const LAYERS: readonly (readonly [RegExp, number])[] = [
  [/(?:^|[\s;{"'=])(?:mask|clip-path)\s*[:=]/, MASK_UNITS],
  [/(?:^|[\s;{"'=])opacity\s*[:=]/, LAYER_UNITS],
];

/** What drawing an element with these attributes (or under this style sheet) costs beyond a plain fill. */
function layerUnits(text: string): number {
  return LAYERS.reduce((sum, [pattern, units]) => sum + (pattern.test(text) ? units : 0), 0);
}

/**
 * Filters and markers, as an attribute (`filter="url(#blur)"`, `marker-mid="url(#m)"`) and as a
 * CSS declaration (in `style`, in a `<style>` sheet or in an entity's value): what
 * `withoutFilters` removes. A filter costs without bound; a marker is drawn again at every vertex
 * of its path, so a short path of many vertices multiplies whatever the marker holds.
 */
const FILTER_ATTRIBUTE = /(\s)(?:filter|marker(?:-start|-mid|-end)?)\s*=\s*(?:"[^"]*"|'[^']*')/g;
const FILTER_DECLARATION = /([\s;{"'])(?:filter|marker(?:-start|-mid|-end)?)\s*:[^;}"'<]*/g;

/** The SVG text with every use of a filter or a marker removed: what its PNG fallback is drawn from. */
export function withoutFilters(text: string): string {
  return text.replace(FILTER_ATTRIBUTE, '$1').replace(FILTER_DECLARATION, '$1');
}

/** An internal entity declaration with a quoted value: the only kind an SVG may declare. */
const ENTITY_DECLARATION = /<!ENTITY\s+([^\s%"'<>]+)\s+(?:"([^"]*)"|'([^']*)')\s*>/g;

/**
 * The entities the document type declares, by name, or why they are refused. Entities whose
 * value refers to other entities (the "billion laughs") or holds markup, parameter entities and
 * external ones (`SYSTEM "file:///etc/passwd"`) are refused; plain text ones, as old Illustrator
 * files declare for namespace names, are allowed, and what they expand to counts against the
 * size budget.
 */
function declaredEntities(subset: string): Map<string, string> | string {
  const entities = new Map<string, string>();
  for (const match of subset.matchAll(ENTITY_DECLARATION)) {
    const value = match[2] ?? match[3] ?? '';
    if (/[&<%]/.test(value)) return 'it declares an XML entity that refers to other entities or holds markup';
    entities.set(match[1]!, value);
  }
  if ((subset.match(/<!ENTITY/g) ?? []).length !== entities.size) return 'it declares an external or parameter XML entity, which deckdown never resolves';
  return entities;
}

/** What the document's entity references expand to, in characters. */
function expandedLength(text: string, entities: ReadonlyMap<string, string>): number {
  let length = 0;
  for (const match of text.matchAll(/&([^\s&;#<>]+);/g)) length += entities.get(match[1]!)?.length ?? 0;
  return length;
}

/** The element a `<use>` copies, by its `href` (SVG 2) or `xlink:href` (SVG 1.1); only references within the file count. */
function useTarget(element: Element, ids: ReadonlyMap<string, Element>): Element | undefined {
  const href = element.getAttribute('href') ?? element.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ?? '';
  return href.startsWith('#') ? ids.get(href.slice(1)) : undefined;
}

/** An `<image>` inside the SVG given as a data URL, decoded. */
function embeddedPicture(element: Element): Uint8Array | undefined {
  const href = element.getAttribute('href') ?? element.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ?? '';
  const match = /^data:([^,]*?);base64,/i.exec(href);
  return match ? Buffer.from(href.slice(match[0].length), 'base64') : undefined;
}

const childElements = (element: Element): Element[] => Array.from(element.childNodes).filter((node): node is Element => node.nodeType === node.ELEMENT_NODE);

interface Tally {
  elements: number;
  depth: number;
  units: number;
}

/**
 * Elements, depth and units of the tree as drawn, `<use>` copies expanded. Each element is
 * tallied once, after what it contains or copies (an explicit stack: the tree may nest deeper
 * than the call stack goes), so a chain of copies of copies costs a step per element, not per copy.
 * A `<use>` that copies one of its own ancestors is not drawn, as in every renderer.
 */
function tallyTree(root: Element, ids: ReadonlyMap<string, Element>, weight: (element: Element) => number | string): Tally | string {
  const done = new Map<Element, Tally>();
  const open = new Set<Element>();
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const element = stack[stack.length - 1]!;
    if (done.has(element)) {
      stack.pop();
      continue;
    }
    const target = element.localName === 'use' ? useTarget(element, ids) : undefined;
    const parts = [...childElements(element), ...(target && !open.has(target) ? [target] : [])];
    const pending = parts.filter((part) => !done.has(part) && !open.has(part));
    if (!open.has(element) && pending.length > 0) {
      open.add(element);
      stack.push(...pending);
      continue;
    }
    stack.pop();
    open.delete(element);
    const own = weight(element);
    if (typeof own === 'string') return own;
    const tally = { elements: 1, depth: 1, units: own };
    for (const part of parts) {
      const inner = done.get(part);
      if (!inner) continue;
      tally.elements += inner.elements;
      tally.depth = Math.max(tally.depth, inner.depth + 1);
      tally.units += inner.units;
    }
    done.set(element, tally);
  }
  return done.get(root)!;
}

/** Every element below and including `root`, in document order, without recursion. */
function elementsOf(root: Element): Element[] {
  const found: Element[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    found.push(element);
    stack.push(...childElements(element).reverse());
  }
  return found;
}

function refusal(ruleId: SvgRefusal['ruleId'], why: string): SvgRefusal {
  return { ruleId, why };
}

/** An SVG of this many bytes is over the size budget: checked before the file is read. */
export function svgTooLarge(bytes: number, limits: Limits): SvgRefusal | undefined {
  return bytes > limits.svgBytes ? refusal('image-over-limit', overLimit(`an SVG of ${bytes.toLocaleString('en')} bytes`, 'svgBytes', limits)) : undefined;
}

/** Parse an SVG file and measure it against the budgets. */
export function inspectSvg(bytes: Uint8Array, limits: Limits): SvgCost | SvgRefusal {
  const tooLarge = svgTooLarge(bytes.length, limits);
  if (tooLarge) return tooLarge;
  const text = new TextDecoder().decode(bytes);
  let malformed = false;
  const referenced = new Set<string>();
  const parser = new DOMParser({
    onError: (level, message) => {
      // xmldom expands no entity but the five of XML; which of the others are declared is judged below.
      const entity = /entity not found:&([^;]+);/.exec(message);
      if (entity) referenced.add(entity[1]!);
      else if (level !== 'warning') malformed = true;
    },
  });
  let document;
  try {
    document = parser.parseFromString(text, 'image/svg+xml');
  } catch {
    return refusal('not-an-image', 'it is not well-formed SVG');
  }
  const root = document.documentElement;
  if (malformed || !root || root.localName !== 'svg') return refusal('not-an-image', 'it is not well-formed SVG');
  const declared = declaredEntities(document.doctype?.internalSubset ?? '');
  if (typeof declared === 'string') return refusal('not-an-image', declared);
  if ([...referenced].some((name) => !declared.has(name))) return refusal('not-an-image', 'it refers to an XML entity it does not declare');
  if (declared.size > 0 && expandedLength(text, declared) + bytes.length > limits.svgBytes) return refusal('image-over-limit', overLimit("what the SVG's entities expand to", 'svgBytes', limits));
  const all = elementsOf(root);
  const ids = new Map(all.flatMap((element) => (element.getAttribute('id') ? [[element.getAttribute('id')!, element] as const] : [])));
  const tally = tallyTree(root, ids, (element) => {
    if (element.localName === 'image') {
      const inner = embeddedPicture(element);
      return inner ? embeddedUnits(inner, limits) : 1;
    }
    const attributes = Array.from(element.attributes).map((attribute) => ` ${attribute.name}=${attribute.value}`).join('');
    return Math.max(1, layerUnits(attributes));
  });
  if (typeof tally === 'string') return refusal('image-over-limit', tally);
  if (tally.elements > limits.svgElements) return refusal('image-over-limit', overLimit(`an SVG of ${tally.elements.toLocaleString('en')} elements (each <use> copy counted)`, 'svgElements', limits));
  if (tally.depth > limits.svgDepth) return refusal('image-over-limit', overLimit(`SVG elements nested ${tally.depth.toLocaleString('en')} deep`, 'svgDepth', limits));
  // A style sheet that sets layers may set them on any element: every element is counted as layered.
  const sheets = layerUnits(all.filter((element) => element.localName === 'style').map((element) => ` ${element.textContent ?? ''}`).join(''));
  return { elements: tally.elements, depth: tally.depth, units: tally.units + tally.elements * sheets, filtered: withoutFilters(text) !== text };
}

/** A picture inside the SVG: a layer of its own, within the pixel budget; an SVG inside is measured as one. */
function embeddedUnits(bytes: Uint8Array, limits: Limits): number | string {
  let size;
  try {
    size = imageSize(bytes);
  } catch {
    // The renderer skips a picture it cannot read.
    return 1;
  }
  if (size.type === 'svg') {
    // Each level of nesting is a third larger than the one it is in, so the size budget bounds the levels.
    const inner = inspectSvg(bytes, limits);
    return isSvgRefusal(inner) ? `a picture inside it: ${inner.why}` : LAYER_UNITS + inner.units;
  }
  const pixels = (size.width ?? 0) * (size.height ?? 0);
  if (pixels > limits.imagePixels) return overLimit(`a picture inside it of ${pixels.toLocaleString('en')} pixels`, 'imagePixels', limits);
  return LAYER_UNITS;
}

/**
 * The fallback raster's longer side, in pixels: `largest` for a picture of ordinary cost, less
 * for one that costs more, so that every picture takes about the same bounded time to draw.
 * `budget` is in units × pixels.
 */
export function fallbackSide(cost: SvgCost, aspect: number, largest: number, budget: number): number {
  // The raster is side × side / aspect pixels for a picture wider than tall, and the other way round.
  const elongation = Math.max(aspect, 1 / aspect);
  return Math.max(1, Math.min(largest, Math.floor(Math.sqrt((budget / Math.max(cost.units, 1)) * elongation))));
}
