/**
 * Customising templates: a theme file that extends a built-in one, and a theme made in code
 * with defineTheme(). Both build the Kazakh lecture.
 * Run: npx tsx examples/custom-theme.ts [output-directory]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineTheme, loadTheme, markdownToPptx, planSlides, renderPlan } from 'deckdown';

const outDir = process.argv[2] ?? 'out/examples';
mkdirSync(outDir, { recursive: true });
const lecture = new URL('../content/lecture.md', import.meta.url).pathname;
const markdown = readFileSync(lecture, 'utf8');

// 1. A theme file (YAML or JSON) that extends the built-in lecture theme.
const themeFile = new URL('./themes/university.yaml', import.meta.url).pathname;
const fromFile = await markdownToPptx(markdown, { path: lecture, theme: themeFile });
writeFileSync(join(outDir, 'lecture-university.pptx'), fromFile.pptx);
console.log(`university theme: ${fromFile.deck.slides.length} slides, logo ${loadTheme(themeFile).logo?.path}`);

// 2. A theme in code: any part of a theme, over the one it extends; validated like a file.
const serif = defineTheme({
  extends: 'default',
  name: 'serif-campus',
  colors: { heading: '5B1A18', accent: '8C2F2B', titleBackground: '5B1A18', sectionBackground: '8C2F2B' },
  fonts: { heading: 'Times New Roman' },
});
const plan = planSlides(fromFile.deck, { theme: serif, baseDir: join(lecture, '..') });
writeFileSync(join(outDir, 'lecture-serif.pptx'), await renderPlan(plan));
console.log(`serif theme: ${plan.placed.slides.length} slides, headings measured with ${serif.fonts.heading} (as Tinos)`);
