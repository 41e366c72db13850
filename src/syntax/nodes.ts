import type { Literal, Node, Parent, PhrasingContent } from 'mdast';
// Math nodes (`inlineMath`, `math`) join mdast's vocabulary with remark-math.
import type {} from 'mdast-util-math';

/**
 * The nodes other tools' syntax is read into, so the outline stage meets one vocabulary
 * whichever tool a deck was written for.
 */

/** An HTML comment: a speaker note (Marp's rule), or a directive to another tool. */
export interface Comment extends Literal {
  type: 'comment';
  /** `<!-- _class: lead -->`, `<!-- fit -->`, `<!-- md2pptx: … -->`: meant for another tool, not for people. */
  directive: boolean;
}

export const TEXT_STYLES = ['superscript', 'subscript', 'underline', 'smallCaps', 'code'] as const;
export type TextStyle = (typeof TEXT_STYLES)[number];

/** Formatting that Markdown has no node for: `^sup^`, `~sub~`, `<u>`, `[text]{.smallcaps}`. */
export interface Styled extends Parent {
  type: 'styled';
  style: TextStyle;
  children: PhrasingContent[];
}

/** Settings for the slide it stands on: Slidev's per-slide front matter, Marp's `![bg](…)`. */
export interface SlideSettings extends Node {
  type: 'slideSettings';
  layout?: string | undefined;
  background?: string | undefined;
  /** What the background picture shows (Marp's `![bg A steppe at dusk](…)`). */
  backgroundAlt?: string | undefined;
  /** Marp's `bg contain` and `bg fit`: the picture is seen whole. */
  backgroundFit?: 'contain' | undefined;
  /** A picture the layout shows beside the content (Slidev's `image:`). */
  image?: string | undefined;
  /** Written as a slide's own front matter, which only Slidev decks have. */
  frontMatter?: boolean | undefined;
  /** Slidev's `hide: true` or `disabled: true`. */
  hidden?: boolean | undefined;
}

/** remark.js's `???`: the rest of the slide is speaker notes. */
export interface NotesMark extends Node {
  type: 'notesMark';
}

/** Slidev's `::right::` slot marker: the content after it goes into the next column. */
export interface ColumnBreak extends Node {
  type: 'columnBreak';
  /** The slot it opens: `right`, `left`, `default`. */
  slot: string;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    comment: Comment;
    styled: Styled;
  }
  interface BlockContentMap {
    comment: Comment;
    slideSettings: SlideSettings;
    columnBreak: ColumnBreak;
    notesMark: NotesMark;
  }
  interface RootContentMap {
    comment: Comment;
    styled: Styled;
    slideSettings: SlideSettings;
    columnBreak: ColumnBreak;
    notesMark: NotesMark;
  }
  interface RootData {
    /** The tool a deck was written for, when its syntax shows it (remark.js's `???`, `.class[`). */
    peerTool?: 'remark' | undefined;
  }
  interface HeadingData {
    id?: string | undefined;
    classes?: string[] | undefined;
    attributes?: Record<string, string> | undefined;
  }
  interface ImageData {
    widthPercent?: number | undefined;
  }
}
