import type { PlacedDeck } from '../layout/frames.js';
import { fillText } from './fill-text.js';
import { pruneContentTypes, unzipPackage, writeCoreProperties, zipPackage, type DocumentProperties } from './package.js';
import { writeWithPptxgen } from './pptxgen.js';

/** Placed frames → the bytes of a .pptx: pptxgenjs writes the package, then its gaps are filled. */
export async function renderPlacedDeck(deck: PlacedDeck, properties: DocumentProperties): Promise<Uint8Array> {
  const parts = unzipPackage(await writeWithPptxgen(deck));
  fillText(parts, deck);
  writeCoreProperties(parts, properties);
  pruneContentTypes(parts);
  return zipPackage(parts, properties.date);
}
