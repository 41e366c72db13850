import type { PlacedDeck } from '../layout/frames.js';
import { first, insert, required, shapeNamed } from './dom.js';
import type { OpcPackage } from './opc-package.js';
import { slidePart } from './part-names.js';

/** PowerPoint's "Mark as decorative": an extension of a shape's non-visual properties. */
const DECORATIVE = '<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext></a:extLst>';

/**
 * A slide that draws its layout's shapes itself, or some of them elsewhere, hides the layout's:
 * PowerPoint's "Hide background graphics". The pictures it draws in their place are decorative,
 * without a description, so that a screen reader does not read the layout's logo on those
 * slides alone.
 */
export function hideLayoutShapes(opc: OpcPackage, deck: PlacedDeck): (index: number) => void {
  return (index) => {
    const slide = deck.slides[index]!;
    if (!slide.hidesLayoutShapes) return;
    const part = slidePart(index);
    const document = opc.xml(part);
    document.documentElement!.setAttribute('showMasterSp', '0');
    for (const frame of slide.frames) {
      if (frame.kind !== 'image' || !frame.decorative) continue;
      const properties = required(shapeNamed(document, frame.name, part), 'p:cNvPr', part);
      properties.removeAttribute('descr');
      if (!first(properties, 'a:extLst')) insert(properties, DECORATIVE);
    }
  };
}
