import type { FootnoteDefinition, PhrasingContent, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * pandoc's inline notes, `text^[the note's own text]`: the note becomes a footnote like
 * `[^1]`, numbered with the others. CommonMark reads the brackets as text, so the note is found
 * in a run of siblings: from a text with `^[` to the text with the `]` that closes it, brackets
 * in between counted, formatting in between kept.
 */

/** Identifiers no Markdown label gives: a private-use character first. */
const NOTE_ID = (number: number) => `\u{E000}inline-note-${number}`;
/** Notes inside notes are read this deep; deeper, their brackets stay text. */
const MOST_NESTED = 8;

/** A place in a run of siblings: a text sibling, and an offset in its value. */
interface Mark {
  at: number;
  offset: number;
}

const before = (a: Mark, b: Mark) => a.at < b.at || (a.at === b.at && a.offset < b.offset);

/**
 * The outermost inline notes among siblings, in order: brackets are matched over their texts in
 * one pass, and a matched `[` right after a `^` opens a note.
 */
function outermostNotes(children: readonly PhrasingContent[]): { open: Mark; close: Mark }[] {
  const open: { mark: Mark; note: boolean }[] = [];
  const notes: { open: Mark; close: Mark }[] = [];
  children.forEach((child, at) => {
    if (child.type !== 'text') return;
    const { value } = child;
    for (let offset = 0; offset < value.length; offset++) {
      if (value[offset] === '[') open.push({ mark: { at, offset }, note: value[offset - 1] === '^' });
      else if (value[offset] === ']') {
        const opened = open.pop();
        if (opened?.note) notes.push({ open: opened.mark, close: { at, offset } });
      }
    }
  });
  notes.sort((a, b) => (before(a.open, b.open) ? -1 : 1));
  const outermost: typeof notes = [];
  for (const note of notes) if (outermost.length === 0 || before(outermost.at(-1)!.close, note.open)) outermost.push(note);
  return outermost;
}

/** The siblings from one mark to another, texts cut at the marks. */
function between(children: readonly PhrasingContent[], from: Mark, to: Mark): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (let at = from.at; at <= to.at && at < children.length; at++) {
    const child = children[at]!;
    if (child.type !== 'text') {
      if (at < to.at) out.push(child);
      continue;
    }
    const value = child.value.slice(at === from.at ? from.offset : 0, at === to.at ? to.offset : undefined);
    // A whole text keeps its place in the source; a cut one has none of its own.
    if (value) out.push(value === child.value ? child : { type: 'text', value });
  }
  return out;
}

interface Note {
  definition: FootnoteDefinition;
  content: PhrasingContent[];
  level: number;
}

/** Siblings with their inline notes as references; each note is added to `notes`, its content read later. */
function withNotes(children: PhrasingContent[], notes: Note[], level: number): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let cursor: Mark = { at: 0, offset: 0 };
  const outside = (to: Mark) =>
    between(children, cursor, to).map((node) => ('children' in node ? ({ ...node, children: withNotes(node.children as PhrasingContent[], notes, level) } as PhrasingContent) : node));
  for (const { open, close } of level < MOST_NESTED ? outermostNotes(children) : []) {
    // The `^` before the bracket goes with it.
    out.push(...outside({ at: open.at, offset: open.offset - 1 }));
    const identifier = NOTE_ID(notes.length + 1);
    const definition: FootnoteDefinition = { type: 'footnoteDefinition', identifier, label: identifier, children: [] };
    notes.push({ definition, content: between(children, { at: open.at, offset: open.offset + 1 }, close), level: level + 1 });
    out.push({ type: 'footnoteReference', identifier, label: identifier });
    cursor = { at: close.at, offset: close.offset + 1 };
  }
  out.push(...outside({ at: children.length, offset: 0 }));
  return out;
}

/** Every inline note in the tree, as a footnote reference and a definition at the end of the document. */
export function inlineNotes(tree: Root, source: string): void {
  // A deck without `^[` has no note to look for, in any paragraph.
  if (!source.includes('^[')) return;
  const notes: Note[] = [];
  visit(tree, (node) => {
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return undefined;
    node.children = withNotes(node.children, notes, 0);
    return 'skip';
  });
  // A note's own notes are numbered after it, as pandoc numbers them; they are read in turn, not by recursion.
  for (let index = 0; index < notes.length; index++) {
    const note = notes[index]!;
    note.definition.children = [{ type: 'paragraph', children: withNotes(note.content, notes, note.level) }];
  }
  tree.children.push(...notes.map((note) => note.definition));
}
