import type { Element, Node } from '@xmldom/xmldom';
import { all, NS } from './dom.js';
import { OpcPackage } from './opc-package.js';
import { escapeXml, XML_DECLARATION } from './xml.js';

export interface DocumentProperties {
  title?: string | undefined;
  author?: string | undefined;
  lang: string;
  /** The deck's timestamp, written into the document properties. */
  date: Date;
}

const stampOf = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * docProps/core.xml and docProps/app.xml, written whole: pptxgenjs stamps the wall clock and its
 * own name, and lists fonts, a theme and slide titles ("Slide 1", …) the deck does not have. The
 * extended properties say what wrote the deck and how many slides and notes pages it has;
 * PowerPoint fills in the rest when it saves.
 */
export function writeDocumentProperties(opc: OpcPackage, properties: DocumentProperties): void {
  const stamp = stampOf(properties.date);
  const optional = (tag: string, value: string | undefined) => (value ? `<${tag}>${escapeXml(value)}</${tag}>` : '');
  opc.setXml(
    'docProps/core.xml',
    XML_DECLARATION +
      `<cp:coreProperties xmlns:cp="${NS.cp}" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="${NS.dcterms}" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      optional('dc:title', properties.title) +
      optional('dc:creator', properties.author) +
      optional('cp:lastModifiedBy', properties.author) +
      `<dc:language>${escapeXml(properties.lang)}</dc:language>` +
      '<cp:revision>1</cp:revision>' +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
      '</cp:coreProperties>',
  );
  const count = (folder: string) => opc.names().filter((name) => new RegExp(`^ppt/${folder}/[^/]+\\.xml$`).test(name)).length;
  opc.setText('docProps/app.xml', `${XML_DECLARATION}<Properties xmlns="${NS.ep}"><Application>deckdown</Application><Slides>${count('slides')}</Slides><Notes>${count('notesSlides')}</Notes></Properties>`);
}

/** pptxgenjs declares a slide master per slide; a content type for a part that is not there is dropped. */
export function pruneContentTypes(opc: OpcPackage): void {
  const document = opc.xml('[Content_Types].xml');
  const types = document.documentElement!;
  const missing = (node: Node) => node.nodeType === node.ELEMENT_NODE && (node as Element).localName === 'Override' && !opc.has((node as Element).getAttribute('PartName')!.slice(1));
  // The list is built anew: xmldom renumbers a parent's children on every removal, and a deck of
  // 10,000 slides has 10,000 overrides to remove (5.7 s one by one).
  const kept = types.cloneNode(false) as Element;
  for (let node = types.firstChild; node; node = node.nextSibling) if (!missing(node)) kept.appendChild(node.cloneNode(true));
  document.replaceChild(kept, types);
}

/**
 * Embedded workbooks (chart data) are zips too, with the wall clock in their entries and in
 * their own document properties: both are replaced by the deck's date.
 */
export function normaliseEmbeddedPackages(opc: OpcPackage, date: Date): void {
  for (const name of opc.names().filter((part) => part.startsWith('ppt/embeddings/') && part.endsWith('.xlsx'))) {
    const workbook = OpcPackage.unzip(opc.bytes(name));
    if (workbook.has('docProps/core.xml')) {
      const core = workbook.xml('docProps/core.xml');
      for (const element of [...all(core, 'dcterms:created'), ...all(core, 'dcterms:modified')]) element.textContent = stampOf(date);
    }
    opc.setBytes(name, workbook.zip());
  }
}
