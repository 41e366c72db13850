import type { Root } from 'mdast';
import type { Extension } from 'mdast-util-from-markdown';
import type { Plugin } from 'unified';
import type { Literal, Node } from 'unist';

/**
 * What GFM's autolink literals start with: `www.`, `http://` or `https://` (in any case), or the
 * `@` of an e-mail address. mdast-util-gfm-autolink-literal finds them in text nodes alone.
 */
const MAY_START_AUTOLINK = /www\.|https?:\/\/|@/i;

/** Whether any text node of the tree holds something an autolink literal could start with. */
export function mayHoldAutolinkLiteral(tree: Node): boolean {
  const stack: Node[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text' && MAY_START_AUTOLINK.test(String((node as Literal).value))) return true;
    if ('children' in node && Array.isArray(node.children)) stack.push(...(node.children as Node[]));
  }
  return false;
}

/** The parser's extension for autolink literals, known by the tokens it turns into links. */
const isAutolinkLiterals = (extension: Extension) => extension.enter?.['literalAutolink'] !== undefined;

type Extensions = (Extension | Extensions)[];

function guarded(extensions: Extensions): Extensions {
  return extensions.map((extension) =>
    Array.isArray(extension)
      ? guarded(extension)
      : isAutolinkLiterals(extension)
        ? { ...extension, transforms: extension.transforms?.map((transform) => (tree: Root) => (mayHoldAutolinkLiteral(tree) ? transform(tree) : undefined)) }
        : extension,
  );
}

/**
 * GFM finds autolink literals (`www.example.com`, `https://…`, `someone@example.com`) after
 * parsing, by running two regular expressions over every text of the tree: a sixth of the time
 * a thousand slides take to parse, most of which hold none. The search runs only on a tree with a
 * text it could find one in, which gives the same tree. Used after remark-gfm.
 */
export const remarkAutolinkLiteralsWhereFound: Plugin<[], Root> = function () {
  const data = this.data();
  data.fromMarkdownExtensions = guarded(data.fromMarkdownExtensions ?? []) as typeof data.fromMarkdownExtensions;
};
