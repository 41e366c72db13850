import type { Frame, PlacedLayout, PlacedSlide } from './frames.js';

export const TITLE_RULE = 'Title Rule';
export const BACKGROUND_PICTURE = 'Background Picture';

const sameRect = (frame: Frame, other: Frame) =>
  frame.kind === 'rect' && other.kind === 'rect' && frame.color === other.color && (['x', 'y', 'w', 'h'] as const).every((side) => frame.box[side] === other.box[side]);

/**
 * A body slide on a layout that rules its titles, drawing no more than its layout does not. The
 * rule under a one-line title is the layout's, as in a template: the slide leaves it out, and a
 * designer who restyles the layout's rule restyles it on every such slide. A slide whose longer
 * title moved its rule down, or that has no title, hides its layout's shapes (PowerPoint's "Hide
 * background graphics") and draws the layout's other decorations itself. A picture behind a
 * slide's content covers its layout's shapes: such a slide keeps its rule.
 */
export function onLayoutShapes(placed: PlacedSlide, layout: PlacedLayout): PlacedSlide {
  const layoutRule = layout.decorations.find((frame) => frame.name === TITLE_RULE);
  if (!layoutRule) return placed;
  const own = placed.frames.find((frame) => frame.name === TITLE_RULE);
  const behind = placed.frames[0]?.name === BACKGROUND_PICTURE ? 1 : 0;
  if (own && sameRect(own, layoutRule)) return behind ? placed : { ...placed, frames: placed.frames.filter((frame) => frame !== own) };
  const others = layout.decorations.filter((frame) => frame !== layoutRule);
  return { ...placed, hidesLayoutShapes: true, frames: [...placed.frames.slice(0, behind), ...others, ...placed.frames.slice(behind)] };
}
