import type { Element } from '@xmldom/xmldom';
import type { Crop, PlacedDeck } from '../layout/frames.js';
import { children, insert, required, shapeNamed } from './dom.js';
import { slidePart } from './part-names.js';
import type { OpcPackage } from './opc-package.js';

/** Crop a picture fill (`p:blipFill` or a background's `a:blipFill`): its source rectangle goes before the stretch. */
function crop(blipFill: Element, rect: Crop, part: string): void {
  for (const old of children(blipFill, 'a:srcRect')) blipFill.removeChild(old);
  insert(blipFill, `<a:srcRect l="${rect.left}" t="${rect.top}" r="${rect.right}" b="${rect.bottom}"/>`, required(blipFill, 'a:stretch', part));
}

/**
 * Pictures that cover their box keep their aspect ratio: pptxgenjs stretches them, so the part
 * that falls outside is cropped off, on slide backgrounds and on picture frames alike.
 */
export function cropPictures(opc: OpcPackage, deck: PlacedDeck): (index: number) => void {
  return (index) => {
    const slide = deck.slides[index]!;
    const part = slidePart(index);
    if (slide.background.crop) crop(required(required(opc.xml(part), 'p:bg', part), 'a:blipFill', part), slide.background.crop, part);
    for (const frame of slide.frames) {
      if (frame.kind === 'image' && frame.crop) crop(required(shapeNamed(opc.xml(part), frame.name, part), 'p:blipFill', part), frame.crop, part);
    }
  };
}
