import type { ChartFrame, PlacedDeck } from '../layout/frames.js';
import { all, children, first } from './dom.js';
import type { OpcPackage } from './opc-package.js';
import { relationships, relsPartOf, renameParts, resolveTarget } from './relationships.js';

const CHART = /^ppt\/charts\/chart(\d+)\.xml$/;
const WORKBOOK = /^(ppt\/embeddings\/Microsoft_Excel_Worksheet)(\d+)(\.xlsx)$/;

/**
 * pptxgenjs numbers charts with a counter that lives as long as the process, so a second deck
 * built by the same program would get chart7.xml where the first got chart1.xml, and empty
 * leftovers. Charts and their workbooks are numbered from 1 in every deck, and leftovers go.
 */
export function numberCharts(opc: OpcPackage): void {
  for (const name of opc.names()) {
    if (CHART.test(name) && opc.bytes(name).length === 0) {
      opc.delete(name);
      if (opc.has(relsPartOf(name))) opc.delete(relsPartOf(name));
    }
  }
  const charts = opc
    .names()
    .filter((name) => CHART.test(name))
    .sort((a, b) => Number(a.match(CHART)![1]) - Number(b.match(CHART)![1]));
  const renames = new Map<string, string>();
  charts.forEach((chart, index) => {
    renames.set(chart, `ppt/charts/chart${index + 1}.xml`);
    for (const { target, external } of relationships(opc, chart)) {
      const workbook = resolveTarget(chart, target);
      if (!external && WORKBOOK.test(workbook)) renames.set(workbook, workbook.replace(WORKBOOK, (_match, head: string, _number: string, tail: string) => `${head}${index + 1}${tail}`));
    }
  });
  renameParts(opc, new Map([...renames].filter(([from, to]) => from !== to)));
}

/** Chart types drawn on two axes: the schema allows them exactly two axis ids. */
const TWO_AXES = ['c:barChart', 'c:lineChart'] as const;

/**
 * pptxgenjs gives flat bar and line charts a third (series) axis id, which only 3-D charts may
 * have; line charts no grouping, which the schema requires first, on their series an
 * `invertIfNegative`, which only bars have, and the marker after the labels, where it goes before them.
 */
export function flatChartsBySchema(opc: OpcPackage): void {
  for (const name of opc.names().filter((part) => CHART.test(part))) {
    const document = opc.xml(name);
    for (const chart of TWO_AXES.flatMap((tag) => all(document, tag))) {
      for (const extra of children(chart, 'c:axId').slice(2)) chart.removeChild(extra);
    }
    for (const line of all(document, 'c:lineChart').filter((chart) => children(chart, 'c:grouping').length === 0)) {
      const grouping = document.createElementNS(line.namespaceURI, 'c:grouping');
      grouping.setAttribute('val', 'standard');
      line.insertBefore(grouping, line.firstChild);
    }
    for (const series of all(document, 'c:lineChart').flatMap((line) => children(line, 'c:ser'))) {
      for (const invert of children(series, 'c:invertIfNegative')) series.removeChild(invert);
      const [marker] = children(series, 'c:marker');
      const before = [...children(series, 'c:dPt'), ...children(series, 'c:dLbls')][0];
      if (marker && before) series.insertBefore(marker, before);
    }
  }
}

/**
 * A doughnut's value labels sit on its slices, and no one colour reads on all of them: each label
 * takes the colour chosen for its own slice. Charts are numbered in deck order (see `numberCharts`).
 */
export function colourSliceLabels(opc: OpcPackage, deck: PlacedDeck): void {
  const charts = deck.slides.flatMap((slide) => slide.frames).filter((frame): frame is ChartFrame => frame.kind === 'chart');
  charts.forEach((frame, index) => {
    const part = `ppt/charts/chart${index + 1}.xml`;
    if (!frame.sliceLabelColors || !opc.has(part)) return;
    for (const label of all(opc.xml(part), 'c:dLbl')) {
      const slice = Number(first(label, 'c:idx')?.getAttribute('val'));
      const colour = frame.sliceLabelColors[slice];
      if (colour) for (const fill of all(label, 'a:srgbClr')) fill.setAttribute('val', colour);
    }
  });
}
