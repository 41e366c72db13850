import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Plugin } from 'unified';
import { mdastToDeck, type OutlineOptions } from './outline/mdast-to-deck.js';
import type { Deck } from './outline/schema.js';

declare module 'unified' {
  interface CompileResultMap {
    Deck: Deck;
  }
}

/** A unified compiler: the tree becomes the deck outline (`file.result`). */
export const remarkDeck: Plugin<[(OutlineOptions | null | undefined)?], Root, Deck> = function (options) {
  const settings: OutlineOptions = options ?? {};
  this.compiler = (tree, file) => mdastToDeck(tree as Root, file, settings);
};

/** The one ordered plugin list: parse, front matter, GFM, directives, then the deck compiler. */
export function createProcessor(options?: OutlineOptions | null) {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkDirective)
    .use(remarkDeck, options);
}
