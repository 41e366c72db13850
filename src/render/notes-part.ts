import type { PlacedDeck } from '../layout/frames.js';
import { all, children, first, NS, replaceWith, required } from './dom.js';
import type { OpcPackage } from './opc-package.js';
import { levelsXml } from './placeholders.js';
import { schemeRefs } from './scheme-refs.js';
import { slideNumberField } from './text-body.js';
import { attributes, XML_DECLARATION } from './xml.js';

const NOTES_MASTER = 'ppt/notesMasters/notesMaster1.xml';

/**
 * The notes master's first level takes the deck's notes style, so that notes pages leave out
 * what they share with it: in the notes style, where PowerPoint looks, and in the list style of
 * the master's notes placeholder, the one LibreOffice reads. Deeper levels keep the master's
 * own; notes written there are set in full.
 */
export function notesMasterStyle(opc: OpcPackage, deck: PlacedDeck): void {
  const master = opc.xml(NOTES_MASTER);
  const level = levelsXml(deck.notes, deck.lang, schemeRefs(deck.scheme, deck.template === undefined), false);
  const [firstLevel] = children(required(master, 'p:notesStyle', NOTES_MASTER), 'a:lvl1pPr');
  if (!firstLevel) throw new Error(`internal error: ${NOTES_MASTER} has no first level in its notes style`);
  replaceWith(firstLevel, level);
  const notes = all(master, 'p:sp').find((shape) => first(shape, 'p:ph')?.getAttribute('type') === 'body');
  if (!notes) throw new Error(`internal error: ${NOTES_MASTER} has no notes placeholder`);
  replaceWith(required(notes, 'a:lstStyle', NOTES_MASTER), `<a:lstStyle>${level}</a:lstStyle>`);
}

/** A placeholder shape of the notes page, empty unless it has a body. */
function placeholder(id: number, name: string, ph: string, locks: string, body = ''): string {
  return `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name}"/><p:cNvSpPr><a:spLocks${locks}/></p:cNvSpPr><p:nvPr>${ph}</p:nvPr></p:nvSpPr><p:spPr/>${body}</p:sp>`;
}

/**
 * A slide's notes page, written whole: the slide's picture, the notes (`body`, a `<p:txBody>`)
 * and the page number, each a placeholder of the notes master, whose positions and styles it
 * takes. pptxgenjs's notes page would be parsed and written again only to have its body replaced.
 */
export function notesPageXml(body: string, slideNumber: number, lang: string): string {
  const number = `<p:txBody><a:bodyPr/><a:p>${slideNumberField(`<a:rPr${attributes({ lang })}/>`, String(slideNumber))}<a:endParaRPr${attributes({ lang })}/></a:p></p:txBody>`;
  return (
    XML_DECLARATION +
    `<p:notes xmlns:a="${NS.a}" xmlns:r="${NS.r}" xmlns:p="${NS.p}"><p:cSld><p:spTree>` +
    '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>' +
    '<p:grpSpPr/>' +
    placeholder(2, 'Slide Image Placeholder 1', '<p:ph type="sldImg"/>', ' noGrp="1" noRot="1" noChangeAspect="1"') +
    placeholder(3, 'Notes Placeholder 2', '<p:ph type="body" idx="1"/>', ' noGrp="1"', body) +
    placeholder(4, 'Slide Number Placeholder 3', '<p:ph type="sldNum" sz="quarter" idx="10"/>', ' noGrp="1"', number) +
    '</p:spTree></p:cSld></p:notes>'
  );
}
