import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Plugin } from 'unified';
import { mdastToDeck, type OutlineOptions } from './outline/mdast-to-deck.js';
import type { Deck } from './outline/schema.js';
import { remarkSourceRewrites } from './syntax/source-rewrites.js';
import { remarkPeerSyntax } from './syntax/remark-peer-syntax.js';
import { remarkTextMath } from './syntax/text-math.js';

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

/**
 * The one ordered plugin list: parse (after pandoc's block syntax is rewritten in the source), front
 * matter, GFM, directives and math; then other tools' syntax in deckdown's terms; then the deck compiler.
 */
export function createProcessor(options?: OutlineOptions | null) {
  return unified()
    .use(remarkParse)
    .use(remarkSourceRewrites)
    .use(remarkFrontmatter, ['yaml'])
    // A single tilde is pandoc's subscript (H~2~O); strike-through takes two.
    .use(remarkGfm, { singleTilde: false })
    .use(remarkDirective)
    .use(remarkTextMath)
    .use(remarkPeerSyntax)
    .use(remarkDeck, options);
}
