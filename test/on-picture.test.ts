import { describe, expect, it } from 'vitest';
import { buildOutline, loadTheme, planSlides } from '../src/index.js';
import type { PlacedSlide, TextFrame } from '../src/layout/frames.js';
import { legibleOnPicture } from '../src/layout/on-picture.js';
import type { Pixels } from '../src/media/picture-colours.js';
import { contrastRatio } from '../src/theme/contrast.js';
import { paragraph } from './helpers/paragraph.js';

const dark = loadTheme('dark');

/** A picture of `width` × `height` pixels whose colour at (x, y) `colour` gives. */
function picture(width: number, height: number, colour: (x: number, y: number) => [number, number, number]): Pixels {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) data.set([...colour(x, y), 255], (y * width + x) * 4);
  }
  return { width, height, data };
}

function slideWith(color: string): PlacedSlide {
  const text = paragraph('Мәтін', 28);
  const paragraphs = [{ ...text, runs: text.runs.map((run) => ({ ...run, color })) }];
  const body: TextFrame = { kind: 'text', name: 'Body', box: { x: 0.6, y: 1.8, w: 12.1, h: 1 }, anchor: 'top', insetInches: 0.08, paragraphs };
  return { layout: 'content', background: { color: dark.colors.background, imagePath: '/picture.png' }, frames: [body], notes: [] };
}
const runColour = (slide: PlacedSlide) => {
  const frame = slide.frames.find((candidate) => candidate.kind === 'text') as TextFrame;
  return (frame.paragraphs[0]!.runs[0] as { color: string }).color;
};

describe('text over a background picture', () => {
  it('keeps its colour where it reads on the picture', () => {
    const night = picture(64, 36, () => [10, 12, 20]);
    const { placed, notes } = legibleOnPicture(slideWith(dark.colors.text), night, undefined, dark);
    expect(runColour(placed)).toBe(dark.colors.text);
    expect(notes).toEqual([]);
  });

  it('takes the theme colour that reads on a light picture under it', () => {
    const sky = picture(64, 36, (_, y) => [190 + y, 235, 245]);
    const { placed, notes } = legibleOnPicture(slideWith(dark.colors.text), sky, undefined, dark);
    expect(runColour(placed)).toBe(dark.colors.background);
    expect(contrastRatio(runColour(placed), 'BEEBF5')).toBeGreaterThanOrEqual(4.5);
    expect(notes).toEqual([expect.stringMatching(/^"Body" set in #16191D to read on the background picture \(\d+\.\d:1\)$/)]);
  });

  it('stands on a scrim where no colour reads on a busy picture', () => {
    // Stripes of black and white, each wider than a sampling cell: no text colour reads on both.
    const stripes = picture(64, 36, (x) => (Math.floor(x / 8) % 2 === 0 ? [0, 0, 0] : [255, 255, 255]));
    const { placed, notes } = legibleOnPicture(slideWith(dark.colors.text), stripes, undefined, dark);
    const scrim = placed.frames[0]!;
    expect(scrim).toMatchObject({ kind: 'rect', name: 'Body Scrim', transparency: 15 });
    expect(placed.frames[1]!.kind).toBe('text');
    expect(contrastRatio(runColour(placed), scrim.kind === 'rect' ? scrim.color : '')).toBeGreaterThanOrEqual(4.5);
    expect(notes[0]).toMatch(/on a scrim/);
  });

  it('reads the picture under its text, not under the room a frame has to spare below it', () => {
    // Dark on top, busy stripes below: one line at the top of a body that reaches the foot of its box.
    const half = picture(64, 36, (x, y) => (y < 12 || Math.floor(x / 8) % 2 === 0 ? [0, 0, 0] : [255, 255, 255]));
    const tall = slideWith(dark.colors.text);
    const body = tall.frames[0] as TextFrame;
    const stretched: PlacedSlide = { ...tall, frames: [{ ...body, box: { ...body.box, h: 5 }, textHeightInches: 0.6 }] };
    expect(legibleOnPicture(stretched, half, undefined, dark).notes).toEqual([]);
    // Where the text itself is on the stripes, its scrim is the text's height, not the frame's.
    const low: PlacedSlide = { ...tall, frames: [{ ...body, box: { ...body.box, y: 4, h: 3 }, textHeightInches: 0.6 }] };
    const { placed } = legibleOnPicture(low, half, undefined, dark);
    expect(placed.frames[0]).toMatchObject({ kind: 'rect', name: 'Body Scrim', box: { ...body.box, y: 4, h: 0.6 } });
    expect(placed.frames[1]!.box.h).toBe(3);
  });

  it('warns where it cannot read the picture, and measures PNG and JPEG pictures', () => {
    const content = new URL('../content/', import.meta.url).pathname;
    const messages = (picture: string) => {
      const { deck } = buildOutline(`# Слайд\n\n::slide{background=images/${picture}}\n\nМәтін.\n`, { path: `${content}deck.md` });
      return planSlides(deck, { baseDir: content, theme: 'dark' }).messages.filter((message) => message.ruleId === 'unmeasured-contrast' || message.ruleId === 'text-on-picture');
    };
    expect(messages('sun.svg').map((message) => [message.ruleId, message.fatal])).toEqual([['unmeasured-contrast', false]]);
    expect(messages('sun.svg')[0]!.reason).toMatch(/^slide 1: the background picture's colours cannot be read/);
    expect(messages('steppe.jpg').map((message) => message.ruleId)).not.toContain('unmeasured-contrast');
    expect(messages('steppe.jpg').map((message) => message.ruleId)).toContain('text-on-picture');
  });
});
