import type { PlacedDeck } from '../layout/frames.js';
import type { OpcPackage } from './opc-package.js';
import { slidePart } from './part-names.js';

/** A slide that draws its layout's shapes itself, or some of them elsewhere, hides the layout's: PowerPoint's "Hide background graphics". */
export function hideLayoutShapes(opc: OpcPackage, deck: PlacedDeck): (index: number) => void {
  return (index) => {
    if (deck.slides[index]!.hidesLayoutShapes) opc.xml(slidePart(index)).documentElement!.setAttribute('showMasterSp', '0');
  };
}
