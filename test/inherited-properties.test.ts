import { readFileSync } from 'node:fs';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { buildOutline, listThemes, planSlides, renderPlan } from '../src/index.js';
import type { ParagraphLook, PlacedParagraph, RunStyle, TextFrame } from '../src/layout/frames.js';
import { isRightToLeft } from '../src/render/direction.js';
import { schemeRefs } from '../src/render/scheme-refs.js';
import { bodyPropertiesXml, paragraphPropertiesXml, textBodyXml, type BodyLook } from '../src/render/text-body.js';
import { inchesToEmu } from '../src/render/xml.js';
import { readPackage, slideNames } from './helpers/package.js';

/**
 * A frame that stands in a layout placeholder leaves out of its paragraphs and its body what
 * the placeholder gives: what PowerPoint and LibreOffice show is the two merged, property by
 * property. Merged, they must be exactly what deckdown would write in full.
 */
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const P = 'http://schemas.openxmlformats.org/presentationml/2006/main';

/** Bullet properties are inherited one by one: colour, size, font and the marker itself. */
const SLOTS: Record<string, string> = {
  buClr: 'colour', buClrTx: 'colour', buSzPct: 'size', buSzPts: 'size', buSzTx: 'size', buFont: 'font', buFontTx: 'font',
  buNone: 'marker', buChar: 'marker', buAutoNum: 'marker', buBlip: 'marker',
};

/** An element as a comparable string: name, attributes in order, children. */
function signature(element: Element): string {
  const attributes = Array.from({ length: element.attributes.length }, (_, index) => element.attributes.item(index)!).map((attribute) => `${attribute.name}=${attribute.value}`);
  const children = Array.from(element.childNodes).filter((node) => node.nodeType === node.ELEMENT_NODE) as Element[];
  return `${element.localName}[${attributes.join(' ')}](${children.map(signature).join('')})`;
}

/** Properties as inheritance sees them: each attribute, and each child by the property it sets. Run defaults are not paragraph properties. */
function slots(element: Element | undefined): Map<string, string> {
  const found = new Map<string, string>();
  if (!element) return found;
  for (const attribute of Array.from({ length: element.attributes.length }, (_, index) => element.attributes.item(index)!)) {
    if (!attribute.name.startsWith('xmlns')) found.set(`@${attribute.name}`, attribute.value);
  }
  for (const child of Array.from(element.childNodes).filter((node) => node.nodeType === node.ELEMENT_NODE) as Element[]) {
    if (child.localName !== 'defRPr') found.set(SLOTS[child.localName!] ?? child.localName!, signature(child));
  }
  return found;
}

/** What shows: the frame's own properties over its placeholder's. With no marker, a bullet's colour, size and font show nothing. */
function merged(own: Element | undefined, inherited: Element | undefined): Map<string, string> {
  const result = new Map([...slots(inherited), ...slots(own)]);
  if (result.get('marker')?.startsWith('buNone')) for (const slot of ['colour', 'size', 'font']) result.delete(slot);
  return result;
}

function parse(xml: string): Element {
  return new DOMParser().parseFromString(xml.startsWith('<?xml') ? xml : `<x xmlns:a="${A}">${xml}</x>`, 'text/xml').documentElement!;
}

const childrenNamed = (parent: Element, namespace: string, name: string) => Array.from(parent.getElementsByTagNameNS(namespace, name));
const direct = (parent: Element, name: string) => (Array.from(parent.childNodes).filter((node) => node.nodeType === node.ELEMENT_NODE) as Element[]).filter((child) => child.localName === name);

function fullParagraph(paragraph: PlacedParagraph, scheme: ReturnType<typeof schemeRefs>): Element {
  const rtl = isRightToLeft(paragraph.runs.map((run) => (run.type === 'break' ? '\n' : run.text)).join(''));
  return parse(paragraphPropertiesXml('a:pPr', paragraph, scheme, { level: Math.min(paragraph.level, 8), rtl })).firstChild as Element;
}

const decks = ['content/lecture.md', 'content/syntax.md'];

