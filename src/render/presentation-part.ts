import { children, required } from './dom.js';
import type { OpcPackage } from './opc-package.js';

const PRESENTATION = 'ppt/presentation.xml';

/** The children of `<p:presentation>` in the order the schema requires (CT_Presentation). */
const ORDER = [
  'sldMasterIdLst', 'notesMasterIdLst', 'handoutMasterIdLst', 'sldIdLst', 'sldSz', 'notesSz', 'smartTags', 'embeddedFontLst',
  'custShowLst', 'photoAlbum', 'custDataLst', 'kinsoku', 'defaultTextStyle', 'modifyVerifier', 'extLst',
];

/** pptxgenjs writes the notes master list after the slide list, where the schema does not allow it. */
export function orderPresentation(opc: OpcPackage): void {
  const presentation = required(opc.xml(PRESENTATION), 'p:presentation', PRESENTATION);
  const elements = ORDER.flatMap((local) => children(presentation, `p:${local}`));
  const unknown = Array.from(presentation.childNodes).filter((node) => node.nodeType === node.ELEMENT_NODE && !elements.includes(node as never));
  if (unknown.length > 0) throw new Error(`internal error: ${PRESENTATION} has an element the schema does not list`);
  for (const element of elements) presentation.appendChild(element);
}
