import { strFromU8, unzipSync } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';
import { posix } from 'node:path';
import { schemaViolations } from './schema-validity.js';

/** The text parts of a .pptx, by name. */
export function readPackage(bytes: Uint8Array): Map<string, string> {
  const parts = new Map<string, string>();
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (!name.endsWith('/')) parts.set(name, /\.(xml|rels)$/.test(name) ? strFromU8(data) : '');
  }
  return parts;
}

export function slideNames(parts: Map<string, string>): string[] {
  return [...parts.keys()]
    .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
}

/** All text of the `<a:t>` elements in a part, in order. */
export function textOf(xml: string): string[] {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((match) =>
    match[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'),
  );
}

/** The text of the shape with this name on a slide, paragraphs joined by newlines. */
export function shapeText(xml: string, name: string): string | undefined {
  const start = xml.indexOf(`name="${name}"`);
  if (start < 0) return undefined;
  const body = xml.slice(start, xml.indexOf('</p:txBody>', start));
  return body
    .split('</a:p>')
    .map((paragraph) => textOf(paragraph).join(''))
    .filter((text, index, all) => text !== '' || index < all.length - 1)
    .join('\n')
    .trim();
}

/**
 * What a client checks before it opens a package: every XML part is well formed and valid by
 * the ECMA-376 schemas, every internal relationship target exists, and every part has a
 * content type.
 */
export function structuralProblems(parts: Map<string, string>): string[] {
  const problems: string[] = [];
  const contentTypes = parts.get('[Content_Types].xml') ?? '';
  const defaults = new Set([...contentTypes.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => m[1]!.toLowerCase()));
  const overrides = new Set([...contentTypes.matchAll(/<Override PartName="\/([^"]+)"/g)].map((m) => m[1]!));
  for (const [name, xml] of parts) {
    if (/\.(xml|rels)$/.test(name)) {
      const valid = XMLValidator.validate(xml);
      if (valid !== true) problems.push(`${name}: not well formed: ${valid.err.msg} (line ${valid.err.line})`);
    }
    const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    if (name !== '[Content_Types].xml' && !overrides.has(name) && !defaults.has(extension)) problems.push(`${name}: no content type`);
    if (!name.endsWith('.rels')) continue;
    const source = posix.dirname(posix.dirname(name));
    for (const match of xml.matchAll(/<Relationship ([^>]*)\/>/g)) {
      const attributes = match[1]!;
      if (/TargetMode="External"/.test(attributes)) continue;
      const target = attributes.match(/Target="([^"]+)"/)![1]!;
      const resolved = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(source, target));
      if (!parts.has(resolved)) problems.push(`${name}: relationship target ${target} does not exist`);
    }
  }
  for (const override of overrides) if (!parts.has(override)) problems.push(`[Content_Types].xml: override for missing part ${override}`);
  return problems.length > 0 ? problems : schemaViolations(parts);
}
