import { posix } from 'node:path';
import type { PlacedDeck } from '../layout/frames.js';
import type { TemplateLayout, TemplatePlaceholder } from '../template/open-template.js';
import { contentPlaceholders, placeholderOfType, titlePlaceholder } from '../template/layout-choice.js';
import type { Element } from '@xmldom/xmldom';
import { all, children, first, insert, required, shapeNamed } from './dom.js';
import { OpcPackage } from './opc-package.js';
import { slidePart } from './part-names.js';
import { placeholderOf } from './placeholders.js';
import { addRelationship, relationships, relsPartOf, removePart, removeRelationship, renameParts, resolveTarget } from './relationships.js';

const TYPES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const PRESENTATION = 'ppt/presentation.xml';
const CONTENT_TYPES = '[Content_Types].xml';

/** Parts a slide master needs, following relationships: its layouts, theme, pictures; never slides. */
function masterClosure(template: OpcPackage, masters: readonly string[]): string[] {
  const found = new Set<string>();
  const queue = [...masters];
  while (queue.length > 0) {
    const part = queue.shift()!;
    if (found.has(part) || !template.has(part)) continue;
    found.add(part);
    for (const relationship of relationships(template, part)) {
      if (relationship.external || relationship.type === `${TYPES}slide` || relationship.type.endsWith('/notesSlide')) continue;
      queue.push(resolveTarget(part, relationship.target));
    }
  }
  return [...found];
}

/** A name no part of `taken` has, keeping the folder and extension: `theme1.xml` → `theme3.xml`. */
function freshName(name: string, taken: (candidate: string) => boolean): string {
  if (!taken(name)) return name;
  const { dir, name: stem, ext } = posix.parse(name);
  const base = stem.replace(/\d+$/, '');
  for (let number = 1; ; number++) {
    const candidate = posix.join(dir, `${base}${number}${ext}`);
    if (!taken(candidate)) return candidate;
  }
}

/**
 * The template's masters and everything they use, renamed where a deck part already has the
 * name, with their relationships and content types; returns the new name of each part.
 */
function copyMasters(opc: OpcPackage, template: OpcPackage, masters: readonly string[]): Map<string, string> {
  const closure = masterClosure(template, masters);
  const subset = new OpcPackage();
  subset.setBytes(CONTENT_TYPES, template.bytes(CONTENT_TYPES));
  for (const part of closure) {
    subset.setBytes(part, template.bytes(part));
    if (template.has(relsPartOf(part))) subset.setBytes(relsPartOf(part), template.bytes(relsPartOf(part)));
  }
  const renames = new Map<string, string>();
  for (const part of closure) {
    const taken = (candidate: string) => opc.has(candidate) || [...renames.values()].includes(candidate) || (candidate !== part && closure.includes(candidate));
    const name = freshName(part, taken);
    if (name !== part) renames.set(part, name);
  }
  renameParts(subset, renames);
  const types = opc.xml(CONTENT_TYPES).documentElement!;
  const defaults = new Set(all(opc.xml(CONTENT_TYPES), 'ct:Default').map((element) => element.getAttribute('Extension')!.toLowerCase()));
  for (const element of all(subset.xml(CONTENT_TYPES), 'ct:Default')) {
    const extension = element.getAttribute('Extension')!.toLowerCase();
    if (!defaults.has(extension)) types.appendChild(opc.xml(CONTENT_TYPES).importNode(element, true));
  }
  const copied = new Set(closure.map((part) => `/${renames.get(part) ?? part}`));
  for (const element of all(subset.xml(CONTENT_TYPES), 'ct:Override')) {
    if (copied.has(element.getAttribute('PartName')!)) types.appendChild(opc.xml(CONTENT_TYPES).importNode(element, true));
  }
  for (const name of subset.names()) if (name !== CONTENT_TYPES) opc.setBytes(name, subset.bytes(name));
  return new Map(closure.map((part) => [part, renames.get(part) ?? part]));
}

/** deckdown's own slide masters and layouts go; the theme part stays where the notes master uses it. */
function dropOwnMasters(opc: OpcPackage): void {
  for (const master of relationships(opc, PRESENTATION).filter((relationship) => relationship.type === `${TYPES}slideMaster`)) {
    const part = resolveTarget(PRESENTATION, master.target);
    for (const layout of relationships(opc, part).filter((relationship) => relationship.type === `${TYPES}slideLayout`)) {
      const name = resolveTarget(part, layout.target);
      opc.delete(name);
      opc.delete(relsPartOf(name));
    }
    removePart(opc, PRESENTATION, part);
  }
  for (const theme of relationships(opc, PRESENTATION).filter((relationship) => relationship.type === `${TYPES}theme`)) removeRelationship(opc, PRESENTATION, theme.id);
}

