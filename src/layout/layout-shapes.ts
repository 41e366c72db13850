import type { Box } from '../theme/schema.js';
import type { Frame, PlacedLayout, PlacedSlide } from './frames.js';

export const TITLE_RULE = 'Title Rule';
export const BACKGROUND_PICTURE = 'Background Picture';

/** Boxes a millionth of an inch apart are the same box: sums of the same sizes in another order differ in their last bit. */
const SAME = 1e-6;

const sameBox = (box: Box | undefined, other: Box) => box !== undefined && (['x', 'y', 'w', 'h'] as const).every((side) => Math.abs(box[side] - other[side]) < SAME);

const sameRect = (frame: Frame, other: Frame | undefined) => frame.kind === 'rect' && other?.kind === 'rect' && frame.color === other.color && sameBox(frame.box, other.box);

const ruleOf = (layout: PlacedLayout) => layout.decorations.find((frame) => frame.name === TITLE_RULE);

/**
 * A body slide on a layout that rules its titles draws only what its layout does not draw for
 * it. The rule under a one-line title is the layout's, as in a template: the slide leaves it
 * out, and a designer who restyles the layout's rule restyles it on every such slide. So is the
 * rule under a title on two lines, which is the layout's variant's (`layouts`, after the layout
 * itself), and the slide is then based on the variant, whose title frame is its own. A slide
 * whose title moved its rule elsewhere, one without a title, and one with a picture behind its
 * content (which would cover the layout's rule) hide their layout's shapes (PowerPoint's "Hide
 * background graphics"): each draws its own rule where it has one, and the layout's other
 * decorations (a logo) itself, at the back, where the layout's would be, and unread by screen
 * readers, as the layout's would be.
 */
export function onLayoutShapes(placed: PlacedSlide, layouts: readonly PlacedLayout[]): PlacedSlide {
  const [layout] = layouts;
  const layoutRule = layout && ruleOf(layout);
  if (!layout || !layoutRule) return placed;
  const own = placed.frames.find((frame) => frame.name === TITLE_RULE);
  const title = placed.frames.find((frame) => frame.name === 'Title');
  const covered = placed.frames[0]?.name === BACKGROUND_PICTURE;
  const takes = (candidate: PlacedLayout) => sameRect(own!, ruleOf(candidate)) && (!candidate.variant || sameBox(title?.box, candidate.title.box));
  const on = own && !covered ? layouts.find(takes) : undefined;
  if (on) return { ...placed, ...(on.variant ? { variant: on.variant } : {}), frames: placed.frames.filter((frame) => frame !== own) };
  const others = layout.decorations.filter((frame) => frame !== layoutRule).map((frame) => (frame.kind === 'image' ? { ...frame, decorative: true as const } : frame));
  return { ...placed, hidesLayoutShapes: true, frames: [...others, ...placed.frames] };
}
