import pptxgenjs from 'pptxgenjs';
import type { PlacedDeck } from '../layout/frames.js';

// The package's types describe a CommonJS module, while Node loads its ES build, whose default export is the class.
const PptxGenJS = pptxgenjs as unknown as typeof pptxgenjs.default;

const LAYOUT_NAME = 'DECKDOWN';

/**
 * Placed frames → a pptxgenjs package. Text frames are written as named, empty shapes:
 * their bodies are filled in afterwards (see `fill-text.ts`), because pptxgenjs cannot write
 * per-run language, hanging bullets or rich notes without producing invalid paragraph markup.
 */
export async function writeWithPptxgen(deck: PlacedDeck): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.defineLayout({ name: LAYOUT_NAME, width: deck.widthInches, height: deck.heightInches });
  pptx.layout = LAYOUT_NAME;
  for (const placed of deck.slides) {
    const slide = pptx.addSlide();
    slide.background = { color: placed.background };
    for (const frame of placed.frames) {
      const geometry = { x: frame.box.x, y: frame.box.y, w: frame.box.w, h: frame.box.h, objectName: frame.name };
      if (frame.kind === 'rect') {
        slide.addShape(pptx.ShapeType.rect, { ...geometry, fill: { color: frame.color }, line: { type: 'none' } });
      } else {
        slide.addText('', geometry);
      }
    }
  }
  const output = await pptx.write({ outputType: 'uint8array', compression: false });
  return output as Uint8Array;
}
