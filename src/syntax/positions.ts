import type { PhrasingContent } from 'mdast';

/** Nodes parsed from a piece of text (a front matter value, a table cell): their places are in that text, not in the file, so they are left out. */
export function withoutPositions(nodes: readonly PhrasingContent[]): PhrasingContent[] {
  return nodes.map((node) => {
    const { position: _position, ...rest } = node;
    return ('children' in rest ? { ...rest, children: withoutPositions(rest.children as PhrasingContent[]) } : rest) as PhrasingContent;
  });
}
