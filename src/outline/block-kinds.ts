import type { Block } from './schema.js';

/** The blocks that flow as paragraphs of text; the others (pictures, tables, charts, figures, columns) are frames of their own. */
export function isTextBlock(block: Block): boolean {
  return block.type === 'paragraph' || block.type === 'subheading' || block.type === 'list' || block.type === 'code' || block.type === 'quote';
}
