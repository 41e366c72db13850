import { NS } from './dom.js';
import { slideNumberField } from './text-body.js';
import { attributes } from './xml.js';

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
  const number = `<p:txBody><a:bodyPr/><a:lstStyle/><a:p>${slideNumberField(`<a:rPr${attributes({ lang })}/>`, String(slideNumber))}<a:endParaRPr${attributes({ lang })}/></a:p></p:txBody>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<p:notes xmlns:a="${NS.a}" xmlns:r="${NS.r}" xmlns:p="${NS.p}"><p:cSld><p:spTree>` +
    '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>' +
    '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>' +
    placeholder(2, 'Slide Image Placeholder 1', '<p:ph type="sldImg"/>', ' noGrp="1" noRot="1" noChangeAspect="1"') +
    placeholder(3, 'Notes Placeholder 2', '<p:ph type="body" idx="1"/>', ' noGrp="1"', body) +
    placeholder(4, 'Slide Number Placeholder 3', '<p:ph type="sldNum" sz="quarter" idx="10"/>', ' noGrp="1"', number) +
    '</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>'
  );
}
