import type { PlacedDeck } from '../layout/frames.js';
import { notesBodyXml, textBodyXml, type LinkIds } from './text-body.js';
import { escapeXml } from './xml.js';

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

/** Hyperlink relationships added to one part's .rels, numbered in order of first use. */
function linkCollector(): { linkIds: LinkIds; relationships: () => string } {
  const ids = new Map<string, string>();
  return {
    linkIds: (url) => {
      let id = ids.get(url);
      if (!id) ids.set(url, (id = `rIdLink${ids.size + 1}`));
      return id;
    },
    relationships: () =>
      [...ids].map(([url, id]) => `<Relationship Id="${id}" Type="${HYPERLINK}" Target="${escapeXml(url)}" TargetMode="External"/>`).join(''),
  };
}

/** Replace the `<p:txBody>` of the shape named `name`; the shape must exist. */
function replaceBody(xml: string, name: string, body: string, part: string): string {
  const marker = `name="${escapeXml(name)}"`;
  const at = xml.indexOf(marker);
  const start = at < 0 ? -1 : xml.indexOf('<p:txBody>', at);
  const end = start < 0 ? -1 : xml.indexOf('</p:txBody>', start);
  if (end < 0) throw new Error(`internal error: no text body for shape "${name}" in ${part}`);
  return xml.slice(0, start) + body + xml.slice(end + '</p:txBody>'.length);
}

function addRelationships(parts: Parts, relsName: string, relationships: string): void {
  if (!relationships) return;
  writePart(parts, relsName, readPart(parts, relsName).replace('</Relationships>', `${relationships}</Relationships>`));
}

/** Write every text frame's and every notes page's body, with the deck's language on each run. */
export function fillText(parts: Parts, deck: PlacedDeck): void {
  deck.slides.forEach((slide, index) => {
    const number = index + 1;
    const slideName = `ppt/slides/slide${number}.xml`;
    const slideLinks = linkCollector();
    let xml = readPart(parts, slideName);
    for (const frame of slide.frames) {
      if (frame.kind === 'text') xml = replaceBody(xml, frame.name, textBodyXml(frame, deck.lang, slideLinks.linkIds), slideName);
    }
    writePart(parts, slideName, xml);
    addRelationships(parts, `ppt/slides/_rels/slide${number}.xml.rels`, slideLinks.relationships());

    const notesName = `ppt/notesSlides/notesSlide${number}.xml`;
    const notesLinks = linkCollector();
    const notes = replaceBody(readPart(parts, notesName), 'Notes Placeholder 2', notesBodyXml(slide.notes, deck.lang, notesLinks.linkIds), notesName);
    // The notes page's slide-number field carries a language too.
    writePart(parts, notesName, notes.replace(/lang="en-US"/g, `lang="${deck.lang}"`));
    addRelationships(parts, `ppt/notesSlides/_rels/notesSlide${number}.xml.rels`, notesLinks.relationships());
  });
}
