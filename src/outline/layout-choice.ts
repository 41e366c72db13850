import { isTextBlock } from './block-kinds.js';
import type { Block, BodyLayout } from './schema.js';

const has = (body: readonly Block[], type: Block['type']) => body.some((block) => block.type === type);

/** The layout a slide's content calls for, one rule per row; the first match wins. */
export function chooseLayout(body: readonly Block[]): BodyLayout {
  if (has(body, 'stat')) return 'stat';
  if (has(body, 'chart')) return 'chart';
  if (has(body, 'columns')) return 'columns';
  if (has(body, 'quote')) return 'quote';
  if (has(body, 'image') && body.every((block) => block.type === 'image' || isTextBlock(block))) return 'image';
  return 'content';
}
