import type { FootnoteDefinition, Root } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.js';
import type { Footnote, Inline } from './schema.js';

/**
 * Footnotes are numbered in order of first reference across the deck; each slide shows the
 * text of the footnotes referenced on it. A reference only records its footnote: the texts are
 * read when the slide is finished, one after another, so a footnote that refers to itself, or a
 * chain of thousands that refer to the next, is read once each and never recursively.
 */
export class Footnotes {
  private readonly definitions = new Map<string, FootnoteDefinition>();
  private readonly numbers = new Map<string, number>();
  private onSlide = new Map<string, FootnoteDefinition>();

  constructor(tree: Root) {
    for (const node of tree.children) if (node.type === 'footnoteDefinition') this.definitions.set(node.identifier, node);
  }

  /** The number for a reference, recording the footnote for the slide being built. */
  reference(identifier: string): string {
    let number = this.numbers.get(identifier);
    if (number === undefined) this.numbers.set(identifier, (number = this.numbers.size + 1));
    const label = String(number);
    const definition = this.definitions.get(identifier);
    if (definition && !this.onSlide.has(label)) this.onSlide.set(label, definition);
    return label;
  }

  has(identifier: string): boolean {
    return this.definitions.has(identifier);
  }

  /**
   * The footnotes referenced since the last call, with their text. Reading a text may reference
   * further footnotes, which join the slide's list and are read in turn.
   */
  takeSlideFootnotes(toRuns: (definition: FootnoteDefinition) => Inline[]): Footnote[] {
    const taken: Footnote[] = [];
    // A Map is iterated in insertion order, entries added during the loop included.
    for (const [label, definition] of this.onSlide) taken.push({ label, runs: toRuns(definition) });
    this.onSlide = new Map();
    return taken;
  }

  reportUnreferenced(file: VFile): void {
    for (const [identifier, definition] of this.definitions) {
      if (!this.numbers.has(identifier)) report(file, 'unreferenced-footnote', `footnote [^${definition.label ?? identifier}] is never referenced, so it appears on no slide`, definition);
    }
  }
}
