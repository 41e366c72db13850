import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { repoDecks } from './helpers/repo-decks.js';
import { stressDeck } from '../src/bench/stress-deck.js';
import { createProcessor } from '../src/processor.js';
import { cutSource } from '../src/syntax/chunked-parse.js';
import { markdownDeck } from './helpers/arbitraries.js';

/**
 * Parsing in pieces gives the tree of the whole, node for node and position for position. Each
 * source is parsed whole and cut at every place it may be cut (pieces of any length), and the
 * two trees compared.
 */

const whole = createProcessor({ chunkChars: Infinity });
const cutEverywhere = createProcessor({ chunkChars: 0 });
const parsed = (processor: typeof whole, source: string) => processor.parse(new VFile({ value: source }));


const { tests } = createRequire(import.meta.url)('commonmark-spec') as { tests: { markdown: string; number: number; section: string }[] };

describe('parsing in pieces', () => {
  it.each(repoDecks())('gives the tree of the whole for %s', (_name, path) => {
    const source = readFileSync(path, 'utf8');
    expect(parsed(cutEverywhere, source)).toEqual(parsed(whole, source));
  });

  it('gives the tree of the whole for the CommonMark examples in one document, each under a heading', () => {
    const source = tests.map((example) => `# Example ${example.number}\n\n${example.markdown.replace(/→/g, '\t')}\n`).join('\n');
    // Examples leave fences, containers and HTML open: the cut waits for them to close, and still cuts.
    expect(cutSource(source, 0).length).toBeGreaterThan(200);
    expect(parsed(cutEverywhere, source)).toEqual(parsed(whole, source));
  });

  it('gives the tree of the whole for every section of examples as its own document', () => {
    const sections = new Map<string, typeof tests>();
    for (const example of tests) sections.set(example.section, [...(sections.get(example.section) ?? []), example]);
    for (const [section, examples] of sections) {
      const source = examples.map((example) => `${example.markdown.replace(/→/g, '\t')}\n\n# After ${example.number}\n`).join('\n');
      expect(parsed(cutEverywhere, source), section).toEqual(parsed(whole, source));
    }
  });

  it('gives the tree of the whole for random decks', () => {
    fc.assert(
      fc.property(markdownDeck, (source) => {
        expect(parsed(cutEverywhere, source)).toEqual(parsed(whole, source));
      }),
      { seed: 20261206, numRuns: 1000 },
    );
  });

  it('keeps references to definitions and footnotes in other pieces, and makes none where the whole has none', () => {
    const source = [
      '# One\n\nSee [the report][un] and [Un], a note[^n], and [nothing] here.\n',
      '# Two\n\n```\n[nothing]: not a definition, in code\n\n# not a cut: inside the fence\n```\n',
      '# Three\n\n:::notes\n# not a cut: inside the container\n:::\n\n<!--\n\n# not a cut: inside a comment\n-->\n',
      '# Four\n\n[un]: https://un.org "UN"\n\n[^n]: The note.\n',
    ].join('\n');
    expect(cutSource(source, 0).map((chunk) => chunk.text.split('\n')[0])).toEqual(['# One', '# Two', '# Three', '# Four']);
    const tree = parsed(cutEverywhere, source);
    expect(tree).toEqual(parsed(whole, source));
    expect(JSON.stringify(tree)).toContain('"type":"linkReference"');
    expect(JSON.stringify(tree)).toContain('"type":"footnoteReference"');
  });

  it('cuts a large deck into pieces of the size asked for, at slide headings', () => {
    const source = stressDeck(300);
    const chunks = cutSource(source);
    expect(chunks.length).toBeGreaterThanOrEqual(Math.floor(source.length / (8 * 1024 + 1024)));
    expect(chunks.map((chunk) => chunk.text).join('')).toBe(source);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.text.length).toBeGreaterThanOrEqual(8 * 1024);
    for (const chunk of chunks.slice(1)) expect(chunk.text).toMatch(/^#{1,2} /);
    expect(parsed(createProcessor(), source)).toEqual(parsed(whole, source));
  });
});
