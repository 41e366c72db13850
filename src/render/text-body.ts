import type { ParagraphLook, PlacedParagraph, PlacedRun, RunStyle, TextFrame } from '../layout/frames.js';
import type { SchemeRefs } from './scheme-refs.js';
import { isRightToLeft } from './direction.js';
import { attributes, escapeText, escapeXml, inchesToEmu } from './xml.js';

/** Gives the relationship id for a hyperlink target, adding the relationship on first use; `internal` for a jump to a slide of the deck. */
export type LinkIds = (url: string) => { id: string; internal: boolean } | undefined;

/** What writing a text body needs besides its paragraphs. */
export interface TextWriting {
  lang: string;
  linkIds: LinkIds;
  scheme: SchemeRefs;
  /** The style a placeholder gives its text: runs leave out what they share with it. */
  inherited?: RunStyle | undefined;
  /** The looks a placeholder gives its list levels: paragraphs leave out what they share with theirs. */
  levels?: readonly ParagraphLook[] | undefined;
  /** A title: it follows the theme's heading font where heading and body faces are the same. */
  heading?: boolean | undefined;
}

/** A stable id for the slide-number field: PowerPoint needs one, and a random one would break determinism. */
const SLIDE_NUMBER_FIELD_ID = '{5C1F4B1E-6D2A-4E43-9F57-2B7C3D8E9A10}';

/** The slide-number field: its run properties, and the text it shows until a viewer numbers it. */
export function slideNumberField(runProperties: string, shown: string): string {
  return `<a:fld id="${SLIDE_NUMBER_FIELD_ID}" type="slidenum">${runProperties}<a:t>${escapeText(shown)}</a:t></a:fld>`;
}
const LINK_COLOR_FROM_RUN =
  '<a:extLst><a:ext uri="{A12FA001-AC4F-418D-AE19-62706E023703}"><ahyp:hlinkClr xmlns:ahyp="http://schemas.microsoft.com/office/drawing/2018/hyperlinkcolor" val="tx"/></a:ext></a:extLst>';

function runProperties(style: RunStyle, writing: TextWriting, link?: { id: string; internal: boolean }): string {
  const { inherited, scheme } = writing;
  const differs = <K extends keyof RunStyle>(key: K) => !inherited || inherited[key] !== style[key];
  const attrs = attributes({
    lang: writing.lang,
    sz: differs('sizePt') ? Math.round(style.sizePt * 100) : undefined,
    b: differs('bold') ? (style.bold ? 1 : inherited ? 0 : undefined) : undefined,
    i: style.italic ? 1 : undefined,
    u: style.underline ? 'sng' : undefined,
    strike: style.strike ? 'sngStrike' : undefined,
    cap: style.smallCaps ? 'small' : undefined,
    baseline: style.superscript ? 30000 : style.subscript ? -25000 : undefined,
  });
  const fill = differs('color') ? `<a:solidFill>${scheme.color(style.color)}</a:solidFill>` : '';
  const fonts = differs('font') ? scheme.fonts(style.font, writing.heading === true) : '';
  // PowerPoint colours links from the theme unless told to use the run's own colour; a run in the theme's link colour need not tell it.
  const action = link?.internal ? ' action="ppaction://hlinksldjump"' : '';
  const click = link && `<a:hlinkClick r:id="${link.id}"${action}`;
  const hyperlink = !click ? '' : scheme.isLinkColor(style.color) ? `${click}/>` : `${click}>${LINK_COLOR_FROM_RUN}</a:hlinkClick>`;
  const content = `${fill}${fonts}${hyperlink}`;
  return content ? `<a:rPr${attrs}>${content}</a:rPr>` : `<a:rPr${attrs}/>`;
}

/** `breakSize`, in hundredths of a point, is the paragraph's where it is not its level's. */
function runXml(run: PlacedRun, writing: TextWriting, breakSize: number | undefined): string {
  switch (run.type) {
    case 'break':
      // Sized like the paragraph: a line of breaks alone would otherwise take the placeholder's size.
      return `<a:br><a:rPr${attributes({ lang: writing.lang, sz: breakSize })}/></a:br>`;
    case 'slide-number':
      return slideNumberField(runProperties(run, writing), run.text);
    case 'text':
      return `<a:r>${runProperties(run, writing, run.href ? writing.linkIds(run.href) : undefined)}<a:t>${escapeText(run.text)}</a:t></a:r>`;
  }
}