describe('placeholder frames leave out only what their layout gives', () => {
  for (const deckPath of decks) {
    for (const theme of listThemes()) {
      it(`${deckPath} in ${theme}: every placeholder's frame, paragraphs and body, merged with its layout's, are as laid out and as written in full`, async () => {
        const path = new URL(`../${deckPath}`, import.meta.url).pathname;
        const { deck } = buildOutline(readFileSync(path, 'utf8'), { path, theme });
        const plan = planSlides(deck, { baseDir: new URL('../content', import.meta.url).pathname });
        const parts = readPackage(await renderPlan(plan));
        const scheme = schemeRefs(plan.placed.scheme, true);
        let paragraphs = 0;
        let left = 0;
        let titlesLeft = 0;
        slideNames(parts).forEach((name, index) => {
          const slide = parse(parts.get(name)!);
          const rels = parse(parts.get(name.replace('slides/', 'slides/_rels/') + '.rels')!);
          const layoutTarget = childrenNamed(rels, 'http://schemas.openxmlformats.org/package/2006/relationships', 'Relationship').find((rel) => rel.getAttribute('Type')!.endsWith('/slideLayout'))!.getAttribute('Target')!;
          const layout = parse(parts.get(`ppt/slideLayouts/${layoutTarget.split('/').pop()}`)!);
          const placed = plan.placed.slides[index]!;
          for (const shape of childrenNamed(slide, P, 'sp')) {
            const ph = childrenNamed(shape, P, 'ph')[0];
            if (!ph) continue;
            const shapeName = childrenNamed(shape, P, 'cNvPr')[0]!.getAttribute('name');
            const frame = placed.frames.find((candidate): candidate is TextFrame => candidate.kind === 'text' && candidate.name === shapeName)!;
            const theirs = childrenNamed(layout, P, 'sp').find((candidate) => signature(childrenNamed(candidate, P, 'ph')[0] ?? parse('<none/>')) === signature(ph))!;
            expect(theirs, `${name}: ${shapeName}'s placeholder on its layout`).toBeDefined();
            const where = `${name}, ${shapeName}`;
            // Where it stands: its own frame, or its layout placeholder's, is the frame laid out.
            const own = childrenNamed(shape, A, 'xfrm')[0];
            const frameXml = (transform: Element) => ['off', 'ext'].map((part) => signature(childrenNamed(transform, A, part)[0]!)).join('');
            const laidOut = `off[x=${inchesToEmu(frame.box.x)} y=${inchesToEmu(frame.box.y)}]()ext[cx=${inchesToEmu(frame.box.w)} cy=${inchesToEmu(frame.box.h)}]()`;
            expect(frameXml(own ?? childrenNamed(theirs, A, 'xfrm')[0]!), `${where}: frame`).toBe(laidOut);
            if (!own && shapeName === 'Title') titlesLeft += 1;
            const body = childrenNamed(shape, A, 'bodyPr')[0]!;
            // deckdown's master has no placeholders: what the layout leaves out is the schema's default.
            const fullBody = parse(bodyPropertiesXml(frame, 'defaults')).firstChild as Element;
            expect(merged(body, childrenNamed(theirs, A, 'bodyPr')[0]), `${where}: body`).toEqual(slots(fullBody));
            const levels = childrenNamed(theirs, A, 'lstStyle')[0]!;
            childrenNamed(shape, A, 'p').forEach((element, at) => {
              const own = direct(element, 'pPr')[0];
              const level = Number(own?.getAttribute('lvl') ?? 0);
              const full = fullParagraph(frame.paragraphs[at]!, scheme);
              expect(merged(own, direct(levels, `lvl${level + 1}pPr`)[0]), `${where}, paragraph ${at + 1}`).toEqual(slots(full));
              paragraphs += 1;
              left += slots(full).size - slots(own).size;
            });
          }
        });
        expect(paragraphs).toBeGreaterThan(20);
        // Inheritance is used at all: most properties of most paragraphs come from the layout.
        expect(left / paragraphs).toBeGreaterThan(3);
        // Most titles stand where their layout's do.
        const titles = plan.placed.slides.filter((slide) => slide.frames.some((frame) => frame.name === 'Title')).length;
        expect(titlesLeft).toBeGreaterThan(titles / 2);
        // Notes pages inherit from the notes master: its notes style and its notes placeholder say the same.
        const master = parse(parts.get('ppt/notesMasters/notesMaster1.xml')!);
        const notesStyle = childrenNamed(master, P, 'notesStyle')[0]!;
        const notesPlaceholder = childrenNamed(master, P, 'sp').find((shape) => childrenNamed(shape, P, 'ph')[0]?.getAttribute('type') === 'body')!;
        const masterLevel = direct(childrenNamed(notesPlaceholder, A, 'lstStyle')[0]!, 'lvl1pPr')[0]!;
        expect(signature(masterLevel)).toBe(signature(direct(notesStyle, 'lvl1pPr')[0]!));
        let notesParagraphs = 0;
        plan.placed.slides.forEach((placed, index) => {
          if (placed.notes.length === 0) return;
          const page = parse(parts.get(`ppt/notesSlides/notesSlide${index + 1}.xml`)!);
          const body = childrenNamed(page, P, 'sp').find((shape) => childrenNamed(shape, P, 'ph')[0]?.getAttribute('type') === 'body')!;
          childrenNamed(body, A, 'p').forEach((element, at) => {
            const own = direct(element, 'pPr')[0];
            const level = Number(own?.getAttribute('lvl') ?? 0);
            const inherited = level === 0 ? masterLevel : direct(notesStyle, `lvl${level + 1}pPr`)[0];
            expect(merged(own, inherited), `notes of slide ${index + 1}, paragraph ${at + 1}`).toEqual(slots(fullParagraph(placed.notes[at]!, scheme)));
            // Each run is the size it was laid out at: its own, or the level's.
            const levelSize = childrenNamed(inherited!, A, 'defRPr')[0]?.getAttribute('sz');
            const sizes = direct(element, 'r').map((run) => direct(run, 'rPr')[0]?.getAttribute('sz') || levelSize);
            const laidOut = placed.notes[at]!.runs.flatMap((run) => (run.type === 'text' ? [String(Math.round(run.sizePt * 100))] : []));
            expect(sizes, `notes of slide ${index + 1}, paragraph ${at + 1}: run sizes`).toEqual(laidOut);
            notesParagraphs += 1;
          });
        });
        expect(notesParagraphs).toBeGreaterThan(0);
      });
    }
  }
});

