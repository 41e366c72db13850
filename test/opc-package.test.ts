import { describe, expect, it } from 'vitest';
import { markdownToPptx } from '../src/api.js';
import { all, first } from '../src/render/dom.js';
import { OpcPackage } from '../src/render/opc-package.js';
import { withoutUnusedNamespaces, XML_DECLARATION } from '../src/render/xml.js';
import { partViolations } from './helpers/schema-validity.js';

const SLIDE = 'ppt/slides/slide1.xml';
const part = '<p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><p:cSld><p:spTree><p:sp><p:txBody><a:p/></p:txBody></p:sp><p:sp><p:txBody><a:p/></p:txBody></p:sp></p:spTree></p:cSld></p:sld>';
const body = (text: string) => `<p:txBody><a:bodyPr/><a:p><a:r><a:t>${text}</a:t></a:r></a:p></p:txBody>`;

function withBodiesLater(): OpcPackage {
  const opc = OpcPackage.fromParts([[SLIDE, new TextEncoder().encode(part)]]);
  const [one, two] = all(opc.xml(SLIDE), 'p:txBody');
  opc.replaceLater(SLIDE, [
    [one!, body('one')],
    [two!, body('two &amp; &lt;?deckdown-later 0?&gt;')],
  ]);
  return opc;
}

describe('elements written when their part is serialised', () => {
  it('writes each where its old element was, in order, and text that looks like its mark stays text', () => {
    const text = new TextDecoder().decode(withBodiesLater().bytes(SLIDE));
    expect(text).toContain(`<p:sp>${body('one')}</p:sp><p:sp>${body('two &amp; &lt;?deckdown-later 0?&gt;')}</p:sp>`);
    expect(text).not.toContain('<?deckdown');
  });

  it('parses them into the document for a pass that reads inside them, and writes the same bytes', () => {
    const later = withBodiesLater();
    const whole = withBodiesLater();
    expect(all(later.xml(SLIDE), 'a:t')).toEqual([]);
    expect(all(whole.xml(SLIDE, true), 'a:t').map((element) => element.textContent)).toEqual(['one', 'two & <?deckdown-later 0?>']);
    expect(whole.bytes(SLIDE)).toEqual(later.bytes(SLIDE));
  });

  it('follows its part when parts are renamed, and goes with it when it is replaced', () => {
    const opc = withBodiesLater();
    opc.renameAll((name) => name.replace('slide1', 'slide7'));
    expect(new TextDecoder().decode(opc.bytes('ppt/slides/slide7.xml'))).toContain('<a:t>one</a:t>');
    opc.setXml('ppt/slides/slide7.xml', part);
    expect(first(opc.xml('ppt/slides/slide7.xml', true), 'a:t')).toBeUndefined();
  });

  it('leaves no mark in a whole deck', async () => {
    const { pptx } = await markdownToPptx('# One\n\nText & "quotes" <b>bold</b>\n\n:::notes\nSay \\<?deckdown-later 0?>.\n:::\n\n| a | b |\n| - | - |\n| 1 | 2 |\n');
    const parts = OpcPackage.unzip(pptx);
    const slide = new TextDecoder().decode(parts.bytes(SLIDE));
    const notes = new TextDecoder().decode(parts.bytes('ppt/notesSlides/notesSlide1.xml'));
    expect(slide + notes).not.toContain('<?deckdown');
    expect(slide).toContain('<a:t>Text &amp; "quotes" </a:t>');
    expect(notes).toContain('&lt;?deckdown-later 0?&gt;');
  });
});

describe('parts written out before the zip', () => {
  const RELS = 'ppt/slides/_rels/slide1.xml.rels';
  // A relationships part as another writer spaces it: the zip writes every one through its serialiser.
  const rels = '<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships" >\n  <Relationship Id="rId1" Type="t" Target="a.xml" />\n</Relationships>';
  const packageOf = () => OpcPackage.fromParts([[SLIDE, new TextEncoder().encode(part)], [RELS, new TextEncoder().encode(rels)]]);

  it('hold the bytes the zip would have written, elements written later included, and can be opened again', () => {
    const settled = withBodiesLater();
    const kept = withBodiesLater();
    settled.settle([SLIDE, 'ppt/slides/slide9.xml']);
    expect(settled.bytes(SLIDE)).toEqual(kept.bytes(SLIDE));
    expect(OpcPackage.unzip(settled.zip()).bytes(SLIDE)).toEqual(OpcPackage.unzip(kept.zip()).bytes(SLIDE));
    // Opened again, the part is parsed anew, bodies and all, and a change to it is kept.
    const document = settled.xml(SLIDE);
    expect(all(document, 'a:t').map((element) => element.textContent)).toEqual(['one', 'two & <?deckdown-later 0?>']);
    first(document, 'a:t')!.textContent = 'three';
    expect(new TextDecoder().decode(OpcPackage.unzip(settled.zip()).bytes(SLIDE))).toContain('<a:t>three</a:t>');
  });

  it('are relationships the zip writes as it writes those it never settled', () => {
    const settled = packageOf();
    settled.xml(RELS);
    settled.settle([RELS]);
    const untouched = packageOf();
    const zipped = (opc: OpcPackage) => new TextDecoder().decode(OpcPackage.unzip(opc.zip()).bytes(RELS));
    expect(zipped(settled)).toBe(zipped(untouched));
    expect(zipped(untouched)).not.toBe(rels);
    // A part never parsed is left as it came: settling writes only documents.
    const raw = packageOf();
    raw.settle([SLIDE, RELS]);
    expect(new TextDecoder().decode(raw.bytes(RELS))).toBe(rels);
    expect(zipped(raw)).toBe(zipped(untouched));
  });
});

