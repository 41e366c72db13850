import type { FootnoteDefinition, Root } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.js';
import type { Footnote, Inline } from './schema.js';

/**
 * Footnotes are numbered in order of first reference across the deck; each slide shows the
 * text of the footnotes referenced on it.
 */
export class Footnotes {
  private readonly definitions = new Map<string, FootnoteDefinition>();
  private readonly numbers = new Map<string, number>();
  private onSlide: Footnote[] = [];

  constructor(tree: Root) {
    for (const node of tree.children) if (node.type === 'footnoteDefinition') this.definitions.set(node.identifier, node);
  }

  /** The number for a reference, recording the footnote for the slide being built. */
  reference(identifier: string, toRuns: (definition: FootnoteDefinition) => Inline[]): string {
    let number = this.numbers.get(identifier);
    if (number === undefined) this.numbers.set(identifier, (number = this.numbers.size + 1));
    const label = String(number);
    const definition = this.definitions.get(identifier);
    if (definition && !this.onSlide.some((note) => note.label === label)) this.onSlide.push({ label, runs: toRuns(definition) });
    return label;
  }

  has(identifier: string): boolean {
    return this.definitions.has(identifier);
  }

  /** The footnotes referenced since the last call. */
  takeSlideFootnotes(): Footnote[] {
    const taken = this.onSlide;
    this.onSlide = [];
    return taken;
  }

  reportUnreferenced(file: VFile): void {
    for (const [identifier, definition] of this.definitions) {
      if (!this.numbers.has(identifier)) report(file, 'unreferenced-footnote', `footnote [^${definition.label ?? identifier}] is never referenced, so it appears on no slide`, definition);
    }
  }
}
