import { readPart, writePart, type Parts } from './fill-text.js';

const CHART = /^ppt\/charts\/chart(\d+)\.xml$/;
const WORKBOOK = /Microsoft_Excel_Worksheet(\d+)\.xlsx/;

/**
 * pptxgenjs numbers charts with a counter that lives as long as the process, so a second deck
 * built by the same program would get chart7.xml where the first got chart1.xml, and empty
 * leftovers. Charts and their workbooks are numbered from 1 in every deck, and leftovers go.
 */
export function renumberCharts(parts: Parts): void {
  for (const name of Object.keys(parts)) {
    if ((CHART.test(name) || name.startsWith('ppt/charts/_rels/')) && parts[name]!.length === 0) delete parts[name];
  }
  const charts = Object.keys(parts)
    .map((name) => Number(name.match(CHART)?.[1]))
    .filter((number) => !Number.isNaN(number))
    .sort((a, b) => a - b);
  const chartNumbers = new Map(charts.map((old, index) => [old, index + 1]));
  const workbookNumbers = new Map<number, number>();
  for (const [old, fresh] of chartNumbers) {
    const rels = parts[`ppt/charts/_rels/chart${old}.xml.rels`];
    const workbook = rels ? readPart(parts, `ppt/charts/_rels/chart${old}.xml.rels`).match(WORKBOOK)?.[1] : undefined;
    if (workbook) workbookNumbers.set(Number(workbook), fresh);
  }
  const rename = (name: string) =>
    name
      .replace(/(charts\/(?:_rels\/)?chart)(\d+)(\.xml)/, (match, head: string, number: string, tail: string) => `${head}${chartNumbers.get(Number(number)) ?? number}${tail}`)
      .replace(WORKBOOK, (match, number: string) => `Microsoft_Excel_Worksheet${workbookNumbers.get(Number(number)) ?? number}.xlsx`);
  const renamed: Parts = {};
  for (const [name, data] of Object.entries(parts)) renamed[rename(name)] = data;
  for (const name of Object.keys(parts)) delete parts[name];
  for (const [name, data] of Object.entries(renamed)) {
    parts[name] = data;
    if (!/\.(xml|rels)$/.test(name)) continue;
    const xml = readPart(parts, name);
    const updated = xml
      .replace(/charts\/chart(\d+)\.xml/g, (match, number: string) => `charts/chart${chartNumbers.get(Number(number)) ?? number}.xml`)
      .replace(new RegExp(WORKBOOK.source, 'g'), (match, number: string) => `Microsoft_Excel_Worksheet${workbookNumbers.get(Number(number)) ?? number}.xlsx`);
    if (updated !== xml) writePart(parts, name, updated);
  }
}
