import type { PlacedDeck, TableFrame } from '../layout/frames.js';
import { plainBodyXml, textBodyXml, type LinkIds } from './text-body.js';
import { attributes, escapeXml } from './xml.js';

export type Parts = Record<string, Uint8Array>;

const decoder = new TextDecoder();
const encoder = new TextEncoder();
const HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

export function readPart(parts: Parts, name: string): string {
  const data = parts[name];
  if (!data) throw new Error(`internal error: the package has no part "${name}"`);
  return decoder.decode(data);
}

export function writePart(parts: Parts, name: string, xml: string): void {
  parts[name] = encoder.encode(xml);
}

const SLIDE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide';

/**
 * Hyperlink relationships added to one part's .rels, numbered in order of first use. A link to
 * `#id` jumps to the slide whose anchors hold that id; one to an id no slide has is no link.
 */
function linkCollector(slideOf: ReadonlyMap<string, number>, slidesFolder: '' | '../slides/'): { linkIds: LinkIds; relationships: () => string } {
  const ids = new Map<string, string>();
  return {
    linkIds: (url) => {
      const internal = url.startsWith('#');
      if (internal && !slideOf.has(url.slice(1))) return undefined;
      let id = ids.get(url);
      if (!id) ids.set(url, (id = `rIdLink${ids.size + 1}`));
      return { id, internal };
    },
    relationships: () =>
      [...ids]
        .map(([url, id]) =>
          url.startsWith('#')
            ? `<Relationship Id="${id}" Type="${SLIDE}" Target="${slidesFolder}slide${slideOf.get(url.slice(1))}.xml"/>`
            : `<Relationship Id="${id}" Type="${HYPERLINK}" Target="${escapeXml(url)}" TargetMode="External"/>`,
        )
        .join(''),
  };
}

/** Where the shape named `name` starts; it must exist. */
export function shapeStart(xml: string, name: string, part: string): number {
  const at = xml.indexOf(`name="${escapeXml(name)}"`);
  if (at < 0) throw new Error(`internal error: no shape "${name}" in ${part}`);
  return at;
}

/** Replace the first `<tag>…</tag>` from `from` on; returns the new text and where the replacement ends. */
function replaceElement(xml: string, tag: string, from: number, replacement: string, part: string): { xml: string; end: number } {
  const start = xml.indexOf(`<${tag}>`, from);
  const close = start < 0 ? -1 : xml.indexOf(`</${tag}>`, start);
  if (close < 0) throw new Error(`internal error: no <${tag}> after offset ${from} in ${part}`);
  return { xml: xml.slice(0, start) + replacement + xml.slice(close + tag.length + 3), end: start + replacement.length };
}

/** Every cell of a table, in row order, gets its body. */
function fillTable(xml: string, frame: TableFrame, lang: string, linkIds: LinkIds, part: string): string {
  let at = shapeStart(xml, frame.name, part);
  for (const cell of frame.rows.flat()) {
    ({ xml, end: at } = replaceElement(xml, 'a:txBody', at, plainBodyXml('a:txBody', cell.paragraphs, lang, linkIds), part));
  }
  return xml;
}

function addRelationships(parts: Parts, relsName: string, relationships: string): void {
  if (!relationships) return;
  writePart(parts, relsName, readPart(parts, relsName).replace('</Relationships>', () => `${relationships}</Relationships>`));
}

/** pptxgenjs writes a picture's file path as its description when the alt text is empty; the description is the alt text, empty or not. */
function describePicture(xml: string, name: string, alt: string, part: string): string {
  const start = shapeStart(xml, name, part);
  const attribute = xml.indexOf(' descr="', start);
  const end = attribute < 0 ? -1 : xml.indexOf('"', attribute + 8);
  if (end < 0 || attribute > xml.indexOf('>', start)) return xml;
  return `${xml.slice(0, attribute)} descr="${escapeXml(alt)}"${xml.slice(end + 1)}`;
}

/** pptxgenjs numbers tables apart from other shapes, so ids can collide; each slide's shapes are numbered afresh. */
export function renumberShapes(xml: string): string {
  let id = 0;
  return xml.replace(/<p:cNvPr id="\d+"/g, () => `<p:cNvPr id="${++id}"`);
}

/** Write every text frame's, table cell's and notes page's body, with the deck's language on each run. */
export function fillText(parts: Parts, deck: PlacedDeck): void {
  const slideOf = new Map<string, number>();
  deck.slides.forEach((slide, index) => slide.anchors?.forEach((anchor) => slideOf.has(anchor) || slideOf.set(anchor, index + 1)));
  deck.slides.forEach((slide, index) => {
    const number = index + 1;
    const slideName = `ppt/slides/slide${number}.xml`;
    const slideLinks = linkCollector(slideOf, '');
    let xml = readPart(parts, slideName);
    for (const frame of slide.frames) {
      if (frame.kind === 'text') {
        xml = replaceElement(xml, 'p:txBody', shapeStart(xml, frame.name, slideName), textBodyXml(frame, deck.lang, slideLinks.linkIds), slideName).xml;
      } else if (frame.kind === 'table') {
        xml = fillTable(xml, frame, deck.lang, slideLinks.linkIds, slideName);
      } else if (frame.kind === 'image') {
        xml = describePicture(xml, frame.name, frame.alt, slideName);
      }
    }
    writePart(parts, slideName, renumberShapes(xml));
    addRelationships(parts, `ppt/slides/_rels/slide${number}.xml.rels`, slideLinks.relationships());

    const notesName = `ppt/notesSlides/notesSlide${number}.xml`;
    const notesLinks = linkCollector(slideOf, '../slides/');
    let notes = readPart(parts, notesName);
    notes = replaceElement(notes, 'p:txBody', shapeStart(notes, 'Notes Placeholder 2', notesName), plainBodyXml('p:txBody', slide.notes, deck.lang, notesLinks.linkIds), notesName).xml;
    // The notes page's slide-number field carries a language too.
    writePart(parts, notesName, notes.replace(/ lang="en-US"/g, () => attributes({ lang: deck.lang })));
    addRelationships(parts, `ppt/notesSlides/_rels/notesSlide${number}.xml.rels`, notesLinks.relationships());
  });
}
