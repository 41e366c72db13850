import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { Node, Parent } from 'unist';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.js';
import { DEFAULT_LIMITS, limitsWith, overLimit } from '../limits.js';

/**
 * Nodes that are a level of nesting: blocks in blocks and formatting in formatting. A list item
 * is not counted apart from its list, nor a table cell apart from its table.
 */
const NESTING = new Set(['blockquote', 'list', 'containerDirective', 'footnoteDefinition', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'styled']);

declare module 'vfile' {
  interface DataMap {
    /** The depth limit in force, for the steps that rewrite a tree recursively. */
    depthLimit: number;
  }
}

const levelOf = (node: Node, parentLevel: number) => parentLevel + (NESTING.has(node.type) ? 1 : 0);

/**
 * Removes every node nested deeper than `limit`, with its content, and returns the first one
 * removed, in document order; or, when it has no place in the source (HTML read into nodes), its
 * nearest ancestor that has one. The walk keeps its own stack: the tree may be deeper than the
 * call stack.
 */
export function cutTooDeep(tree: Node, limit: number): Node | undefined {
  let first: Node | undefined;
  const stack: { node: Node; level: number; placed: Node }[] = [{ node: tree, level: levelOf(tree, 0), placed: tree }];
  while (stack.length > 0) {
    const { node, level, placed } = stack.pop()!;
    if (!('children' in node) || !Array.isArray(node.children)) continue;
    const children = node.children as Node[];
    const kept = children.filter((child) => levelOf(child, level) <= limit);
    if (kept.length < children.length) {
      const cut = children.find((child) => levelOf(child, level) > limit)!;
      first ??= cut.position ? cut : placed;
      (node as Parent).children = kept;
    }
    for (let index = kept.length - 1; index >= 0; index--) {
      const child = kept[index]!;
      stack.push({ node: child, level: levelOf(child, level), placed: child.position ? child : placed });
    }
  }
  return first;
}

/** The over-limit error at the first node nested too deep. */
export function reportTooDeep(file: VFile, place: Node, limit: number): void {
  report(file, 'over-limit', overLimit('nesting (quotes, lists, columns and formatting inside one another)', 'depth', limitsWith({ depth: limit })), place);
}

/** The place of the node each parsed tree was cut at, kept for the transformer, which has the file. */
const cutAt = new WeakMap<Node, Node>();

/**
 * Nesting deeper than the depth limit is an error at the block or span that goes too deep. The
 * check is a transform of the parser's, registered before GFM's: the transforms that follow it
 * and every later step walk the tree recursively, and would overflow the stack on a deeper one.
 */
export const remarkDepthLimit: Plugin<[({ depth?: number | undefined } | undefined)?], Root> = function (options) {
  const limit = options?.depth ?? DEFAULT_LIMITS.depth;
  const data = this.data();
  (data.fromMarkdownExtensions ??= []).push({
    transforms: [
      (tree: Root) => {
        const cut = cutTooDeep(tree, limit);
        if (cut) cutAt.set(tree, cut);
      },
    ],
  });
  return (tree, file) => {
    file.data.depthLimit = limit;
    const cut = cutAt.get(tree);
    if (cut) reportTooDeep(file, cut, limit);
  };
};
