import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { buildOutline, loadTheme, planSlides, renderPlan } from '../src/index.js';
import { loadTemplate } from '../src/template/load-template.js';
import { brandedTemplate } from './helpers/branded-template.js';
import { hasLibreOffice, pdfLayout, pptxToPdf } from './helpers/libreoffice.js';
import { collidingLines, placedWords, wordsInBand } from './helpers/rendering-checks.js';
import { hasPandoc } from './helpers/pandoc.js';

const root = new URL('..', import.meta.url).pathname;
/** An institution's template, for the decks built on it; made from pandoc's reference.pptx. */
function institutionTemplate(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'deckdown-fit-')), 'institution.potx');
  writeFileSync(path, brandedTemplate());
  return path;
}
const onTemplate = hasPandoc() ? [{ path: 'content/lecture.md', template: true }, { path: 'content/syntax.md', template: true }] : [];
const decks = [...['content/lecture.md', 'content/syntax.md', 'test/decks/stress.md'].map((path) => ({ path, template: false })), ...onTemplate];
describe.skipIf(!hasLibreOffice)('LibreOffice draws what the layout measured', () => {
  for (const { path: deckPath, template } of decks) {
    it(`${deckPath}${template ? ' on an institution template' : ''}: every word on its slide, inside it, no lines colliding, none in the footer band but the footer's, no body text below the floor`, async () => {
      const path = `${root}${deckPath}`;
      const file = new VFile({ path, value: readFileSync(path, 'utf8') });
      const { deck } = buildOutline(file);
      const referenceDoc = template ? institutionTemplate() : undefined;
      const plan = planSlides(deck, { baseDir: file.dirname, file, referenceDoc });
      const pages = await pdfLayout(await pptxToPdf(await renderPlan(plan), `${deckPath.replace(/\W+/g, '-')}${template ? '-template' : ''}`));
      expect(pages).toHaveLength(plan.placed.slides.length);

      const theme = referenceDoc ? loadTemplate(referenceDoc, root, loadTheme(deck.meta.theme)).theme : loadTheme(deck.meta.theme);
      let expected = 0;
      const missing: string[] = [];
      const outside: string[] = [];
      const collisions: string[] = [];
      const belowFloor: string[] = [];
      const inFooterBand: string[] = [];
      plan.placed.slides.forEach((slide, index) => {
        const page = pages[index]!;
        // The band from the top of the footer frames down: only the footer's own words are drawn there.
        const bandTop = (Math.min(theme.footer.text.y, theme.footer.slideNumber.y) * page.height) / theme.slide.heightInches;
        const footerWords = new Set(placedWords(slide.frames.filter((frame) => frame.name === 'Footer' || frame.name === 'Slide Number')));
        inFooterBand.push(...wordsInBand(page, bandTop, footerWords).map((word) => `slide ${index + 1}: ${word}`));
        const drawn = page.lines.flatMap((line) => line.words.map((word) => word.text)).join('');
        for (const word of placedWords(slide.frames)) {
          expected += 1;
          if (!drawn.includes(word)) missing.push(`slide ${index + 1}: ${word}`);
        }
        for (const line of page.lines) {
          for (const word of line.words) {
            if (word.xMin < -0.5 || word.yMin < -0.5 || word.xMax > page.width + 0.5 || word.yMax > page.height + 0.5) outside.push(`slide ${index + 1}: ${word.text}`);
          }
        }
        collisions.push(...collidingLines(page).map((pair) => `slide ${index + 1}: ${pair}`));
        for (const frame of slide.frames) {
          if (frame.kind !== 'text' || !frame.name.startsWith('Body')) continue;
          for (const run of frame.paragraphs.flatMap((paragraph) => paragraph.runs)) {
            if (run.type === 'text' && !/mono/i.test(run.font) && run.sizePt < theme.floors.body) belowFloor.push(`slide ${index + 1}: ${run.sizePt} pt "${run.text}"`);
          }
        }
      });
      expect(expected).toBeGreaterThan(100);
      expect(missing, `${missing.length} of ${expected} words not drawn`).toEqual([]);
      expect(outside).toEqual([]);
      expect(collisions).toEqual([]);
      expect(inFooterBand).toEqual([]);
      expect(belowFloor).toEqual([]);
    });
  }
});
