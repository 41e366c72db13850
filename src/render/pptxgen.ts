import pptxgenjs from 'pptxgenjs';
import { layoutOf, type ChartFrame, type Frame, type PlacedBackground, type PlacedDeck, type TableFrame } from '../layout/frames.js';
import { withoutXmlIllegal } from '../xml-chars.js';
import { escapeXml } from './xml.js';

// The package's types describe a CommonJS module, while Node loads its ES build, whose default export is the class.
const PptxGenJS = pptxgenjs as unknown as typeof pptxgenjs.default;
type Pptx = InstanceType<typeof PptxGenJS>;
type PptxSlide = ReturnType<Pptx['addSlide']>;

const LAYOUT_NAME = 'DECKDOWN';

function backgroundProps(background: PlacedBackground) {
  return background.imagePath ? { path: background.imagePath } : { color: background.color };
}

/**
 * pptxgenjs reads a number above 100 as EMU, not inches, and writes it unrounded: a frame that
 * text overflowing a slide has grown past 100 inches is kept below that (no slide is larger than
 * 56 inches, so nothing that shows is lost).
 */
const MOST_INCHES = 99;

function geometry(frame: Frame) {
  const { x, y, w, h } = frame.box;
  const within = (value: number) => Math.min(value, MOST_INCHES);
  return { x: within(x), y: within(y), w: within(w), h: within(h), objectName: withoutXmlIllegal(frame.name) };
}

/**
 * Cells get a one-space placeholder: their bodies are written afterwards like every text body.
 * Their borders and fills come from the deck's table style, and their text stands at the top,
 * where a cell's stands unless it says otherwise.
 */
function addTable(slide: PptxSlide, frame: TableFrame): void {
  const rows = frame.rows.map((row) => row.map(() => ({ text: ' ', options: { margin: frame.insetInches } })));
  slide.addTable(rows, { ...geometry(frame), colW: frame.columnWidthsInches, rowH: frame.rowHeightsInches, autoPage: false });
}

/** An Excel number format with as many decimals as the source wrote. */
function valueFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

const CHART_TYPES = { bar: 'bar', line: 'line', pie: 'pie', doughnut: 'doughnut' } as const;

function addChart(pptx: Pptx, slide: PptxSlide, frame: ChartFrame): void {
  // pptxgenjs escapes names and categories, but writes them into the chart and its workbook with
  // any character; fonts it writes into attributes as they are, so they are escaped here.
  const categories = frame.categories.map(withoutXmlIllegal);
  const data = frame.series.map((series) => ({ name: withoutXmlIllegal(series.name), labels: categories, values: series.values }));
  const round = frame.chart === 'pie' || frame.chart === 'doughnut';
  const text = { fontFace: escapeXml(frame.font), fontSize: frame.fontSizePt, color: frame.textColor };
  const labelled = frame.chart === 'bar';
  slide.addChart(pptx.ChartType[CHART_TYPES[frame.chart]], data, {
    ...geometry(frame),
    // One colour per series (per slice for round charts), so pptxgenjs never draws colours at random.
    chartColors: Array.from({ length: round ? frame.categories.length : frame.series.length }, (_, index) => frame.colors[index % frame.colors.length]!),
    showLegend: round || frame.series.length > 1,
    legendPos: 'b',
    legendFontFace: text.fontFace,
    legendFontSize: text.fontSize,
    legendColor: text.color,
    catAxisLabelFontFace: text.fontFace,
    catAxisLabelFontSize: text.fontSize,
    catAxisLabelColor: text.color,
    valAxisLabelFontFace: text.fontFace,
    valAxisLabelFontSize: text.fontSize,
    valAxisLabelColor: text.color,
    // Values are labelled as the source wrote them, decimals kept.
    ...(round ? {} : { dataLabelFormatCode: valueFormat(frame.decimals), valAxisLabelFormatCode: valueFormat(frame.decimals) }),
    dataLabelFontFace: text.fontFace,
    dataLabelFontSize: text.fontSize,
    dataLabelColor: frame.labelColor,
    showValue: labelled,
    showPercent: round,
    // Percentages outside the pie, on the slide's background, where they read in any theme.
    ...(frame.chart === 'pie' ? { dataLabelPosition: 'outEnd' as const } : {}),
    // Labelled bars need no value axis and no gridlines; a line chart keeps light ones to read by.
    valAxisHidden: labelled,
    valGridLine: labelled ? { style: 'none' as const } : { color: frame.gridColor, size: 0.5 },
    catGridLine: { style: 'none' as const },
    valAxisLineShow: false,
    catAxisLineColor: frame.gridColor,
    barDir: 'col',
  });
}

/**
 * Placed frames → a pptxgenjs package. Text frames are written as named, empty shapes:
 * their bodies are filled in afterwards (see `fill-text.ts`), because pptxgenjs cannot write
 * per-run language, hanging bullets or rich notes without producing invalid paragraph markup.
 */
export async function writeWithPptxgen(deck: PlacedDeck): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.defineLayout({ name: LAYOUT_NAME, width: deck.widthInches, height: deck.heightInches });
  pptx.layout = LAYOUT_NAME;
  // Each layout of the closed set is a named slide layout; its placeholders are added afterwards.
  for (const layout of deck.layouts) {
    pptx.defineSlideMaster({
      title: layout.name,
      background: backgroundProps(layout.background),
      objects: layout.decorations.map((frame) =>
        frame.kind === 'rect'
          ? { rect: { ...geometry(frame), fill: { color: frame.color }, line: { type: 'none' as const } } }
          : { image: { ...geometry(frame), path: frame.path, altText: withoutXmlIllegal(frame.alt) } },
      ),
    });
  }
  for (const placed of deck.slides) {
    // Every slide names its layout: pptxgenjs gives a slide without one its empty DEFAULT layout, which is removed.
    const layout = layoutOf(deck, placed);
    if (layout === undefined) throw new Error(`internal error: no slide layout for the layout "${placed.layout}"`);
    const slide = pptx.addSlide({ masterName: layout.name });
    // A slide paints only a background of its own: the layout's shows through, and follows the theme.
    if (placed.background.imagePath || placed.background.color !== layout.background.color) slide.background = backgroundProps(placed.background);
    for (const frame of placed.frames) {
      switch (frame.kind) {
        case 'rect':
          slide.addShape(pptx.ShapeType.rect, { ...geometry(frame), fill: { color: frame.color, ...(frame.transparency ? { transparency: frame.transparency } : {}) }, line: { type: 'none' } });
          break;
        case 'text':
          slide.addText('', { ...geometry(frame), ...(frame.outline ? { line: { color: frame.outline, width: 1, dashType: 'dash' as const } } : {}), ...(frame.fill ? { fill: { color: frame.fill } } : {}) });
          break;
        case 'image':
          slide.addImage({ ...geometry(frame), path: frame.path, altText: withoutXmlIllegal(frame.alt) });
          break;
        case 'table':
          addTable(slide, frame);
          break;
        case 'chart':
          addChart(pptx, slide, frame);
          break;
      }
    }
  }
  const output = await pptx.write({ outputType: 'uint8array', compression: false });
  return output as Uint8Array;
}
