import type { ImageInfo } from '../media/image-info.js';
import type { Theme } from '../theme/schema.js';
import type { Measurer } from './measure.js';
import type { TextStyle } from './paragraphs.js';

/** What placing one slide's blocks needs: the theme, the images' sizes and unique frame names. */
export interface PlaceContext {
  theme: Theme;
  images: ReadonlyMap<string, ImageInfo>;
  style: TextStyle;
  /** A name not yet used on this slide: "Body", then "Body 2", … */
  name: (base: string) => string;
  measure: Measurer;
  /** Records a problem found while placing this slide. */
  warn: (ruleId: 'font-fallback' | 'low-contrast', reason: string) => void;
}

export function nameCounter(): (base: string) => string {
  const used = new Map<string, number>();
  return (base) => {
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    return count === 1 ? base : `${base} ${count}`;
  };
}
