import type { PlacedDeck } from '../layout/frames.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { adoptTemplate } from './adopt-template.js';
import { colourSliceLabels, flatChartsBySchema, numberCharts } from './chart-parts.js';
import { cropPictures } from './crop-pictures.js';
import { fillText, renumberShapes } from './fill-text.js';
import { OpcPackage } from './opc-package.js';
import { normaliseEmbeddedPackages, pruneContentTypes, writeCoreProperties, type DocumentProperties } from './package.js';
import { addLayoutPlaceholders, headerFooterFlags, markSlidePlaceholders, removeDefaultLayout } from './placeholders.js';
import { orderPresentation } from './presentation-part.js';
import { writeWithPptxgen } from './pptxgen.js';
import { rasteriseSvgFallbacks } from './svg-fallback.js';
import { schemeColorsInLayouts, writeThemeScheme } from './theme-part.js';

/** One step from pptxgenjs's package to deckdown's: each has one job and works on parsed parts. */
export interface RenderPass {
  name: string;
  run(opc: OpcPackage, deck: PlacedDeck, properties: DocumentProperties, limits: Limits): void | Promise<void>;
}

/** The passes, in order: later ones rely on what earlier ones wrote (shapes are numbered after placeholders are added). */
export const RENDER_PASSES: readonly RenderPass[] = [
  { name: 'number charts from 1', run: (opc) => numberCharts(opc) },
  { name: 'flat charts as the schema has them', run: (opc) => flatChartsBySchema(opc) },
  { name: 'doughnut labels in their slices\' colours', run: (opc, deck) => colourSliceLabels(opc, deck) },
  { name: 'text bodies, notes and links', run: (opc, deck) => fillText(opc, deck) },
  { name: 'picture crops', run: (opc, deck) => cropPictures(opc, deck) },
  { name: 'layout placeholders', run: (opc, deck) => addLayoutPlaceholders(opc, deck) },
  { name: 'slide placeholders', run: (opc, deck) => markSlidePlaceholders(opc, deck) },
  { name: 'header and footer flags', run: (opc, deck) => headerFooterFlags(opc, deck) },
  { name: 'no unused default layout', run: (opc) => removeDefaultLayout(opc) },
  { name: 'shape ids', run: (opc) => renumberShapes(opc) },
  { name: 'theme colours and fonts', run: (opc, deck) => writeThemeScheme(opc, deck.scheme) },
  { name: 'scheme colours in layouts', run: (opc, deck) => schemeColorsInLayouts(opc, deck.scheme) },
  { name: 'template masters and layouts', run: (opc, deck) => adoptTemplate(opc, deck) },
  { name: 'presentation in schema order', run: (opc) => orderPresentation(opc) },
  { name: 'SVG fallbacks', run: (opc, _deck, _properties, limits) => rasteriseSvgFallbacks(opc, limits) },
  { name: 'document properties', run: (opc, _deck, properties) => writeCoreProperties(opc, properties) },
  { name: 'content types of existing parts', run: (opc) => pruneContentTypes(opc) },
  { name: 'embedded workbooks dated', run: (opc, _deck, properties) => normaliseEmbeddedPackages(opc, properties.date) },
];

/** Placed frames → the package's parts: pptxgenjs writes the package, then each pass completes it. */
export async function completePackage(deck: PlacedDeck, properties: DocumentProperties, limits: Limits = DEFAULT_LIMITS): Promise<OpcPackage> {
  const opc = OpcPackage.unzip(await writeWithPptxgen(deck));
  for (const pass of RENDER_PASSES) await pass.run(opc, deck, properties, limits);
  return opc;
}

/** Placed frames → the bytes of a .pptx. */
export async function renderPlacedDeck(deck: PlacedDeck, properties: DocumentProperties, limits: Limits = DEFAULT_LIMITS): Promise<Uint8Array> {
  return (await completePackage(deck, properties, limits)).zip();
}
