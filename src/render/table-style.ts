import { createHash } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import type { PlacedDeck } from '../layout/frames.js';
import { all, children, insert, required } from './dom.js';
import type { OpcPackage } from './opc-package.js';
import { slidePart } from './part-names.js';
import { schemeRefs } from './scheme-refs.js';
import { escapeXml, XML_DECLARATION } from './xml.js';

const TABLE_STYLES = 'ppt/tableStyles.xml';
const SIDES = ['left', 'right', 'top', 'bottom', 'insideH', 'insideV'];

/**
 * A GUID that follows from the style's XML, so that the same style has the same id in every
 * deck, and a table pasted from one deck into another keeps its own look.
 */
function styleId(xml: string): string {
  const hex = createHash('sha1').update(xml).digest('hex').toUpperCase();
  // A name-based GUID (version 5, RFC 9562 variant), as GUIDs from a hash are written.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16).toUpperCase();
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}}`;
}

/**
 * The deck's table style, its id and what it holds below its name: the whole table's borders,
 * the header row's fill and bold text in its colour, and the stripes' fill. Colours name the
 * theme's slots on deckdown's own theme, whose part holds the deck's scheme; a template's theme
 * holds its own, so there they are values.
 */
function deckTableStyle(deck: PlacedDeck): { id: string; body: string } {
  const style = deck.tableStyle;
  const scheme = schemeRefs(deck.scheme);
  const color = (hex: string) => (deck.template === undefined ? scheme.color(hex) : `<a:srgbClr val="${hex}"/>`);
  const fill = (hex: string) => `<a:fill><a:solidFill>${color(hex)}</a:solidFill></a:fill>`;
  const line = `<a:ln w="${Math.round(style.borderPt * 12700)}"><a:solidFill>${color(style.border)}</a:solidFill></a:ln>`;
  const body =
    `<a:wholeTbl><a:tcStyle><a:tcBdr>${SIDES.map((side) => `<a:${side}>${line}</a:${side}>`).join('')}</a:tcBdr><a:fill><a:noFill/></a:fill></a:tcStyle></a:wholeTbl>` +
    // With a header row, the second, fourth, … rows of the body are the table's even bands.
    `<a:band2H><a:tcStyle><a:tcBdr/>${fill(style.stripe)}</a:tcStyle></a:band2H>` +
    // The header's text too, for a table inserted by hand: deckdown's own cells say it themselves.
    `<a:firstRow><a:tcTxStyle b="on">${color(style.headerText)}</a:tcTxStyle><a:tcStyle><a:tcBdr/>${fill(style.header)}</a:tcStyle></a:firstRow>`;
  return { id: styleId(body), body };
}

/**
 * The deck's tables draw their borders and fills from one table style, as PowerPoint's own
 * tables do: a designer restyles every table from the Table Design tab, and a table inserted
 * by hand takes the deck's look, since the style is the default one. The cells keep only their
 * margins.
 */
export function writeTableStyle(opc: OpcPackage, deck: PlacedDeck): void {
  const { id, body } = deckTableStyle(deck);
  opc.setText(
    TABLE_STYLES,
    `${XML_DECLARATION}<a:tblStyleLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" def="${id}"><a:tblStyle styleId="${id}" styleName="${escapeXml(deck.tableStyle.name)}">${body}</a:tblStyle></a:tblStyleLst>`,
  );
}

/** Each table of a slide takes the deck's style, with its header row and banded rows on; its cells' own "no line" borders would hide the style's, and go. */
export function styleTables(opc: OpcPackage, deck: PlacedDeck): (index: number) => void {
  const { id } = deckTableStyle(deck);
  return (index) => {
    const part = slidePart(index);
    for (const table of all(opc.xml(part), 'a:tbl')) {
      const properties = required(table, 'a:tblPr', part);
      properties.setAttribute('firstRow', '1');
      properties.setAttribute('bandRow', '1');
      for (const old of [...children(properties, 'a:tableStyleId'), ...children(properties, 'a:tableStyle')]) properties.removeChild(old);
      // The style's id comes last but for extensions, as the schema orders them.
      insert(properties, `<a:tableStyleId>${id}</a:tableStyleId>`, children(properties, 'a:extLst')[0]);
      for (const cell of all(table, 'a:tc')) {
        withoutText(cell);
        for (const cellProperties of children(cell, 'a:tcPr')) {
          for (const side of ['a:lnL', 'a:lnR', 'a:lnT', 'a:lnB'] as const) for (const line of children(cellProperties, side)) cellProperties.removeChild(line);
          withoutText(cellProperties);
        }
      }
    }
  };
}

/** pptxgenjs indents a cell's closing tags: space that means nothing between elements. */
function withoutText(element: Element): void {
  for (const node of Array.from(element.childNodes)) if (node.nodeType === node.TEXT_NODE) element.removeChild(node);
}
