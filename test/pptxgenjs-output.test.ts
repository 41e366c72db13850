import { readFileSync } from 'node:fs';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildOutline, planSlides } from '../src/index.js';
import { writeWithPptxgen } from '../src/render/pptxgen.js';

/**
 * The render passes read what pptxgenjs writes. Its version is pinned, and this test records
 * the shape of its output (part names, and each part's element paths with their attribute
 * names) for a deck with every kind of frame. When an upgrade changes that shape, the test
 * fails: check every pass in src/render/ against the new output, then update the record with
 * `npx vitest run test/pptxgenjs-output.test.ts -u`.
 */
function paths(element: Element, prefix: string, into: Set<string>): void {
  const attributes = Array.from(element.attributes).map((attribute) => attribute.name).sort();
  const path = `${prefix}/${element.tagName}`;
  into.add(attributes.length > 0 ? `${path}[${attributes.join(' ')}]` : path);
  for (const child of Array.from(element.childNodes)) if (child.nodeType === child.ELEMENT_NODE) paths(child as Element, path, into);
}

/** Numbered parts (slides, layouts, charts, media) stand for their kind; pptxgenjs numbers charts per process. */
const kind = (name: string) => name.replace(/\d+(?=\.\w+(\.rels)?$)/, 'N');

describe('the pptxgenjs output the render passes rely on', () => {
  it('has the recorded parts and element structure', async () => {
    const path = new URL('../content/syntax.md', import.meta.url).pathname;
    const { deck } = buildOutline(readFileSync(path, 'utf8'), { path });
    const plan = planSlides(deck, { baseDir: new URL('../content/', import.meta.url).pathname });
    const parts = unzipSync(await writeWithPptxgen(plan.placed));
    const structures = new Map<string, Set<string>>();
    for (const [name, data] of Object.entries(parts)) {
      const structure = structures.get(kind(name)) ?? new Set<string>();
      structures.set(kind(name), structure);
      if (/\.(xml|rels)$/.test(name)) paths(new DOMParser().parseFromString(new TextDecoder().decode(data), 'text/xml').documentElement!, '', structure);
    }
    const record = [...structures.keys()].sort().flatMap((name) => [name, ...[...structures.get(name)!].sort().map((line) => `  ${line}`)]);
    await expect(`${record.join('\n')}\n`, 'pptxgenjs wrote a package of another shape: review src/render/ before updating the record').toMatchFileSnapshot('./snapshots/pptxgenjs-output.txt');
  });
});
