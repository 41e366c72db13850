import type { PhrasingContent, Root } from 'mdast';
import { VFile } from 'vfile';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Plugin } from 'unified';
import { mdastToDeck, type OutlineOptions } from './outline/mdast-to-deck.js';
import type { Deck } from './outline/schema.js';
import { remarkAutolinkLiteralsWhereFound } from './syntax/autolink-literals.js';
import { remarkChunkedParse } from './syntax/chunked-parse.js';
import { remarkDepthLimit } from './syntax/depth.js';
import { remarkEscapedSpace } from './syntax/escaped-space.js';
import { remarkSourceRewrites } from './syntax/source-rewrites.js';
import { withoutPositions } from './syntax/positions.js';
import { remarkPeerSyntax } from './syntax/remark-peer-syntax.js';
import { remarkTextMath } from './syntax/text-math.js';

declare module 'unified' {
  interface CompileResultMap {
    Deck: Deck;
  }
}

/**
 * A unified compiler: the tree becomes the deck outline (`file.result`). Front matter values are
 * read as inline Markdown by the same processor, so they get the same syntax as the body.
 */
export const remarkDeck: Plugin<[(OutlineOptions | null | undefined)?], Root, Deck> = function (options) {
  const processor = this;
  const parseInline = (text: string) => {
    // A value is a line of text: "8. März 2025" is a date, not an ordered list.
    const file = new VFile({ value: text.replace(/^(\s*\d+)([.)])(\s)/, '$1\\$2$3').replace(/^(\s*)([-*+#>])(\s|$)/, '$1\\$2$3') });
    const tree = processor.runSync(processor.parse(file), file) as Root;
    const children = tree.children.flatMap((node, index): PhrasingContent[] => (node.type === 'paragraph' ? [...(index > 0 ? [{ type: 'break' as const }] : []), ...withoutPositions(node.children)] : []));
    return { children, messages: file.messages };
  };
  const settings: OutlineOptions = { parseInline, ...options };
  this.compiler = (tree, file) => mdastToDeck(tree as Root, file, settings);
};

/** How the source is parsed. */
export interface ParseOptions {
  /** The smallest piece the source is parsed in (see `chunked-parse.ts`); `Infinity` parses it whole. */
  chunkChars?: number | undefined;
}

/**
 * The one ordered plugin list: parse (after pandoc's block syntax is rewritten in the source), front
 * matter, GFM, directives and math; then other tools' syntax in deckdown's terms; then the deck compiler.
 */
export function createProcessor(options?: (OutlineOptions & ParseOptions) | null) {
  return unified()
    .use(remarkParse)
    // First of all: every later plugin that parses (the source rewrites may parse twice) parses in pieces.
    .use(remarkChunkedParse, { minChars: options?.chunkChars })
    // First of the parser's transforms: the ones after it recurse, and must not meet a tree too deep.
    .use(remarkDepthLimit, { depth: options?.limits?.depth })
    .use(remarkSourceRewrites)
    .use(remarkFrontmatter, ['yaml'])
    // A single tilde is pandoc's subscript (H~2~O); strike-through takes two.
    .use(remarkGfm, { singleTilde: false })
    .use(remarkAutolinkLiteralsWhereFound)
    .use(remarkDirective)
    .use(remarkTextMath)
    .use(remarkEscapedSpace)
    .use(remarkPeerSyntax)
    .use(remarkDeck, options);
}
