/**
 * Build the Kazakh lecture from content/lecture.md with the programmatic API.
 * Run: npx tsx examples/build-lecture.ts [output.pptx]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { formatMessages, markdownToPptx } from 'deckdown';

const input = new URL('../content/lecture.md', import.meta.url).pathname;
const output = process.argv[2] ?? 'out/examples/lecture.pptx';

const { pptx, deck, messages } = await markdownToPptx(readFileSync(input, 'utf8'), { path: input });
if (messages.length > 0) console.error(formatMessages(messages));

mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, pptx);
console.log(`${output}: ${deck.slides.length} slides, language ${deck.meta.lang}`);
