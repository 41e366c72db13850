import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { VFile } from 'vfile';
import { outlineProcessor, packageProperties, planSlides } from '../api.js';
import { completePackage } from '../render/render-pptx.js';

/**
 * One deck's build, stage by stage, in this process: what `npm run bench` runs in a child of
 * its own for each size, so that every size starts cold. Prints the milliseconds of each stage,
 * the slides and bytes made, and the peak memory, as JSON.
 *
 * - parse: Markdown → syntax tree (micromark and mdast, with every syntax extension);
 * - outline: the rest of `buildOutline`: the tree's transforms, and the deck it becomes;
 * - layout: `planSlides`, validation, measuring and fitting;
 * - render: pptxgenjs and the passes that complete its package;
 * - zip: the package's parts serialised and deflated.
 */
const path = process.argv[2]!;
const text = readFileSync(path, 'utf8');
const times: Record<string, number> = {};
const timed = async <T>(stage: string, work: () => T | Promise<T>): Promise<T> => {
  const start = performance.now();
  const result = await work();
  times[stage] = Math.round(performance.now() - start);
  return result;
};

const file = new VFile({ path, value: text });
const processor = outlineProcessor(file)!;
const tree = await timed('parse', () => processor.parse(file));
const deck = await timed('outline', () => processor.stringify(processor.runSync(tree, file), file));
const plan = await timed('layout', () => planSlides(deck, { baseDir: dirname(path) }));
const opc = await timed('render', () => completePackage(plan.placed, packageProperties(plan), undefined));
const pptx = await timed('zip', () => opc.zip());
// On Linux a child's maxRSS starts from its parent's peak when it was forked; VmHWM is its own.
const ownPeak = existsSync('/proc/self/status') ? readFileSync('/proc/self/status', 'utf8').match(/^VmHWM:\s+(\d+) kB$/m) : null;
const peakKb = ownPeak ? Number(ownPeak[1]) : process.resourceUsage().maxRSS;
process.stdout.write(`${JSON.stringify({ times, slides: plan.placed.slides.length, bytes: pptx.byteLength, peakMb: Math.round(peakKb / 1024) })}\n`);
