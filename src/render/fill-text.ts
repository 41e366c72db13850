import type { Document, Element } from '@xmldom/xmldom';
import { isAllowedLink } from '../link-targets.js';
import type { PlacedDeck, TableFrame } from '../layout/frames.js';
import { all, required, shapeNamed } from './dom.js';
import type { OpcPackage } from './opc-package.js';
import { addRelationship, RELATIONSHIP_TYPE, removePart } from './relationships.js';
import { notesPageXml } from './notes-part.js';
import { notesPart, slidePart } from './part-names.js';
import { placeholderOf } from './placeholders.js';
import { schemeRefs } from './scheme-refs.js';
import { plainBodyXml, textBodyXml, type LinkIds, type TextWriting } from './text-body.js';
import { uriReference } from './xml.js';


/**
 * Hyperlink relationships of one part, numbered in order of first use. A link to `#id` jumps
 * to the slide whose anchors hold that id; one to an id no slide has is no link.
 */
function linkCollector(slideOf: ReadonlyMap<string, number>, slidesFolder: '' | '../slides/') {
  const ids = new Map<string, string>();
  const linkIds: LinkIds = (url) => {
    // An outline written by hand is held to the targets the Markdown may link to.
    if (!isAllowedLink(url)) return undefined;
    const internal = url.startsWith('#');
    if (internal && !slideOf.has(url.slice(1))) return undefined;
    let id = ids.get(url);
    if (!id) ids.set(url, (id = `rIdLink${ids.size + 1}`));
    return { id, internal };
  };
  const addTo = (opc: OpcPackage, part: string) => {
    for (const [url, id] of ids) {
      const internal = url.startsWith('#');
      addRelationship(opc, part, {
        id,
        type: internal ? RELATIONSHIP_TYPE.slide : RELATIONSHIP_TYPE.hyperlink,
        target: internal ? `${slidesFolder}slide${slideOf.get(url.slice(1))}.xml` : uriReference(url),
        external: !internal,
      });
    }
  };
  return { linkIds, addTo };
}

type Replacement = readonly [Element, string];

/** Every cell of a table, in row order, gets its body. */
function tableBodies(shape: Element, frame: TableFrame, writing: TextWriting, part: string): Replacement[] {
  const cells = all(shape, 'a:tc');
  return frame.rows.flat().map((cell, index) => [required(cells[index]!, 'a:txBody', part), plainBodyXml('a:txBody', cell.paragraphs, writing)] as const);
}

/** pptxgenjs gives every slide a notes page; a slide without notes has none, as in PowerPoint's own files. */
function dropNotesPage(opc: OpcPackage, index: number): void {
  removePart(opc, slidePart(index), notesPart(index));
}

/**
 * Write every text frame's and table cell's body and each notes page, with the deck's language
 * on each run: set up once for the deck, then slide by slide.
 */
export function fillText(opc: OpcPackage, deck: PlacedDeck): (index: number) => void {
  const slideOf = new Map<string, number>();
  deck.slides.forEach((slide, index) => slide.anchors?.forEach((anchor) => slideOf.has(anchor) || slideOf.set(anchor, index + 1)));
  const scheme = schemeRefs(deck.scheme, deck.template === undefined);
  return (index) => {
    const slide = deck.slides[index]!;
    const part = slidePart(index);
    const document = opc.xml(part);
    const links = linkCollector(slideOf, '');
    const writing: TextWriting = { lang: deck.lang, linkIds: links.linkIds, scheme };
    // A slide's bodies are written first and parsed together: one parse per slide, not per frame.
    const bodies: Replacement[] = [];
    for (const frame of slide.frames) {
      const shape = shapeNamed(document, frame.name, part);
      const role = placeholderOf(deck, slide, frame.name);
      // On deckdown's own layouts a placeholder's frame leaves out what the placeholder gives it; a template's placeholders set their own.
      const own = deck.template === undefined ? role?.placeholder : undefined;
      const text = { ...writing, inherited: role?.placeholder.style, levels: own?.levels, heading: role?.kind === 'title' };
      if (frame.kind === 'text') bodies.push([required(shape, 'p:txBody', part), textBodyXml(frame, text, role ? own : 'defaults')]);
      else if (frame.kind === 'table') bodies.push(...tableBodies(shape, frame, writing, part));
      // pptxgenjs writes a picture's file path as its description when the alt text is empty.
      else if (frame.kind === 'image') required(shape, 'p:cNvPr', part).setAttribute('descr', frame.alt);
    }
    opc.replaceLater(part, bodies);
    links.addTo(opc, part);

    if (slide.notes.length === 0) return dropNotesPage(opc, index);
    const notesLinks = linkCollector(slideOf, '../slides/');
    const notes = plainBodyXml('p:txBody', slide.notes, { lang: deck.lang, linkIds: notesLinks.linkIds, scheme, inherited: deck.notes.style, levels: deck.notes.levels });
    opc.setText(notesPart(index), notesPageXml(notes, index + 1, deck.lang));
    notesLinks.addTo(opc, notesPart(index));
  };
}

/** pptxgenjs numbers tables apart from other shapes, so ids can collide; each part's shapes are numbered afresh. */
export function renumberShapes(document: Document): void {
  all(document, 'p:cNvPr').forEach((element, index) => element.setAttribute('id', String(index + 1)));
}
