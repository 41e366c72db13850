import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownToPptx } from '../src/index.js';
import { runsToText } from '../src/outline/inline.js';
import { hasLibreOffice, pageCount, pageText, pptxToPdf } from './helpers/libreoffice.js';

const contentDir = new URL('../content/', import.meta.url).pathname;
const decks = readdirSync(contentDir).filter((name) => name.endsWith('.md')).sort();

describe.skipIf(!hasLibreOffice)('LibreOffice renders the content decks', () => {
  for (const name of decks) {
    it(`${name}: one page per slide, and each page shows its slide's title`, async () => {
      const path = join(contentDir, name);
      const { pptx, deck } = await markdownToPptx(readFileSync(path, 'utf8'), { path });
      const pdf = await pptxToPdf(pptx, name.replace(/\.md$/, ''));
      expect(await pageCount(pdf)).toBe(deck.slides.length);
      const titled = [...deck.slides.entries()].filter(([, slide]) => slide.title.length > 0);
      expect(titled.length).toBeGreaterThan(deck.slides.length / 2);
      for (const [index, slide] of titled) {
        const title = runsToText(slide.title).replace(/\s+/g, ' ').trim();
        expect(await pageText(pdf, index + 1), `slide ${index + 1}`).toContain(title);
      }
    });
  }

});
