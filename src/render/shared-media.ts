import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { all } from './dom.js';
import type { OpcPackage } from './opc-package.js';
import { relativeTarget, resolveTarget, sourceOf } from './relationships.js';

const MEDIA = /^ppt\/media\/[^/]+$/;

/**
 * pptxgenjs writes a picture once for each slide that shows it: a logo drawn on many slides, or
 * one picture on every slide, would be in the package as many times. Pictures of the same bytes
 * are one part: every relationship points at the first of them, and the others are dropped.
 */
export function shareMedia(opc: OpcPackage): void {
  const first = new Map<string, string>();
  const copies = new Map<string, string>();
  for (const name of opc.names().filter((part) => MEDIA.test(part))) {
    const key = `${posix.extname(name)} ${createHash('sha256').update(opc.bytes(name)).digest('hex')}`;
    const kept = first.get(key);
    if (kept) copies.set(name, kept);
    else first.set(key, name);
  }
  if (copies.size === 0) return;
  for (const rels of opc.names().filter((part) => part.endsWith('.rels'))) {
    const source = sourceOf(rels);
    for (const relationship of all(opc.xml(rels), 'rel:Relationship')) {
      if (relationship.getAttribute('TargetMode') === 'External') continue;
      const kept = copies.get(resolveTarget(source, relationship.getAttribute('Target')!));
      if (kept) relationship.setAttribute('Target', relativeTarget(source, kept));
    }
  }
  for (const copy of copies.keys()) opc.delete(copy);
}
