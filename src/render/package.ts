import { unzipSync, zipSync, type Zippable } from 'fflate';
import { escapeXml } from './xml.js';
import { readPart, writePart, type Parts } from './fill-text.js';

export interface DocumentProperties {
  title?: string | undefined;
  author?: string | undefined;
  lang: string;
  /** The one timestamp in the package: properties and every zip entry. */
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
 * Zip the parts with one fixed timestamp. The DOS time in a zip entry is read from local-time
 * fields, so the UTC fields are moved into a local date: the bytes do not depend on the time zone.
 */
export function zipPackage(parts: Parts, date: Date): Uint8Array {
  const mtime = new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
  const names = Object.keys(parts).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0));
  const files: Zippable = {};
  for (const name of names) files[name] = [parts[name]!, { mtime, level: 6 }];
  return zipSync(files);
}

