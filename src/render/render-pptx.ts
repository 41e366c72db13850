import type { PlacedDeck } from '../layout/frames.js';
import { renumberCharts } from './chart-parts.js';
import { cropPictures } from './crop-pictures.js';
import { fillText } from './fill-text.js';
import { normaliseEmbeddedPackages, pruneContentTypes, unzipPackage, writeCoreProperties, zipParts, type DocumentProperties } from './package.js';
import { addLayoutPlaceholders, markSlidePlaceholders, removeDefaultLayout } from './placeholders.js';
import { writeWithPptxgen } from './pptxgen.js';
import { writeThemeScheme } from './theme-part.js';
import { rasteriseSvgFallbacks } from './svg-fallback.js';

/** Placed frames → the bytes of a .pptx: pptxgenjs writes the package, then its gaps are filled. */
export async function renderPlacedDeck(deck: PlacedDeck, properties: DocumentProperties): Promise<Uint8Array> {
  const parts = unzipPackage(await writeWithPptxgen(deck));
  renumberCharts(parts);
  fillText(parts, deck);
  cropPictures(parts, deck);
  addLayoutPlaceholders(parts, deck);
  markSlidePlaceholders(parts, deck);
  removeDefaultLayout(parts);
  writeThemeScheme(parts, deck.scheme);
  await rasteriseSvgFallbacks(parts);
  writeCoreProperties(parts, properties);
  pruneContentTypes(parts);
  normaliseEmbeddedPackages(parts, properties.date);
  return zipParts(parts);
}
