import { posix } from 'node:path';
import { all, NS } from './dom.js';
import type { OpcPackage } from './opc-package.js';
import { XML_DECLARATION } from './xml.js';

const TYPES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const RELATIONSHIP_TYPE = {
  slide: `${TYPES}/slide`,
  slideLayout: `${TYPES}/slideLayout`,
  hyperlink: `${TYPES}/hyperlink`,
} as const;

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** `ppt/slides/slide1.xml` → `ppt/slides/_rels/slide1.xml.rels`. */
export function relsPartOf(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

/** The part whose relationships a .rels part holds: the inverse of `relsPartOf`. */
export function sourceOf(relsPart: string): string {
  return posix.join(posix.dirname(posix.dirname(relsPart)), posix.basename(relsPart, '.rels'));
}

/** The part name a relationship of `source` points at. */
export function resolveTarget(source: string, target: string): string {
  return target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(posix.dirname(source), target));
}

/** The relative target by which `source` points at the part `name`. */
export function relativeTarget(source: string, name: string): string {
  return posix.relative(posix.dirname(source), name);
}

export function relationships(opc: OpcPackage, part: string): Relationship[] {
  const rels = relsPartOf(part);
  if (!opc.has(rels)) return [];
  return all(opc.xml(rels), 'rel:Relationship').map((element) => ({
    id: element.getAttribute('Id')!,
    type: element.getAttribute('Type')!,
    target: element.getAttribute('Target')!,
    external: element.getAttribute('TargetMode') === 'External',
  }));
}

export function addRelationship(opc: OpcPackage, part: string, relationship: Relationship): void {
  const rels = relsPartOf(part);
  if (!opc.has(rels)) opc.setXml(rels, `${XML_DECLARATION}<Relationships xmlns="${NS.rel}"/>`);
  const { id, type, target, external } = relationship;
  const root = opc.xml(rels).documentElement!;
  // In the relationships namespace, unprefixed, as every package writes it.
  const element = root.ownerDocument!.createElementNS(NS.rel, 'Relationship');
  for (const [name, value] of Object.entries({ Id: id, Type: type, Target: target, TargetMode: external ? 'External' : undefined })) if (value) element.setAttribute(name, value);
  root.appendChild(element);
}

export function removeRelationship(opc: OpcPackage, part: string, id: string): void {
  const element = all(opc.xml(relsPartOf(part)), 'rel:Relationship').find((candidate) => candidate.getAttribute('Id') === id);
  element?.parentNode!.removeChild(element);
}

/**
 * Delete a part and its relationships, and the relationship by which `source` points at it:
 * the id that relationship had, or undefined when `source` did not point at the part.
 */
export function removePart(opc: OpcPackage, source: string, part: string): string | undefined {
  const link = relationships(opc, source).find((relationship) => !relationship.external && resolveTarget(source, relationship.target) === part);
  if (link) removeRelationship(opc, source, link.id);
  opc.delete(part);
  opc.delete(relsPartOf(part));
  return link?.id;
}

/**
 * Rename parts, keeping the package whole: every internal relationship that pointed at an old
 * name points at the new one, and so does its content type.
 */
export function renameParts(opc: OpcPackage, renames: ReadonlyMap<string, string>): void {
  if (renames.size === 0) return;
  const renamed = (name: string): string => {
    const source = name.endsWith('.rels') ? sourceOf(name) : undefined;
    return renames.get(name) ?? (source && renames.has(source) ? relsPartOf(renames.get(source)!) : name);
  };
  for (const rels of opc.names().filter((name) => name.endsWith('.rels'))) {
    const source = sourceOf(rels);
    for (const element of all(opc.xml(rels), 'rel:Relationship')) {
      if (element.getAttribute('TargetMode') === 'External') continue;
      const written = element.getAttribute('Target')!;
      const target = resolveTarget(source, written);
      if (renamed(source) === source && renamed(target) === target) continue;
      // An absolute target stays absolute, as its writer chose.
      element.setAttribute('Target', written.startsWith('/') ? `/${renamed(target)}` : relativeTarget(renamed(source), renamed(target)));
    }
  }
  for (const override of all(opc.xml('[Content_Types].xml'), 'ct:Override')) {
    override.setAttribute('PartName', `/${renamed(override.getAttribute('PartName')!.slice(1))}`);
  }
  opc.renameAll(renamed);
}
