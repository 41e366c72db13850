import fc from 'fast-check';
import type { Root } from 'mdast';
import { readFileSync } from 'node:fs';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { repoDecks } from './helpers/repo-decks.js';
import { stressDeck } from '../src/bench/stress-deck.js';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { remarkChunkedParse } from '../src/syntax/chunked-parse.js';
import { remarkTextMath } from '../src/syntax/text-math.js';
import { rewriteSource } from '../src/syntax/source-rewrites.js';

/**
 * pandoc's block syntax is rewritten with one parse where the rewrites touch no code: the text,
 * the tree and the messages are those of finding the code first, in a parse of its own.
 */

// The parser the rewrites wrap: remark-parse in pieces with the syntax extensions, without the rewrites.
const { parser } = unified().use(remarkParse).use(remarkChunkedParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm, { singleTilde: false }).use(remarkDirective).use(remarkTextMath).freeze();
const parseRoot = (text: string, file: VFile) => parser!(text, file) as Root;

function bothWays(source: string) {
  const [oneFile, codeFirstFile] = [new VFile({ value: source }), new VFile({ value: source })];
  let parses = 0;
  const counted = (text: string, file: VFile) => (parses++, parseRoot(text, file));
  const one = rewriteSource(source, counted, oneFile);
  const codeFirst = rewriteSource(source, parseRoot, codeFirstFile, true);
  return {
    one: { document: one.document, tree: one.tree ?? parseRoot(one.document, oneFile), messages: oneFile.messages.map(String) },
    codeFirst: { document: codeFirst.document, tree: parseRoot(codeFirst.document, codeFirstFile), messages: codeFirstFile.messages.map(String) },
    parses,
  };
}


const fenceLine = fc.constantFrom('::: notes', '::: {.notes}', ':::', '::: columns', '::: {.column width="40%"}', '::::: {.incremental}', ':::::');
const line = fc.oneof(fenceLine, fc.constantFrom('Text *with* [a link][un].', '[map]: map.png "Map" {width=50%}', '|----+----|', '| a | b |', '- item', '> quoted', '', '    indented'));
const lines = fc.array(line, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('\n'));
const block = fc.oneof(
  { weight: 3, arbitrary: lines },
  ...[
    (inner: string) => `\`\`\`\n${inner}\n\`\`\``,
    (inner: string) => `~~~~ python\n${inner}\n~~~~`,
    (inner: string) => `<div>\n${inner}\n</div>`,
    (inner: string) => `<!--\n${inner}\n-->`,
    (inner: string) => `$$\n${inner}\n$$`,
    (inner: string) => inner.split('\n').map((text) => `> ${text}`).join('\n'),
    (inner: string) => inner.split('\n').map((text, index) => (index === 0 ? `- ${text}` : `  ${text}`)).join('\n'),
    (inner: string) => `:::notes\n${inner}\n:::`,
  ].map((wrap) => ({ weight: 1, arbitrary: lines.map(wrap) })),
);
const front = fc.constantFrom('', '---\ntitle: T\n---\n\n', '---\ntitle: T\nnote: |\n  ::: notes\n...\n\n');
const peerDeck = fc.tuple(front, fc.array(fc.tuple(fc.constantFrom('## A', '## B', '# C'), fc.array(block, { minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 4 })).map(([head, slides]) => head + slides.map(([title, blocks]) => `${title}\n\n${blocks.join('\n\n')}`).join('\n\n') + '\n');

describe("pandoc's block syntax, rewritten in one parse", () => {
  it.each(repoDecks())(
    'gives the text, tree and messages of finding the code first for %s',
    (_name, path) => {
      const { one, codeFirst } = bothWays(readFileSync(path, 'utf8'));
      expect(one).toEqual(codeFirst);
    },
  );

  it('gives the text, tree and messages of finding the code first for random decks of fences in and out of code', () => {
    fc.assert(
      fc.property(peerDeck, (source) => {
        const { one, codeFirst } = bothWays(source);
        expect(one).toEqual(codeFirst);
      }),
      { seed: 20261206, numRuns: 2000 },
    );
  });

  it('parses a deck of pandoc notes once, and one with a fence in its code from its code first', () => {
    expect(bothWays(stressDeck(30)).parses).toBe(1);
    const fenceInCode = '## A\n\n::: notes\nSay it.\n:::\n\n```\n::: notes\n```\n';
    const { one, codeFirst, parses } = bothWays(fenceInCode);
    expect(parses).toBe(2);
    expect(one).toEqual(codeFirst);
    expect(one.document).toContain('```\n::: notes\n```');
  });
});
