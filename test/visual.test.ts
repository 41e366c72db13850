import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { previewPdf } from '../src/cli/preview.js';
import { buildOutline, loadTheme, planSlides, renderPlan, type Frame } from '../src/index.js';
import { listThemes } from '../src/theme/registry.js';
import { hasLibreOffice, pagePictures, pdfLayout, pptxToPdf, type PdfLine } from './helpers/libreoffice.js';
import { collidingLines, meetsAA, placedWords, wordContrast, wordsInBand } from './helpers/rendering-checks.js';

/**
 * Visual regression: the lecture, the syntax showcase and a deck with a long table and a footer,
 * drawn by LibreOffice in every built-in theme and judged from the drawing. Where a word is, and
 * how large and in what colours it is drawn, comes from LibreOffice's PDF and its pixels; the
 * plan only says which frame a place belongs to. Contact sheets go to out/visual/ for people.
 */
const root = new URL('..', import.meta.url).pathname;
const DECKS = ['content/lecture.md', 'content/syntax.md', 'test/decks/stress.md'];
/** Pixels per inch of the pictures the colours are read from: enough for the stems of 12 pt text. */
const DPI = 150;
/** Slides whose body is running text, for counting the body sizes a deck uses. */
const TEXT_LAYOUTS = new Set(['content', 'columns', 'image', 'agenda']);

type Word = PdfLine['words'][number];

const centre = (word: Word) => ({ x: (word.xMin + word.xMax) / 2, y: (word.yMin + word.yMax) / 2 });
const inside = (word: Word, frame: Frame, scale: number) => {
  const { x, y } = centre(word);
  const { box } = frame;
  return x >= box.x * scale && x <= (box.x + box.w) * scale && y >= box.y * scale && y <= (box.y + box.h) * scale;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mode = (values: number[]) => [...values.reduce((counts, value) => counts.set(value, (counts.get(value) ?? 0) + 1), new Map<number, number>())].sort((a, b) => b[1] - a[1])[0]![0];

describe.skipIf(!hasLibreOffice)('decks as LibreOffice draws them, in every built-in theme', () => {
  for (const theme of listThemes()) {
    for (const deckPath of DECKS) {
      it(`${deckPath} in ${theme}: no collisions, nothing in the footer band, every word legible, titles no smaller than the body and without a lone last word, at most four body sizes`, async () => {
        const path = join(root, deckPath);
        const file = new VFile({ path, value: readFileSync(path, 'utf8') });
        const { deck } = buildOutline(file);
        const plan = planSlides(deck, { baseDir: file.dirname, file, theme });
        const name = `${basename(deckPath, '.md')}-${theme}`;
        const pdf = await pptxToPdf(await renderPlan(plan), name);
        await previewPdf(pdf, join(root, 'out', 'visual', theme), basename(deckPath, '.md'));
        const pages = await pdfLayout(pdf);
        const pictures = await pagePictures(pdf, DPI);
        expect(pages).toHaveLength(plan.placed.slides.length);
        const { footer, slide: size } = loadTheme(theme);
        const problems = { collisions: [] as string[], footerBand: [] as string[], contrast: [] as string[], titleSmaller: [] as string[], loneWord: [] as string[] };
        const bodySizes = new Set<number>();
        plan.placed.slides.forEach((slide, index) => {
          const page = pages[index]!;
          const scale = page.height / size.heightInches;
          const at = `slide ${index + 1}`;
          problems.collisions.push(...collidingLines(page).map((pair) => `${at}: ${pair}`));
          const footerWords = new Set(placedWords(slide.frames.filter((frame) => frame.name === 'Footer' || frame.name === 'Slide Number')));
          problems.footerBand.push(...wordsInBand(page, Math.min(footer.text.y, footer.slideNumber.y) * scale, footerWords).map((word) => `${at}: ${word}`));
          const words = page.lines.flatMap((line) => line.words);
          for (const word of words) {
            const contrast = wordContrast(word, pictures[index]!, DPI / 72);
            if (!meetsAA(contrast)) problems.contrast.push(`${at}: "${word.text}" ${contrast.foreground} on ${contrast.background}, ${contrast.ratio.toFixed(2)}:1 at ${contrast.sizePt.toFixed(0)} pt`);
          }
          const title = slide.frames.find((frame) => frame.name === 'Title');
          const body = slide.frames.filter((frame) => frame.kind === 'text' && frame.name.startsWith('Body'));
          const sizeOf = (word: Word) => (word.yMax - word.yMin) / 1.36 / (scale / 72);
          const bodyWords = words.filter((word) => body.some((frame) => inside(word, frame, scale)));
          if (title) {
            const titleLines = page.lines.filter((line) => line.words.every((word) => inside(word, title, scale)));
            const titleWords = titleLines.flatMap((line) => line.words);
            if (titleWords.length > 0 && bodyWords.length > 0 && median(titleWords.map(sizeOf)) < median(bodyWords.map(sizeOf)) - 0.5) {
              problems.titleSmaller.push(`${at}: title ${median(titleWords.map(sizeOf)).toFixed(1)} pt, body ${median(bodyWords.map(sizeOf)).toFixed(1)} pt`);
            }
            if (titleLines.length > 1 && titleWords.length >= 4 && titleLines.at(-1)!.words.length < 2) problems.loneWord.push(`${at}: ${titleLines.map((line) => line.words.map((word) => word.text).join(' ')).join(' / ')}`);
          }
          if (TEXT_LAYOUTS.has(slide.layout) && bodyWords.length > 0) bodySizes.add(mode(bodyWords.map((word) => Math.round(sizeOf(word)))));
        });
        expect(problems).toEqual({ collisions: [], footerBand: [], contrast: [], titleSmaller: [], loneWord: [] });
        expect([...bodySizes].length, [...bodySizes].join(', ')).toBeLessThanOrEqual(4);
      });
    }
  }
});
