import { mathFromMarkdown } from 'mdast-util-math';
import { math } from 'micromark-extension-math';
import type { Processor } from 'unified';

/**
 * TeX math as pandoc reads it: `$…$` and `$$…$$` are both inline, wherever they stand. Only
 * micromark's inline math is used: its block form would take a `$$ x $$` line as the opening of a
 * block and read the rest of the document into it.
 */
export function remarkTextMath(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push({ text: math().text! });
  (data.fromMarkdownExtensions ??= []).push(mathFromMarkdown());
}
