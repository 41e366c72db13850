import type { PlacedParagraph, PlacedRun, RunStyle, TextFrame } from '../layout/frames.js';
import { attributes, escapeXml, inchesToEmu } from './xml.js';

/** Gives the relationship id for a hyperlink target, adding the relationship on first use; `internal` for a jump to a slide of the deck. */
export type LinkIds = (url: string) => { id: string; internal: boolean } | undefined;

/** A stable id for the slide-number field: PowerPoint needs one, and a random one would break determinism. */
const SLIDE_NUMBER_FIELD_ID = '{5C1F4B1E-6D2A-4E43-9F57-2B7C3D8E9A10}';
const LINK_COLOR_FROM_RUN =
  '<a:extLst><a:ext uri="{A12FA001-AC4F-418D-AE19-62706E023703}"><ahyp:hlinkClr xmlns:ahyp="http://schemas.microsoft.com/office/drawing/2018/hyperlinkcolor" val="tx"/></a:ext></a:extLst>';

function runProperties(style: RunStyle, lang: string, link?: { id: string; internal: boolean }): string {
  const attrs = attributes({
    lang,
    sz: Math.round(style.sizePt * 100),
    b: style.bold ? 1 : undefined,
    i: style.italic ? 1 : undefined,
    u: style.underline ? 'sng' : undefined,
    strike: style.strike ? 'sngStrike' : undefined,
    cap: style.smallCaps ? 'small' : undefined,
    baseline: style.superscript ? 30000 : style.subscript ? -25000 : undefined,
    dirty: 0,
  });
  const face = escapeXml(style.font);
  const fonts = `<a:latin typeface="${face}"/><a:ea typeface="${face}"/><a:cs typeface="${face}"/>`;
  // PowerPoint colours links from the theme unless told to use the run's own colour.
  const action = link?.internal ? ' action="ppaction://hlinksldjump"' : '';
  const hyperlink = link ? `<a:hlinkClick r:id="${link.id}"${action}>${LINK_COLOR_FROM_RUN}</a:hlinkClick>` : '';
  return `<a:rPr${attrs}><a:solidFill><a:srgbClr val="${style.color}"/></a:solidFill>${fonts}${hyperlink}</a:rPr>`;
}

function runXml(run: PlacedRun, lang: string, linkIds: LinkIds, breakSizePt: number): string {
  switch (run.type) {
    case 'break':
      // Sized like the paragraph: a line of breaks alone would otherwise take the placeholder's size.
      return `<a:br><a:rPr${attributes({ lang, sz: Math.round(breakSizePt * 100), dirty: 0 })}/></a:br>`;
    case 'slide-number':
      return `<a:fld id="${SLIDE_NUMBER_FIELD_ID}" type="slidenum">${runProperties(run, lang)}<a:t>${escapeXml(run.text)}</a:t></a:fld>`;
    case 'text':
      return `<a:r>${runProperties(run, lang, run.href ? linkIds(run.href) : undefined)}<a:t>${escapeXml(run.text)}</a:t></a:r>`;
  }
}

function bulletXml(paragraph: PlacedParagraph): string {
  const { bullet } = paragraph;
  switch (bullet.type) {
    case 'none':
      return '<a:buNone/>';
    case 'char':
      return `<a:buClr><a:srgbClr val="${bullet.color}"/></a:buClr><a:buSzPct val="100000"/><a:buFont typeface="Arial"/><a:buChar char="${escapeXml(bullet.char)}"/>`;
    case 'number':
      // PowerPoint numbers from 1 to 32767 only.
      return `<a:buClr><a:srgbClr val="${bullet.color}"/></a:buClr><a:buSzPct val="100000"/><a:buAutoNum type="arabicPeriod" startAt="${Math.min(Math.max(bullet.startAt, 1), 32767)}"/>`;
  }
}

const ALIGN = { left: 'l', center: 'ctr', right: 'r' } as const;

function paragraphXml(paragraph: PlacedParagraph, lang: string, linkIds: LinkIds): string {
  const attrs = attributes({
    marL: inchesToEmu(paragraph.marginInches),
    indent: -inchesToEmu(paragraph.hangInches),
    lvl: paragraph.level > 0 ? Math.min(paragraph.level, 8) : undefined,
    algn: ALIGN[paragraph.align],
  });
  const spacing =
    `<a:lnSpc><a:spcPct val="${Math.round(paragraph.lineSpacing * 100000)}"/></a:lnSpc>` +
    `<a:spcBef><a:spcPts val="${Math.round(paragraph.spaceBeforePt * 100)}"/></a:spcBef>` +
    `<a:spcAft><a:spcPts val="${Math.round(paragraph.spaceAfterPt * 100)}"/></a:spcAft>`;
  const runs = paragraph.runs.map((run) => runXml(run, lang, linkIds, paragraph.endSizePt)).join('');
  const end = `<a:endParaRPr${attributes({ lang, sz: Math.round(paragraph.endSizePt * 100), dirty: 0 })}/>`;
  return `<a:p><a:pPr${attrs}>${spacing}${bulletXml(paragraph)}</a:pPr>${runs}${end}</a:p>`;
}

/** The paragraphs of a text body; an empty body still needs one paragraph to be valid. */
export function paragraphsXml(paragraphs: readonly PlacedParagraph[], lang: string, linkIds: LinkIds): string {
  if (paragraphs.length === 0) return `<a:p><a:endParaRPr${attributes({ lang, dirty: 0 })}/></a:p>`;
  return paragraphs.map((paragraph) => paragraphXml(paragraph, lang, linkIds)).join('');
}

const ANCHOR = { top: 't', middle: 'ctr', bottom: 'b' } as const;

/**
 * A whole `<p:txBody>`. The box is sized by layout, so autofit is off: PowerPoint would apply
 * `normAutofit` only after someone edits the text, and LibreOffice not at all.
 */
export function textBodyXml(frame: TextFrame, lang: string, linkIds: LinkIds): string {
  const inset = inchesToEmu(frame.insetInches);
  const body = `<a:bodyPr${attributes({ wrap: 'square', lIns: inset, tIns: inset, rIns: inset, bIns: inset, rtlCol: 0, anchor: ANCHOR[frame.anchor] })}><a:noAutofit/></a:bodyPr>`;
  return `<p:txBody>${body}<a:lstStyle/>${paragraphsXml(frame.paragraphs, lang, linkIds)}</p:txBody>`;
}

/** A body whose frame is given elsewhere: the notes placeholder (`p:txBody`) or a table cell (`a:txBody`). */
export function plainBodyXml(tag: 'p:txBody' | 'a:txBody', paragraphs: readonly PlacedParagraph[], lang: string, linkIds: LinkIds): string {
  return `<${tag}><a:bodyPr/><a:lstStyle/>${paragraphsXml(paragraphs, lang, linkIds)}</${tag}>`;
}
