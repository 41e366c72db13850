/**
 * Render a Deck outline written as JSON, without Markdown: the outline is validated first.
 * Run: npx tsx examples/render-outline.ts [output.pptx]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DeckdownError, renderPptx } from 'deckdown';

const outline: unknown = JSON.parse(readFileSync(new URL('./outline.json', import.meta.url), 'utf8'));
const output = process.argv[2] ?? 'out/examples/outline.pptx';

try {
  const pptx = await renderPptx(outline);
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, pptx);
  console.log(`${output}: written`);
} catch (error) {
  // An invalid outline lists every problem with its path, for example "slides.1.title: …".
  if (error instanceof DeckdownError) console.error(error.message);
  process.exitCode = 1;
}
