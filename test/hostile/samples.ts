import { PNG } from 'pngjs';
import type { Content } from './case.js';

/** Small, real inputs the cases build on. */

/** A real PNG picture of a flat colour. */
export function png(width = 4, height = 3): Uint8Array {
  const picture = new PNG({ width, height });
  picture.data.fill(0x80);
  return PNG.sync.write(picture);
}

/** A deck with front matter and one body slide; `body` is Markdown after the slide's heading. */
export function deck(frontMatter: string, body = 'Text.'): string {
  return `---\ntitle: Hostile\n${frontMatter}${frontMatter && !frontMatter.endsWith('\n') ? '\n' : ''}---\n\n# A slide\n\n${body}\n`;
}

/** A deck whose front matter names `theme.yaml`, and that theme file, extending the default theme. */
export function themed(theme: string, extra: Record<string, Content> = {}): Record<string, Content> {
  return { 'deck.md': deck('theme: theme.yaml'), 'theme.yaml': `extends: default\n${theme}`, ...extra };
}
