import type { PlacedDeck } from '../layout/frames.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { adoptTemplate } from './adopt-template.js';
import { colourSliceLabels, flatChartsBySchema, numberCharts } from './chart-parts.js';
import { cropPictures } from './crop-pictures.js';
import { fillText, renumberShapes } from './fill-text.js';
import { hideLayoutShapes } from './hidden-layout-shapes.js';
import { OpcPackage, type DeflateAhead } from './opc-package.js';
import { normaliseEmbeddedPackages, pruneContentTypes, writeDocumentProperties, type DocumentProperties } from './package.js';
import { addLayoutPlaceholders, headerFooterFlags, markSlidePlaceholders, removeDefaultLayout } from './placeholders.js';
import { orderPresentation } from './presentation-part.js';
import { writeWithPptxgen } from './pptxgen.js';
import { rasteriseSvgFallbacks } from './svg-fallback.js';
import { shareMedia } from './shared-media.js';
import { dropShapeTreeBoilerplate, dropSlideBoilerplate, dropSpaceBetweenElements } from './slide-boilerplate.js';
import { styleTables, writeTableStyle } from './table-style.js';
import { schemeColorsInLayouts, schemeColorsInRules, writeThemeScheme } from './theme-part.js';
import { mastersAndLayouts, notesPart, slidePart } from './part-names.js';
import { notesMasterStyle } from './notes-part.js';
import { relsPartOf } from './relationships.js';

/** One step from pptxgenjs's package to deckdown's: each has one job and works on parsed parts. */
export interface RenderPass {
  name: string;
  run(opc: OpcPackage, deck: PlacedDeck, properties: DocumentProperties, limits: Limits): void | Promise<void>;
  /**
   * Set on a pass whose work is slide by slide: set up once for the deck, it does one slide's
   * work and touches only that slide's parts (the slide, its notes and their relationships).
   */
  forSlides?: (opc: OpcPackage, deck: PlacedDeck) => (index: number) => void;
}

/** A pass that works slide by slide; run alone, it does every slide in turn. */
function slidePass(name: string, forSlides: NonNullable<RenderPass['forSlides']>): RenderPass {
  return {
    name,
    forSlides,
    run: (opc, deck) => {
      const work = forSlides(opc, deck);
      deck.slides.forEach((_slide, index) => work(index));
    },
  };
}

/**
 * The passes, in order: later ones rely on what earlier ones wrote (shapes are numbered after
 * placeholders are added). The slide passes come together, so that a build can finish each
 * slide before it starts the next (see `completePackage`).
 */
export const RENDER_PASSES: readonly RenderPass[] = [
  { name: 'number charts from 1', run: (opc) => numberCharts(opc) },
  { name: 'flat charts as the schema has them', run: (opc) => flatChartsBySchema(opc) },
  { name: 'doughnut labels in their slices\' colours', run: (opc, deck) => colourSliceLabels(opc, deck) },
  { name: 'layout placeholders', run: (opc, deck) => addLayoutPlaceholders(opc, deck) },
  { name: 'header and footer flags', run: (opc, deck) => headerFooterFlags(opc, deck) },
  { name: 'no unused default layout', run: (opc) => removeDefaultLayout(opc) },
  { name: 'shape ids in layouts and masters', run: (opc) => mastersAndLayouts(opc).forEach((part) => renumberShapes(opc.xml(part))) },
  {
    name: 'no boilerplate in masters and layouts',
    run: (opc) =>
      mastersAndLayouts(opc, { notes: true }).forEach((part) => {
        dropShapeTreeBoilerplate(opc.xml(part), part);
        dropSpaceBetweenElements(opc.xml(part));
      }),
  },
  { name: 'theme colours and fonts', run: (opc, deck) => writeThemeScheme(opc, deck.scheme) },
  { name: 'scheme colours in layouts', run: (opc, deck) => schemeColorsInLayouts(opc, deck.scheme) },
  { name: 'notes master in the notes style', run: (opc, deck) => notesMasterStyle(opc, deck) },
  { name: 'the deck\'s table style', run: (opc, deck) => writeTableStyle(opc, deck) },
  slidePass('text bodies, notes and links', fillText),
  slidePass('picture crops', cropPictures),
  slidePass('slide placeholders', markSlidePlaceholders),
  slidePass('layout shapes hidden where a slide draws its own', hideLayoutShapes),
  slidePass('no boilerplate on slides', dropSlideBoilerplate),
  slidePass('tables in the table style', styleTables),
  slidePass('shape ids on slides', (opc) => (index) => renumberShapes(opc.xml(slidePart(index)))),
  slidePass('scheme colours in accent rules', (opc, deck) => schemeColorsInRules(opc, deck.scheme)),
  { name: 'template masters and layouts', run: (opc, deck) => adoptTemplate(opc, deck) },
  { name: 'presentation in schema order', run: (opc) => orderPresentation(opc) },
  // Before the fallbacks are drawn: an SVG shown on several slides is drawn once.
  { name: 'one part for each picture', run: (opc) => shareMedia(opc) },
  { name: 'SVG fallbacks', run: (opc, _deck, _properties, limits) => rasteriseSvgFallbacks(opc, limits) },
  { name: 'document properties', run: (opc, _deck, properties) => writeDocumentProperties(opc, properties) },
  { name: 'content types of existing parts', run: (opc) => pruneContentTypes(opc) },
  { name: 'embedded workbooks dated', run: (opc, _deck, properties) => normaliseEmbeddedPackages(opc, properties.date) },
];

/** A slide's own parts: what its slide passes may touch. */
function partsOfSlide(index: number): string[] {
  return [slidePart(index), notesPart(index)].flatMap((part) => [part, relsPartOf(part)]);
}

/**
 * Placed frames → the package's parts: pptxgenjs writes the package, then each pass completes
 * it. Consecutive slide passes run slide by slide, and each slide's parts are written out as
 * soon as its passes are done: the parsed documents of one slide are held at a time, not of all.
 * The parts are the same as when each pass runs over every slide in turn. With `ahead`, each
 * slide's parts start deflating as soon as they are written out.
 */
export async function completePackage(deck: PlacedDeck, properties: DocumentProperties, limits: Limits = DEFAULT_LIMITS, ahead?: DeflateAhead): Promise<OpcPackage> {
  const opc = OpcPackage.unzip(await writeWithPptxgen(deck));
  if (ahead) opc.deflateAhead(ahead);
  for (let at = 0; at < RENDER_PASSES.length; ) {
    const pass = RENDER_PASSES[at]!;
    if (!pass.forSlides) {
      await pass.run(opc, deck, properties, limits);
      at += 1;
      continue;
    }
    let end = at;
    while (RENDER_PASSES[end]?.forSlides) end += 1;
    const work = RENDER_PASSES.slice(at, end).map((slidePass) => slidePass.forSlides!(opc, deck));
    deck.slides.forEach((_slide, index) => {
      for (const slideWork of work) slideWork(index);
      opc.settle(partsOfSlide(index));
    });
    at = end;
  }
  return opc;
}

/** Placed frames → the bytes of a .pptx, the same with parts deflated `ahead` or not. */
export async function renderPlacedDeck(deck: PlacedDeck, properties: DocumentProperties, limits: Limits = DEFAULT_LIMITS, ahead?: DeflateAhead): Promise<Uint8Array> {
  return (await completePackage(deck, properties, limits, ahead)).zipAhead();
}