/**
 * A bullet as the schema's four groups, in order: its colour, its size, its font and what it is.
 * Each is inherited on its own, so a paragraph writes only those its level does not give it.
 */
function bulletXml(bullet: PlacedParagraph['bullet'], scheme: SchemeRefs): [string, string, string, string] {
  switch (bullet.type) {
    case 'none':
      return ['', '', '', '<a:buNone/>'];
    case 'char':
      return [`<a:buClr>${scheme.color(bullet.color)}</a:buClr>`, '<a:buSzPct val="100000"/>', `<a:buFont typeface="${escapeXml(bullet.font ?? 'Arial')}"/>`, `<a:buChar char="${escapeXml(bullet.char)}"/>`];
    case 'number':
      // PowerPoint numbers from 1 to 32767 only.
      // Numbers are set in the text's font, whatever font a placeholder's level gives its bullets.
      return [`<a:buClr>${scheme.color(bullet.color)}</a:buClr>`, '<a:buSzPct val="100000"/>', '<a:buFontTx/>', `<a:buAutoNum type="arabicPeriod" startAt="${Math.min(Math.max(bullet.startAt, 1), 32767)}"/>`];
  }
}

const ALIGN = { left: 'l', center: 'ctr', right: 'r' } as const;

/** The schema's range of a paragraph's margin and indent (ST_TextMargin, ST_TextIndent): 4,032 points. */
const MOST_EMU = 51206400;
const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/**
 * Paragraph properties (`a:pPr`, or a list level's `a:lvl1pPr` with `inner` its run defaults):
 * what `inherited`, the placeholder's look for the level, has alike is left out.
 */
export function paragraphPropertiesXml(tag: string, look: ParagraphLook, scheme: SchemeRefs, options: { level?: number; rtl?: boolean; inherited?: ParagraphLook | undefined; inner?: string } = {}): string {
  const { level = 0, rtl = false, inherited, inner = '' } = options;
  const attributesOf = (of: ParagraphLook, rightToLeft: boolean) => ({
    // Lists nested as deep as the depth limit allows can indent past the schema's range.
    marL: clamp(inchesToEmu(of.marginInches), 0, MOST_EMU),
    indent: clamp(-inchesToEmu(of.hangInches), -MOST_EMU, MOST_EMU),
    // Right-to-left text starts at the right: a paragraph set to the start edge is set to the right.
    algn: rightToLeft && of.align === 'left' ? ALIGN.right : ALIGN[of.align],
  });
  const contentOf = (of: ParagraphLook) => [
    `<a:lnSpc><a:spcPct val="${Math.round(of.lineSpacing * 100000)}"/></a:lnSpc>`,
    `<a:spcBef><a:spcPts val="${Math.round(of.spaceBeforePt * 100)}"/></a:spcBef>`,
    `<a:spcAft><a:spcPts val="${Math.round(of.spaceAfterPt * 100)}"/></a:spcAft>`,
    ...bulletXml(of.bullet, scheme),
  ];
  const own = attributesOf(look, rtl);
  const theirs = inherited && attributesOf(inherited, false);
  const attrs = attributes({
    marL: own.marL === theirs?.marL ? undefined : own.marL,
    indent: own.indent === theirs?.indent ? undefined : own.indent,
    lvl: level > 0 ? level : undefined,
    algn: own.algn === theirs?.algn ? undefined : own.algn,
    rtl: rtl ? 1 : undefined,
  });
  const theirContent = inherited && contentOf(inherited);
  const content = contentOf(look).filter((element, index) => element !== theirContent?.[index]).join('') + inner;
  if (inherited && !attrs && !content) return '';
  return content ? `<${tag}${attrs}>${content}</${tag}>` : `<${tag}${attrs}/>`;
}

