import { unzipSync, zipSync, type Zippable } from 'fflate';
import { escapeXml } from './xml.js';
import { readPart, writePart, type Parts } from './fill-text.js';

export interface DocumentProperties {
  title?: string | undefined;
  author?: string | undefined;
  lang: string;
  /** The deck's timestamp, written into the document properties. */
  date: Date;
}

export function unzipPackage(bytes: Uint8Array): Parts {
  const parts: Parts = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (!name.endsWith('/')) parts[name] = data;
  }
  return parts;
}

/** docProps/core.xml, written whole: pptxgenjs stamps the wall clock and its own name. */
export function writeCoreProperties(parts: Parts, properties: DocumentProperties): void {
  const stamp = properties.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const optional = (tag: string, value: string | undefined) => (value ? `<${tag}>${escapeXml(value)}</${tag}>` : '');
  writePart(
    parts,
    'docProps/core.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      optional('dc:title', properties.title) +
      optional('dc:creator', properties.author) +
      optional('cp:lastModifiedBy', properties.author) +
      `<dc:language>${escapeXml(properties.lang)}</dc:language>` +
      '<cp:revision>1</cp:revision>' +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
      '</cp:coreProperties>',
  );
  const app = readPart(parts, 'docProps/app.xml').replace(/<Company>[^<]*<\/Company>/, '<Company></Company>');
  writePart(parts, 'docProps/app.xml', app);
}

/** pptxgenjs declares a slide master per slide; a content type for a part that is not there is dropped. */
export function pruneContentTypes(parts: Parts): void {
  const xml = readPart(parts, '[Content_Types].xml').replace(/<Override PartName="\/([^"]+)"[^>]*\/>/g, (override, name: string) =>
    parts[name] ? override : '',
  );
  writePart(parts, '[Content_Types].xml', xml);
}

/**
 * Every zip entry carries the same local time, noon on 1 January 1980: zip entries store local
 * time fields, and a fixed local time gives the same bytes in every time zone. The deck's own
 * date is in docProps/core.xml.
 */
const ZIP_ENTRY_TIME = new Date(1980, 0, 1, 12, 0, 0);

/** Zip parts, `[Content_Types].xml` first as Office writes it. */
export function zipParts(parts: Parts): Uint8Array {
  const names = Object.keys(parts);
  const ordered = [...names.filter((name) => name === '[Content_Types].xml'), ...names.filter((name) => name !== '[Content_Types].xml')];
  const files: Zippable = {};
  for (const name of ordered) files[name] = [parts[name]!, { mtime: ZIP_ENTRY_TIME, level: 6 }];
  return zipSync(files);
}

/**
 * Embedded workbooks (chart data) are zips too, with the wall clock in their entries and in
 * their own document properties: both are replaced by the deck's date.
 */
export function normaliseEmbeddedPackages(parts: Parts, date: Date): void {
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const name of Object.keys(parts)) {
    if (!name.startsWith('ppt/embeddings/') || !name.endsWith('.xlsx')) continue;
    const workbook = unzipPackage(parts[name]!);
    if (workbook['docProps/core.xml']) {
      const core = readPart(workbook, 'docProps/core.xml').replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, (_match, open: string, close: string) => `${open}${stamp}${close}`);
      writePart(workbook, 'docProps/core.xml', core);
    }
    parts[name] = zipParts(workbook);
  }
}