describe('namespace declarations a part does not use', () => {
  const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const P = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
  const A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
  const slide = (inner: string, root = `${A} ${R} ${P}`) => `${XML_DECLARATION}<p:sld ${root}><p:cSld><p:spTree>${inner}</p:spTree></p:cSld></p:sld>`;
  const text = (value: string) => `<p:sp><p:txBody><a:bodyPr/><a:p><a:r><a:t>${value}</a:t></a:r></a:p></p:txBody></p:sp>`;

  it('are left out, and those it uses stay', () => {
    expect(withoutUnusedNamespaces(slide(text('Hello')))).toBe(slide(text('Hello'), `${A} ${P}`));
    const linked = slide('<p:sp><p:txBody><a:bodyPr/><a:p><a:r><a:rPr><a:hlinkClick r:id="rId2"/></a:rPr><a:t>x</a:t></a:r></a:p></p:txBody></p:sp>');
    expect(withoutUnusedNamespaces(linked)).toBe(linked);
  });

  it('stay for a prefix before a colon anywhere but at the end of a longer word: in a name, a value, even text', () => {
    const uses = ['<a:x><r:x/></a:x>', '<a:x r:id="rId1"/>', '<a:x\n r:id="rId1"/>', '<a:x type="r:id"/>', '<a:x type="(r:T)"/>', '<a:x type="&#10;r:T"/>', text('r: the radius')];
    for (const used of uses) expect(withoutUnusedNamespaces(slide(used)), used).toBe(slide(used));
    // "Manager:" ends in "r:", but names nothing.
    expect(withoutUnusedNamespaces(slide(text('Manager: Ann')))).toBe(slide(text('Manager: Ann'), `${A} ${P}`));
  });

  it("are read as whole attributes of the root, past comments, so that no value or comment is cut", () => {
    const named = slide(text('x'), `name="Brand xmlns:x=" ${A} ${R} ${P}`);
    expect(withoutUnusedNamespaces(named)).toBe(slide(text('x'), `name="Brand xmlns:x=" ${A} ${P}`));
    const commented = slide(text('x')).replace('<p:sld', '<!-- <p:sld xmlns:q="z"> --><p:sld');
    expect(withoutUnusedNamespaces(commented)).toBe(slide(text('x'), `${A} ${P}`).replace('<p:sld', '<!-- <p:sld xmlns:q="z"> --><p:sld'));
    const quoted = `${XML_DECLARATION}<p:sld ${A} xmlns:r='${R.slice(9, -1)}' ${P}><p:cSld/></p:sld>`;
    expect(withoutUnusedNamespaces(quoted)).toBe(`${XML_DECLARATION}<p:sld ${P}><p:cSld/></p:sld>`);
  });

  it('all stay in a part that uses markup compatibility, whose prefixes are named in attribute values', () => {
    const ignorable = slide(text('x'), `${A} ${R} ${P} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:p14="http://schemas.microsoft.com/office/powerpoint/2010/main" mc:Ignorable="p14"`);
    expect(withoutUnusedNamespaces(ignorable)).toBe(ignorable);
  });

  it('are left out of the parts a deck is written with, which stay valid', async () => {
    const { pptx } = await markdownToPptx('# One\n\nPlain text.\n\n:::notes\nSaid aloud.\n:::\n\n# Two\n\nA [link](https://example.org).\n');
    const parts = OpcPackage.unzip(pptx);
    const xml = (name: string) => new TextDecoder().decode(parts.bytes(name));
    expect(xml('ppt/slides/slide1.xml')).not.toContain(R);
    expect(xml('ppt/notesSlides/notesSlide1.xml')).not.toContain(R);
    expect(xml('ppt/slides/slide2.xml')).toContain(R);
    for (const name of ['ppt/slides/slide1.xml', 'ppt/slides/slide2.xml', 'ppt/notesSlides/notesSlide1.xml']) expect(partViolations(xml(name)), name).toEqual([]);
  });
});
