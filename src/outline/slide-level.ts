import type { RootContent } from 'mdast';

/**
 * pandoc's rule: the slide level is the highest heading level that is followed directly by
 * content rather than by another heading or a thematic break. Without such a heading, the deepest level present
 * (or 1) is used, so that every heading still starts a slide.
 */
export function inferSlideLevel(nodes: readonly RootContent[]): number {
  let level = Infinity;
  let deepest = 0;
  nodes.forEach((node, index) => {
    if (node.type !== 'heading') return;
    deepest = Math.max(deepest, node.depth);
    const next = nodes[index + 1];
    if (next && next.type !== 'heading' && next.type !== 'thematicBreak') level = Math.min(level, node.depth);
  });
  return Number.isFinite(level) ? level : Math.max(deepest, 1);
}
