import { windowColours, type Pixels, type Window } from '../media/picture-colours.js';
import { contrastRatio, mostLegible } from '../theme/contrast.js';
import type { Box, Theme } from '../theme/schema.js';
import type { Crop, Frame, PlacedRun, PlacedSlide, RectFrame, TextFrame } from './frames.js';

/** WCAG AA: 3:1 for large text (18 pt and up), 4.5:1 for the rest. */
const needed = (sizePt: number) => (sizePt >= 18 ? 3 : 4.5);
/** How much of the picture a scrim lets through, in percent. */
const SCRIM_TRANSPARENCY = 15;

/** Where a box on the slide falls on a picture that covers the slide, cropped by `crop`. */
function windowOf(box: Box, crop: Crop | undefined, slide: { widthInches: number; heightInches: number }): Window {
  const left = (crop?.left ?? 0) / 100000;
  const top = (crop?.top ?? 0) / 100000;
  const width = 1 - left - (crop?.right ?? 0) / 100000;
  const height = 1 - top - (crop?.bottom ?? 0) / 100000;
  const x = (inches: number) => left + Math.min(Math.max(inches / slide.widthInches, 0), 1) * width;
  const y = (inches: number) => top + Math.min(Math.max(inches / slide.heightInches, 0), 1) * height;
  return { left: x(box.x), top: y(box.y), right: x(box.x + box.w), bottom: y(box.y + box.h) };
}

const textRuns = (frame: TextFrame) => frame.paragraphs.flatMap((paragraph) => paragraph.runs).filter((run): run is Exclude<PlacedRun, { type: 'break' }> => run.type !== 'break');
const worst = (colour: string, under: readonly string[]) => Math.min(...under.map((background) => contrastRatio(colour, background)));

function recolour(frame: TextFrame, colour: string): TextFrame {
  return {
    ...frame,
    paragraphs: frame.paragraphs.map((paragraph) => ({
      ...paragraph,
      runs: paragraph.runs.map((run) => (run.type === 'break' ? run : { ...run, color: colour })),
      bullet: paragraph.bullet.type === 'none' ? paragraph.bullet : { ...paragraph.bullet, color: colour },
    })),
  };
}

/**
 * Text over a background picture, made legible against what is actually under it: a frame whose
 * colours do not meet WCAG AA on the picture there takes the theme's text or background colour,
 * whichever reads better, and stands on a scrim of the other where neither does. The notes say
 * what was done, slide by slide.
 */
export function legibleOnPicture(placed: PlacedSlide, pixels: Pixels, crop: Crop | undefined, theme: Theme): { placed: PlacedSlide; notes: string[] } {
  const notes: string[] = [];
  const frames = placed.frames.flatMap((frame): Frame[] => {
    if (frame.kind !== 'text' || frame.fill) return [frame];
    const runs = textRuns(frame);
    if (runs.length === 0) return [frame];
    // What is under the text, not under the frame's room to spare below it.
    const box = frame.textHeightInches === undefined ? frame.box : { ...frame.box, h: frame.textHeightInches };
    const under = windowColours(pixels, windowOf(box, crop, theme.slide), placed.background.color);
    const smallest = Math.min(...runs.map((run) => run.sizePt));
    if (runs.every((run) => worst(run.color, under) >= needed(run.sizePt))) return [frame];
    const { text, background } = theme.colors;
    const colour = mostLegible([text, background], under);
    const ratio = worst(colour, under);
    if (ratio >= needed(smallest)) {
      notes.push(`"${frame.name}" set in #${colour} to read on the background picture (${ratio.toFixed(1)}:1)`);
      return [recolour(frame, colour)];
    }
    const scrim: RectFrame = { kind: 'rect', name: `${frame.name} Scrim`, box, color: colour === text ? background : text, transparency: SCRIM_TRANSPARENCY };
    notes.push(`"${frame.name}" set in #${colour} on a scrim of #${scrim.color}: the background picture under it is too busy for any text colour (${ratio.toFixed(1)}:1)`);
    return [scrim, recolour(frame, colour)];
  });
  return { placed: { ...placed, frames }, notes };
}
