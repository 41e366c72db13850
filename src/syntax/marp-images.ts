import type { Image } from 'mdast';

/**
 * Marp writes sizes, filters and backgrounds as keywords in a picture's alt text:
 * `![bg left:40% sepia](a.jpg)`, `![w:200](b.png)`. The keywords are read and taken out,
 * so what is left is the real description.
 */
const FILTERS = new Set(['blur', 'brightness', 'contrast', 'drop-shadow', 'grayscale', 'hue-rotate', 'invert', 'opacity', 'saturate', 'sepia']);
const BACKGROUND = new Set(['bg', 'left', 'right', 'contain', 'cover', 'fit', 'auto', 'vertical', 'horizontal']);
/** Marp's slides are 1280 px wide (960 at 4:3); a width in pixels becomes a share of that. */
const MARP_WIDTH_PX = 1280;

export interface MarpImage {
  alt: string;
  /** `bg` alone: the picture covers the slide. */
  background: boolean;
  /** `bg left` / `bg right`: the picture takes one side of the slide. */
  side: boolean;
  /** `bg contain` / `bg fit`: the picture is seen whole rather than cropped to the slide. */
  contain: boolean;
  widthPercent?: number | undefined;
  /** Keywords read but with no slide form here (filters, heights, background sizes). */
  dropped: string[];
}

function keyword(token: string): { name: string; value?: string | undefined } | undefined {
  const match = /^([a-z-]+)(?::(.+))?$/i.exec(token);
  if (!match) return /^\d+(\.\d+)?%$/.test(token) ? { name: 'size', value: token } : undefined;
  const name = match[1]!.toLowerCase();
  const known = BACKGROUND.has(name) || FILTERS.has(name) || ['w', 'width', 'h', 'height'].includes(name);
  return known && (match[2] === undefined || name !== 'bg') ? { name, value: match[2] } : undefined;
}

/** The keywords in an image's alt text, or undefined when it holds none and is a plain description. */
export function readMarpImage(image: Image): MarpImage | undefined {
  const tokens = (image.alt ?? '').split(/\s+/).filter(Boolean);
  const first = tokens[0] && keyword(tokens[0]);
  if (!first) return undefined;
  const result: MarpImage = { alt: '', background: false, side: false, contain: false, dropped: [] };
  const words: string[] = [];
  for (const token of tokens) {
    const found = keyword(token);
    if (!found) {
      words.push(token);
      continue;
    }
    if (found.name === 'bg') result.background = true;
    else if (found.name === 'left' || found.name === 'right') result.side = true;
    else if (found.name === 'contain' || found.name === 'fit') result.contain = true;
    // Marp's default: a background covers the slide.
    else if (found.name === 'cover') continue;
    else if ((found.name === 'w' || found.name === 'width') && found.value && /^\d+(\.\d+)?(px)?$/.test(found.value)) {
      result.widthPercent = Math.min(100, (Number.parseFloat(found.value) / MARP_WIDTH_PX) * 100);
    } else result.dropped.push(token);
  }
  result.alt = words.join(' ');
  // `bg` with a side is a picture beside the content, not behind it.
  if (result.side) result.background = false;
  return result;
}