function paragraphXml(paragraph: PlacedParagraph, writing: TextWriting): string {
  const rtl = isRightToLeft(paragraph.runs.map((run) => (run.type === 'break' ? '\n' : run.text)).join(''));
  const level = Math.min(paragraph.level, 8);
  const inherited = writing.levels?.[level];
  // Past the levels a placeholder styles, its text would take the master's: it is written in full.
  const runWriting = writing.levels && !inherited ? { ...writing, inherited: undefined } : writing;
  const properties = paragraphPropertiesXml('a:pPr', paragraph, writing.scheme, { level, rtl, inherited });
  const size = Math.round(paragraph.endSizePt * 100);
  // The paragraph's end and breaks take its size from the level only where deckdown wrote the level: a template's levels size their own.
  const levelSize = inherited && writing.inherited ? Math.round(writing.inherited.sizePt * 100) : undefined;
  const endSize = levelSize === size ? undefined : size;
  const runs = paragraph.runs.map((run) => runXml(run, runWriting, endSize)).join('');
  // The end of a paragraph with text, at the level's size, says nothing its runs do not: text
  // typed there takes the last run's properties. An empty paragraph's end is its only run.
  const end = endSize === undefined && paragraph.runs.some((run) => run.type !== 'break') ? '' : `<a:endParaRPr${attributes({ lang: writing.lang, sz: endSize })}/>`;
  return `<a:p>${properties}${runs}${end}</a:p>`;
}

/** The paragraphs of a text body; an empty body still needs one paragraph to be valid. */
function paragraphsXml(paragraphs: readonly PlacedParagraph[], writing: TextWriting): string {
  if (paragraphs.length === 0) return `<a:p><a:endParaRPr${attributes({ lang: writing.lang })}/></a:p>`;
  return paragraphs.map((paragraph) => paragraphXml(paragraph, writing)).join('');
}

const ANCHOR = { top: 't', middle: 'ctr', bottom: 'b' } as const;

/** Where a text body's frame sets its text: how far in, and to which edge. */
export type BodyLook = Pick<TextFrame, 'anchor' | 'insetInches'>;

/**
 * What a text body inherits its frame's settings from: the look of one of deckdown's own
 * placeholders; `'defaults'`, the schema's and nothing else, for a free shape or a placeholder
 * of deckdown's own layouts, whose master has none; or, left out, a template's placeholder,
 * which may set anything.
 */
export type BodyInheritance = BodyLook | 'defaults' | undefined;

/**
 * A frame's `<a:bodyPr>`, leaving out what it inherits alike. Text wraps in its box and its
 * columns run left to right where nothing says otherwise (ECMA-376 21.1.2.1.1). The box is sized
 * by layout, so autofit is off: PowerPoint would apply `normAutofit` only after someone edits
 * the text, and LibreOffice not at all. A placeholder says so for its frames.
 */
export function bodyPropertiesXml(look: BodyLook, inherited?: BodyInheritance): string {
  const valuesOf = (of: BodyLook) => {
    const inset = inchesToEmu(of.insetInches);
    return { wrap: 'square', lIns: inset, tIns: inset, rIns: inset, bIns: inset, rtlCol: 0, anchor: ANCHOR[of.anchor] };
  };
  const own: Record<string, string | number | undefined> = valuesOf(look);
  if (inherited === undefined || inherited === 'defaults') return `<a:bodyPr${attributes(inherited ? { ...own, wrap: undefined, rtlCol: undefined } : own)}><a:noAutofit/></a:bodyPr>`;
  const theirs: Record<string, string | number> = valuesOf(inherited);
  return `<a:bodyPr${attributes(Object.fromEntries(Object.entries(own).map(([name, value]) => [name, value === theirs[name] ? undefined : value])))}/>`;
}

/** A whole `<p:txBody>` of a frame; one that stands in a placeholder (`inherited`) takes what it shares with it from there. */
export function textBodyXml(frame: TextFrame, writing: TextWriting, inherited?: BodyInheritance): string {
  return `<p:txBody>${bodyPropertiesXml(frame, inherited)}${paragraphsXml(frame.paragraphs, writing)}</p:txBody>`;
}

/** A body whose frame is given elsewhere: the notes placeholder (`p:txBody`) or a table cell (`a:txBody`). */
export function plainBodyXml(tag: 'p:txBody' | 'a:txBody', paragraphs: readonly PlacedParagraph[], writing: TextWriting): string {
  return `<${tag}><a:bodyPr/>${paragraphsXml(paragraphs, writing)}</${tag}>`;
}