describe('writing what a placeholder does not give', () => {
  const scheme = schemeRefs({ name: 'T', dark1: '111111', light1: 'FFFFFF', dark2: '222222', light2: 'EEEEEE', accents: ['AA0000', '00AA00'], link: '0000AA', headingFont: 'Noto Serif', bodyFont: 'Noto Sans' });
  const look = (fields: Partial<ParagraphLook>): ParagraphLook => ({ align: 'left', bullet: { type: 'none' }, marginInches: 0, hangInches: 0, spaceBeforePt: 0, spaceAfterPt: 0, lineSpacing: 1, ...fields });
  const bullet = look({ bullet: { type: 'char', char: '•', color: 'AA0000' }, marginInches: 0.32, hangInches: 0.32, spaceAfterPt: 10, lineSpacing: 1.05 });
  const cases: [string, ParagraphLook][] = [
    ['the same look', bullet],
    ['a numbered item', { ...bullet, bullet: { type: 'number', startAt: 3, color: 'AA0000' }, hangInches: 0.44, marginInches: 0.44 }],
    ['a plain paragraph', look({ spaceAfterPt: 10, lineSpacing: 1.05 })],
    ['another colour and spacing', { ...bullet, bullet: { type: 'char', char: '–', color: '00AA00' }, spaceBeforePt: 6 }],
    ['centred', { ...bullet, align: 'center' }],
  ];
  for (const [label, own] of cases) {
    it(`${label}: merged with the level, as written in full`, () => {
      const inherited = parse(paragraphPropertiesXml('a:lvl1pPr', bullet, scheme)).firstChild as Element;
      const written = paragraphPropertiesXml('a:pPr', own, scheme, { inherited: bullet });
      const partial = written ? (parse(written).firstChild as Element) : undefined;
      expect(merged(partial, inherited)).toEqual(slots(parse(paragraphPropertiesXml('a:pPr', own, scheme)).firstChild as Element));
      if (own === bullet) expect(written).toBe('');
    });
  }

  it("a bullet writes only the groups its level's differ in: a numbered item keeps the level's colour and size", () => {
    const numbered = { ...bullet, bullet: { type: 'number' as const, startAt: 3, color: 'AA0000' } };
    const written = paragraphPropertiesXml('a:pPr', numbered, scheme, { inherited: bullet });
    expect(written).toBe('<a:pPr><a:buFontTx/><a:buAutoNum type="arabicPeriod" startAt="3"/></a:pPr>');
    const recoloured = paragraphPropertiesXml('a:pPr', { ...numbered, bullet: { ...numbered.bullet, color: '00AA00' } }, scheme, { inherited: bullet });
    expect(recoloured).toBe('<a:pPr><a:buClr><a:schemeClr val="accent2"/></a:buClr><a:buFontTx/><a:buAutoNum type="arabicPeriod" startAt="3"/></a:pPr>');
  });

  it('right to left: merged with the level, as written in full', () => {
    const inherited = parse(paragraphPropertiesXml('a:lvl1pPr', bullet, scheme)).firstChild as Element;
    const written = paragraphPropertiesXml('a:pPr', bullet, scheme, { rtl: true, inherited: bullet });
    expect(written).toContain('rtl="1"');
    expect(merged(parse(written).firstChild as Element, inherited)).toEqual(slots(parse(paragraphPropertiesXml('a:pPr', bullet, scheme, { rtl: true })).firstChild as Element));
  });

  const run = (sizePt: number): PlacedParagraph['runs'][number] => ({ type: 'text', text: 'x', font: 'Noto Sans', sizePt, color: '111111', bold: false, italic: false, strike: false });
  const frame = (level: number, sizePt: number): TextFrame => ({ kind: 'text', name: 'Body', box: { x: 0, y: 0, w: 5, h: 2 }, anchor: 'top', insetInches: 0.08, paragraphs: [{ ...bullet, runs: [run(sizePt)], level, endSizePt: sizePt }] });
  const style = run(28) as unknown as RunStyle;
  const writing = (levels?: ParagraphLook[]) => ({ lang: 'kk-KZ', linkIds: () => undefined, scheme, inherited: style, levels });

  it('a paragraph past the levels its placeholder gives is written in full, its runs too', () => {
    const xml = textBodyXml(frame(2, 28), writing([bullet]), { anchor: 'top', insetInches: 0.08 });
    expect(xml).toContain('<a:buChar char="•"/>');
    expect(xml).toMatch(/<a:rPr lang="kk-KZ" sz="2800"/);
    expect(xml).toContain('<a:endParaRPr lang="kk-KZ" sz="2800"/>');
  });

  it('on a template, whose levels size their own text, a paragraph\'s end and its breaks keep their size', () => {
    expect(textBodyXml(frame(1, 28), writing(undefined))).toContain('<a:endParaRPr lang="kk-KZ" sz="2800"/>');
    const broken = frame(0, 28);
    broken.paragraphs[0]!.runs = [run(28), { type: 'break' }, run(28)];
    expect(textBodyXml(broken, writing(undefined))).toContain('<a:br><a:rPr lang="kk-KZ" sz="2800"/></a:br>');
    expect(textBodyXml(broken, writing([bullet]), { anchor: 'top', insetInches: 0.08 })).toContain('<a:br><a:rPr lang="kk-KZ"/></a:br>');
    // On deckdown's own layout the level gives it, and the runs the rest: a paragraph with text has no end of its own.
    expect(textBodyXml(frame(0, 28), writing([bullet]), { anchor: 'top', insetInches: 0.08 })).not.toContain('<a:endParaRPr');
    // An empty paragraph, or one of line breaks, keeps its end: it sets the height of its last line.
    for (const runs of [[], [{ type: 'break' as const }]]) {
      const empty = frame(0, 28);
      empty.paragraphs[0]!.runs = runs;
      expect(textBodyXml(empty, writing([bullet]), { anchor: 'top', insetInches: 0.08 })).toContain('<a:endParaRPr lang="kk-KZ"/>');
    }
  });

  it('a body inset and anchored as its placeholder writes nothing of its own, not even that it does not autofit', () => {
    const placeholder: BodyLook = { anchor: 'top', insetInches: 0.08 };
    expect(bodyPropertiesXml(placeholder, placeholder)).toBe('<a:bodyPr/>');
    expect(bodyPropertiesXml({ anchor: 'bottom', insetInches: 0.08 }, placeholder)).toBe('<a:bodyPr anchor="b"/>');
    expect(bodyPropertiesXml(placeholder)).toContain('<a:noAutofit/>');
  });

  it("a body that inherits only the schema's defaults leaves out wrapping in its box and left-to-right columns; one on a template's placeholder writes them", () => {
    const look: BodyLook = { anchor: 'top', insetInches: 0.08 };
    expect(bodyPropertiesXml(look, 'defaults')).toBe('<a:bodyPr lIns="73152" tIns="73152" rIns="73152" bIns="73152" anchor="t"><a:noAutofit/></a:bodyPr>');
    expect(bodyPropertiesXml(look)).toBe('<a:bodyPr wrap="square" lIns="73152" tIns="73152" rIns="73152" bIns="73152" rtlCol="0" anchor="t"><a:noAutofit/></a:bodyPr>');
  });
});
