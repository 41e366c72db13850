import type { PlacedParagraph } from '../../src/layout/frames.js';

/** A plain placed paragraph of one run, for measuring. */
export function paragraph(value: string, sizePt = 28, font = 'Noto Sans', bold = false): PlacedParagraph {
  return {
    runs: [{ type: 'text', text: value, font, sizePt, color: '000000', bold, italic: false, strike: false }],
    align: 'left',
    level: 0,
    bullet: { type: 'none' },
    marginInches: 0,
    hangInches: 0,
    spaceBeforePt: 0,
    spaceAfterPt: 0,
    lineSpacing: 1,
    endSizePt: sizePt,
  };
}
