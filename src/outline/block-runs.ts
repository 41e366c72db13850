import type { Block, Inline } from './schema.js';

/** Every list of runs in a block, however deeply nested: for the passes that read or rewrite text. */
export function blockRuns(block: Block): Inline[][] {
  switch (block.type) {
    case 'paragraph':
    case 'subheading':
      return [block.runs];
    case 'list':
      return block.items.flatMap((item) => item.blocks.flatMap(blockRuns));
    case 'quote':
      return [...block.blocks.flatMap(blockRuns), ...(block.attribution ? [block.attribution] : [])];
    case 'columns':
      return block.columns.flatMap((column) => column.blocks.flatMap(blockRuns));
    case 'table':
      return [...block.header, ...block.rows.flat()];
    case 'stat':
      return [block.caption];
    default:
      return [];
  }
}
