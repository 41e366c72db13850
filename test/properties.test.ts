import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildOutline, DeckdownError, DeckSchema, markdownToPptx, renderPptx } from '../src/index.js';
import { markdownDeck } from './helpers/arbitraries.js';
import { hasLibreOffice, pageCount, pptxToPdf } from './helpers/libreoffice.js';
import { readPackage, slideNames, structuralProblems } from './helpers/package.js';

/**
 * Property tests: whatever Markdown or outline JSON comes in, deckdown either builds a deck that
 * passes the structural and schema checks, or reports the problem through its one documented
 * error type. Seeds are fixed so a failure reproduces; fast-check prints the smallest input.
 */
const dir = mkdtempSync(join(tmpdir(), 'deckdown-properties-'));
const path = join(dir, 'deck.md');
const SEED = 20261206;

/** The deck's bytes, or undefined when the input was refused as documented; anything else is thrown on. */
async function built(source: string): Promise<Uint8Array | undefined> {
  try {
    return (await markdownToPptx(source, { path })).pptx;
  } catch (error) {
    if (error instanceof DeckdownError) return undefined;
    throw error;
  }
}

describe('random Markdown from the authoring language', () => {
  it('always gives an outline, never an exception', () => {
    fc.assert(
      fc.property(markdownDeck, (source) => {
        const { deck, messages } = buildOutline(source, { path });
        if (!messages.some((message) => message.fatal)) expect(DeckSchema.safeParse(deck).success).toBe(true);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('always gives a valid deck, or a DeckdownError', async () => {
    await fc.assert(
      fc.asyncProperty(markdownDeck, async (source) => {
        const pptx = await built(source);
        if (pptx) expect(structuralProblems(readPackage(pptx))).toEqual([]);
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('random text, not Markdown at all, gives an outline too', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (source) => {
        expect(() => buildOutline(source, { path })).not.toThrow();
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

/** A change at one place in an outline: the value replaced by anything JSON can hold. */
const mutation = fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 2 }));

/** Every value in a JSON tree, with a way to replace it. */
function slots(value: unknown, set: (next: unknown) => void, into: ((next: unknown) => void)[] = []): ((next: unknown) => void)[] {
  into.push(set);
  if (Array.isArray(value)) value.forEach((item, index) => slots(item, (next) => (value[index] = next), into));
  else if (value && typeof value === 'object') for (const key of Object.keys(value)) slots((value as Record<string, unknown>)[key], (next) => ((value as Record<string, unknown>)[key] = next), into);
  return into;
}

async function rendered(outline: unknown): Promise<Uint8Array | undefined> {
  try {
    return await renderPptx(outline, { baseDir: dir });
  } catch (error) {
    if (error instanceof DeckdownError) return undefined;
    throw error;
  }
}

describe('random outline JSON', () => {
  it('anything JSON can hold is a valid deck or a DeckdownError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (outline) => {
        const pptx = await rendered(outline);
        if (pptx) expect(structuralProblems(readPackage(pptx))).toEqual([]);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('real outlines with values changed at random are valid decks or DeckdownErrors', async () => {
    await fc.assert(
      fc.asyncProperty(markdownDeck, fc.array(mutation, { minLength: 1, maxLength: 3 }), async (source, changes) => {
        const outline = JSON.parse(JSON.stringify(buildOutline(source, { path }).deck)) as unknown;
        const holder = { outline };
        for (const [at, value] of changes) {
          const places = slots(holder.outline, (next) => (holder.outline = next));
          places[at % places.length]!(value);
        }
        const pptx = await rendered(holder.outline);
        if (pptx) expect(structuralProblems(readPackage(pptx))).toEqual([]);
      }),
      { seed: SEED, numRuns: 40 },
    );
  });
});

describe.skipIf(!hasLibreOffice)('a sample of random decks', () => {
  it('opens in LibreOffice, one page per slide', async () => {
    const samples = fc.sample(markdownDeck, { seed: SEED, numRuns: 3 });
    let opened = 0;
    for (const [index, source] of samples.entries()) {
      const pptx = await built(source);
      if (!pptx) continue;
      const pdf = await pptxToPdf(pptx, `random-${index}`);
      expect(await pageCount(pdf)).toBe(slideNames(readPackage(pptx)).length);
      opened += 1;
    }
    expect(opened).toBeGreaterThan(0);
  });
});
