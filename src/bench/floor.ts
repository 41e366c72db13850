import { readFileSync, writeFileSync } from 'node:fs';
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import pptxgenjs from 'pptxgenjs';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { z } from 'zod';

/**
 * The least that deckdown's libraries do for a deck, as the benchmark's reference: remark-parse
 * reads the Markdown, each heading of level 1 or 2 starts a slide whose blocks become its bullets
 * as plain text, zod validates that outline, and pptxgenjs writes it with its own zip. No syntax
 * extension, no theme, no fonts, no measuring, no fitting, no budget, no check. Bundled and run
 * in a fresh process as the CLI is: `floor.js deck.md out.pptx`.
 */

// pptxgenjs's types describe its CommonJS export as a namespace whose default is the class.
const PptxGenJS = pptxgenjs as unknown as typeof pptxgenjs.default;

const Outline = z.array(z.object({ title: z.string(), bullets: z.array(z.string()) }));

function outline(blocks: readonly RootContent[]): z.infer<typeof Outline> {
  const slides: { title: string; bullets: string[] }[] = [];
  for (const block of blocks) {
    if (block.type === 'heading' && block.depth <= 2) slides.push({ title: toString(block), bullets: [] });
    else if (block.type !== 'html') slides.at(-1)?.bullets.push(toString(block));
  }
  return Outline.parse(slides);
}

const [input, output] = process.argv.slice(2);
const tree = unified().use(remarkParse).parse(readFileSync(input!, 'utf8'));
const pptx = new PptxGenJS();
for (const { title, bullets } of outline(tree.children)) {
  const slide = pptx.addSlide();
  slide.addText(title, { x: 0.5, y: 0.3, w: 9, h: 1, fontSize: 32 });
  slide.addText(
    bullets.map((text) => ({ text, options: { bullet: true, breakLine: true } })),
    { x: 0.5, y: 1.4, w: 9, h: 4, fontSize: 20 },
  );
}
writeFileSync(output!, (await pptx.write({ outputType: 'uint8array', compression: true })) as Uint8Array);
