import { readFileSync } from 'node:fs';
import { imageSize } from 'image-size';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { ImageInfo } from './image-info.js';

/** A picture's pixels, four bytes (RGBA) each, row by row. */
export interface Pixels {
  width: number;
  height: number;
  data: Uint8Array;
}

/** The most pixels a picture may have to be read for its colours; larger ones are not decoded. */
const MAX_PIXELS = 40_000_000;

/**
 * A PNG's or JPEG's pixels; undefined for the kinds deckdown does not decode here (SVG, GIF) or a
 * picture that will not decode. The header of the very bytes decoded is read first, and a picture
 * of more pixels than allowed is never decoded: a small file may claim, and inflate to, gigabytes.
 */
export function readPixels(info: ImageInfo): Pixels | undefined {
  if (info.type !== 'png' && info.type !== 'jpg') return undefined;
  try {
    const bytes = readFileSync(info.path);
    const header = imageSize(bytes);
    const kind = header.type === 'jpeg' ? 'jpg' : header.type;
    if (kind !== info.type || (header.width ?? Infinity) * (header.height ?? Infinity) > MAX_PIXELS) return undefined;
    if (kind === 'png') return PNG.sync.read(bytes);
    return jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_PIXELS / 1e6, maxMemoryUsageInMB: 512 });
  } catch {
    // A picture that does not decode is still placed; its colours are just not known.
  }
  return undefined;
}

/** Where a region of the slide falls on a picture that covers it: fractions of the picture, left to right and top to bottom. */
export interface Window {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const GRID_COLUMNS = 16;
const GRID_ROWS = 8;

/**
 * The colours of a picture in a window of it: the mean colour of each cell of a grid laid over
 * the window, so that a few noisy pixels do not decide. Transparent pixels show `base`, the
 * colour behind the picture.
 */
export function windowColours(pixels: Pixels, window: Window, base: string): string[] {
  const under = [0, 2, 4].map((at) => parseInt(base.slice(at, at + 2), 16));
  const colours: string[] = [];
  for (let row = 0; row < GRID_ROWS; row += 1) {
    for (let column = 0; column < GRID_COLUMNS; column += 1) {
      const x0 = Math.floor((window.left + ((window.right - window.left) * column) / GRID_COLUMNS) * pixels.width);
      const x1 = Math.max(Math.floor((window.left + ((window.right - window.left) * (column + 1)) / GRID_COLUMNS) * pixels.width), x0 + 1);
      const y0 = Math.floor((window.top + ((window.bottom - window.top) * row) / GRID_ROWS) * pixels.height);
      const y1 = Math.max(Math.floor((window.top + ((window.bottom - window.top) * (row + 1)) / GRID_ROWS) * pixels.height), y0 + 1);
      const sum = [0, 0, 0];
      let count = 0;
      for (let y = Math.max(y0, 0); y < Math.min(y1, pixels.height); y += 1) {
        for (let x = Math.max(x0, 0); x < Math.min(x1, pixels.width); x += 1) {
          const at = (y * pixels.width + x) * 4;
          const alpha = pixels.data[at + 3]! / 255;
          for (let channel = 0; channel < 3; channel += 1) sum[channel]! += pixels.data[at + channel]! * alpha + under[channel]! * (1 - alpha);
          count += 1;
        }
      }
      if (count > 0) colours.push(sum.map((value) => Math.round(value / count).toString(16).padStart(2, '0')).join('').toUpperCase());
    }
  }
  return colours;
}
