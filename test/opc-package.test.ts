import { describe, expect, it } from 'vitest';
import { markdownToPptx } from '../src/api.js';
import { all, first } from '../src/render/dom.js';
import { OpcPackage } from '../src/render/opc-package.js';

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
