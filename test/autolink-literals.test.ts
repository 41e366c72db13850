import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { repoDecks } from './helpers/repo-decks.js';
import { buildOutline } from '../src/index.js';
import { mayHoldAutolinkLiteral, remarkAutolinkLiteralsWhereFound } from '../src/syntax/autolink-literals.js';

/**
 * GFM's search for autolink literals is skipped on a tree with no text it could find one in:
 * the tree is the one the search everywhere gives.
 */
const everywhere = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).freeze();
const whereFound = unified().use(remarkParse).use(remarkGfm).use(remarkAutolinkLiteralsWhereFound).use(remarkDirective).freeze();
const bothWays = (source: string) => [everywhere.parse(source), whereFound.parse(source)];


const piece = fc.constantFrom('www', 'WWW', '.', 'example', 'kz', 'http', 'HTTPS', 's', '://', ':', '/', '@', 'Қазақ', ' ', '\n', '*', '_', '[', ']', '(', ')', '`', '<', '>', '-', '+', '?', '1', '~');
const text = fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join(''));

describe('autolink literals, looked for where they may be', () => {
  it.each([
    'Visit www.example.com today.',
    'SEE WWW.EXAMPLE.KZ, then',
    'The report: https://example.org/a?b=1.',
    'HTTP://EXAMPLE.ORG',
    'Write to someone@example.kz.',
    'A list:\n\n- *www.example.com*\n- [a link](https://example.org) and http://example.net',
    'Қазақстан және БҰҰ: сілтемесі жоқ мәтін.',
    'Code `www.example.com` and `a@b.kz` only.',
    // The one text here that only the search after parsing makes a link of.
    'www.',
  ])('gives the tree the search everywhere gives: %j', (source) => {
    const [all, found] = bothWays(source);
    expect(found).toEqual(all);
  });

  it.each(repoDecks())(
    'gives the tree the search everywhere gives for %s',
    (_name, path) => {
      const [all, found] = bothWays(readFileSync(path, 'utf8'));
      expect(found).toEqual(all);
    },
  );

  it('gives the tree the search everywhere gives for random texts of link-like pieces', () => {
    fc.assert(
      fc.property(text, (source) => {
        const [all, found] = bothWays(source);
        expect(found).toEqual(all);
      }),
      { seed: 20261206, numRuns: 2000 },
    );
  });

  it('looks only in trees with text an autolink literal may start with', () => {
    expect(mayHoldAutolinkLiteral(everywhere.parse('No link; `www.example.com` is code, and [this](https://example.org) a link.'))).toBe(false);
    for (const source of ['go to www.example.com', 'HTTPS://EXAMPLE.ORG', 'a@b.kz', 'just an @ sign']) expect(mayHoldAutolinkLiteral(everywhere.parse(source))).toBe(true);
  });

  it('still makes links of them in a deck', async () => {
    const { deck } = await buildOutline('## Links\n\n- www.example.com\n- https://example.org\n- someone@example.kz\n');
    expect(JSON.stringify(deck)).toContain('"href":"http://www.example.com"');
    expect(JSON.stringify(deck)).toContain('"href":"https://example.org"');
    expect(JSON.stringify(deck)).toContain('"href":"mailto:someone@example.kz"');
  });
});