/** The presentation lists the template's masters, takes its theme and its exact slide size. */
function pointPresentationAt(opc: OpcPackage, template: OpcPackage, masters: readonly string[], theme: string): void {
  const document = opc.xml(PRESENTATION);
  const list = required(document, 'p:sldMasterIdLst', PRESENTATION);
  for (const old of children(list, 'p:sldMasterId')) list.removeChild(old);
  const templateIds = all(template.xml(PRESENTATION), 'p:sldMasterId').map((element) => element.getAttribute('id'));
  masters.forEach((master, index) => {
    const id = `rIdMaster${index + 1}`;
    addRelationship(opc, PRESENTATION, { id, type: `${TYPES}slideMaster`, target: posix.relative('ppt', master), external: false });
    // Master ids come from the template, where they are already apart from its layout ids.
    insert(list, `<p:sldMasterId id="${templateIds[index] ?? 2147483648 + index * 100}" r:id="${id}"/>`);
  });
  addRelationship(opc, PRESENTATION, { id: 'rIdTheme', type: `${TYPES}theme`, target: posix.relative('ppt', theme), external: false });
  const size = required(template.xml(PRESENTATION), 'p:sldSz', 'the template');
  const ours = required(document, 'p:sldSz', PRESENTATION);
  for (const attribute of ['cx', 'cy', 'type']) {
    const value = size.getAttribute(attribute);
    if (value) ours.setAttribute(attribute, value);
    else ours.removeAttribute(attribute);
  }
}

/** The template placeholder a slide's placeholder frame takes, by its role. */
function counterpart(layout: TemplateLayout, kind: string): TemplatePlaceholder | undefined {
  switch (kind) {
    case 'title':
      return titlePlaceholder(layout);
    case 'body':
      return placeholderOfType(layout, ['subTitle']) ?? contentPlaceholders(layout)[0];
    case 'footer':
      return placeholderOfType(layout, ['ftr']);
    case 'slideNumber':
      return placeholderOfType(layout, ['sldNum']);
    default:
      return placeholderOfType(layout, ['dt']);
  }
}

function phXml(placeholder: TemplatePlaceholder): string {
  // An object placeholder is PowerPoint's default type, written without one.
  const type = placeholder.type === 'obj' ? '' : ` type="${placeholder.type}"`;
  const idx = placeholder.idx > 0 ? ` idx="${placeholder.idx}"` : '';
  return `<p:ph${type}${idx}/>`;
}

/**
 * A deck built on a template (`--reference-doc`): the template's slide masters, layouts,
 * theme, decorations and pictures replace deckdown's own; each slide uses the template layout
 * chosen for it, and its placeholders are the layout's, so they inherit its text styles.
 * A slide keeps a background of its own only for its own picture.
 */
export function adoptTemplate(opc: OpcPackage, deck: PlacedDeck): void {
  const placed = deck.template;
  if (!placed) return;
  const { template } = placed;
  dropOwnMasters(opc);
  const names = copyMasters(opc, template.opc, template.masters);
  pointPresentationAt(opc, template.opc, template.masters.map((master) => names.get(master)!), names.get(template.theme)!);
  deck.slides.forEach((slide, index) => {
    const part = slidePart(index);
    // A slide with neither title nor content (notes only, say) goes on the blank layout, as in pandoc.
    const empty = slide.frames.every((frame) => frame.name === 'Footer' || frame.name === 'Slide Number');
    const layout = (empty ? placed.blank : undefined) ?? placed.layouts[slide.layout];
    const relationship = relationships(opc, part).find((candidate) => candidate.type === `${TYPES}slideLayout`)!;
    removeRelationship(opc, part, relationship.id);
    addRelationship(opc, part, { id: relationship.id, type: relationship.type, target: posix.relative(posix.dirname(part), names.get(layout.part)!), external: false });
    // Text is set to the template's placeholders below: the bodies are read.
    const document = opc.xml(part, true);
    for (const shape of [...all(document, 'p:sp')]) {
      const ph = first(shape, 'p:ph');
      const name = first(shape, 'p:cNvPr')?.getAttribute('name');
      if (!ph || !name) continue;
      const role = placeholderOf(deck, slide, name);
      const match = role ? counterpart(layout, role.kind) : undefined;
      const properties = ph.parentNode!;
      properties.removeChild(ph);
      // A frame whose role the layout lacks stays an ordinary text box.
      if (match) insert(properties as Element, phXml(match));
      // Titles and the subtitle take the template's alignment: it moves lines, never breaks them.
      if (match && (role!.kind === 'title' || match.type === 'subTitle')) for (const paragraph of all(shape, 'a:pPr')) paragraph.removeAttribute('algn');
      // Text was measured as written: capitals the placeholder would set it in could overflow.
      if (match?.caps && match.caps !== 'none') for (const run of [...all(shape, 'a:rPr'), ...all(shape, 'a:endParaRPr')]) run.setAttribute('cap', 'none');
    }
    // The author and date line on a title slide lines up with the subtitle above it.
    const subtitleAlign = slide.layout === 'title' ? placeholderOfType(layout, ['subTitle'])?.align : undefined;
    if (subtitleAlign && slide.frames.some((frame) => frame.name === 'Author')) {
      for (const paragraph of all(shapeNamed(document, 'Author', part), 'a:pPr')) paragraph.setAttribute('algn', subtitleAlign);
    }
    const background = first(document, 'p:bg');
    if (background && !slide.background.imagePath) background.parentNode!.removeChild(background);
    // Written out again at once, as the slide passes do: one slide's documents are held at a time.
    opc.settle([part, relsPartOf(part)]);
  });
}
