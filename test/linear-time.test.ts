import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { buildOutline, loadTheme, planSlides } from '../src/index.js';
import { FontSet } from '../src/fonts/font-set.js';
import { Measurer } from '../src/layout/measure.js';
import { rewriteFencedDivs } from '../src/syntax/fenced-divs.js';
import { headingDividerIn, inlineHtmlToMdast } from '../src/syntax/html.js';
import { inlineNotes } from '../src/syntax/inline-notes.js';
import { inlineSyntaxToMdast } from '../src/syntax/inline-syntax.js';
import { fastestRun } from './helpers/fastest-run.js';
import { paragraph } from './helpers/paragraph.js';

/**
 * Every regular expression and loop that reads the source runs in linear time. Each place that
 * was quadratic (or exponential) is fed about a megabyte built to make it backtrack. Before the
 * fix each took from minutes to forever at this size; in linear time each takes a few seconds at
 * most on a two-core machine (the parser and the font shaper, which are linear, take most of it),
 * and up to three times as long while LibreOffice and other tests share the cores (10.7 s, three
 * runs in a row, for one that takes 3–4 s alone). The bound, 30 s, is still well under what the
 * quadratic forms took; the fastest of up to three runs counts, since a busy moment can stretch one.
 */
const BOUND_MS = 30_000;
const MB = 1_000_000;

const seconds = (work: () => unknown): number => fastestRun(work, BOUND_MS);

const outline = (source: string) => () => buildOutline(source, { path: 'deck.md' });
const textTree = (value: string): Root => ({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value }] }] });

describe('linear time on a megabyte of hostile source', () => {
  const places: [string, () => unknown][] = [
    ['spaces inside a paragraph (soft line breaks, outline/inline.ts)', outline(`# T\n\na${' '.repeat(MB)}b\n`)],
    ['commas after an :::each lead (mdast-to-deck.ts)', outline(`:::each\n- **${','.repeat(MB)}x** rest\n:::\n`)],
    // Forty markers were enough to never finish: each split of `> > ` between two markers was tried.
    ['forty quote markers before no fence (source-rewrites.ts)', outline(`# T\n\n${'> '.repeat(40)}x\n`)],
    ['a megabyte of quote markers before a fence (fenced-divs.ts)', () => rewriteFencedDivs(`${'> '.repeat(MB / 2)}x\n${'> '.repeat(MB / 2)}::: notes\n:::\n`, new Set())],
    ['colons and spaces after a fence (fenced-divs.ts)', outline(`# T\n\n::: ${' :'.repeat(MB / 2)}x\n`)],
    ['lines of spaces (the org-table check, source-rewrites.ts)', outline(`# T\n\n${`${' '.repeat(1000)}\n`.repeat(MB / 1000)}x\n`)],
    ['spaces before a definition\'s attributes (source-rewrites.ts)', outline(`[a]: x${' '.repeat(MB)}y\n\n# T\n\nz\n`)],
    ['spaces before an md2pptx heading id (remark-peer-syntax.ts)', outline(`### T${' '.repeat(MB)}x\n\ntext\n`)],
    ['an attribute name of an HTML tag (html.ts)', outline(`# T\n\nx <a ${'b'.repeat(MB)}> y\n`)],
    // Half a megabyte: the parser reads the note twice, as a comment and as Markdown, and that is
    // most of the time (2 s alone, 8.5–10.4 s beside LibreOffice at a megabyte); the quadratic form
    // took 154 s on this much.
    ['unclosed tags in a note (comments.ts)', outline(`# T\n\n<!-- ${'<a'.repeat(MB / 4)} -->\n`)],
    ['a headingDivider directive after blank lines (html.ts)', () => headingDividerIn(`${'\n'.repeat(MB)}x`)],
    ['digits of a headingDivider (html.ts)', () => headingDividerIn(`headingDivider: ${'1'.repeat(MB)}`)],
    ['spaces inside an HTML tag that does not close (html.ts)', () => inlineHtmlToMdast([{ type: 'html', value: `<a${' '.repeat(MB)}x` }], new VFile())],
    ['unclosed CriticMarkup (inline-syntax.ts)', () => inlineSyntaxToMdast([{ type: 'text', value: '{++'.repeat(MB / 3) }], new VFile())],
    ['unclosed TeX optional arguments (inline-syntax.ts)', () => inlineSyntaxToMdast([{ type: 'text', value: '\\a['.repeat(MB / 3) }], new VFile())],
    ['an md2pptx background url that never closes (remark-peer-syntax.ts)', outline(`# T\n\nlayout: x\nbackground-image: ${'url(a'.repeat(MB / 5)}\n\ntext\n`)],
    ['a footnote chain (footnotes.ts)', outline(`# T\n\nx[^0]\n\n${Array.from({ length: 5000 }, (_, index) => `[^${index}]: y[^${index + 1}]`).join('\n\n')}\n`)],
    // The parser itself takes minutes on a hundred thousand `[b]` in one paragraph (bounded by `build-seconds`): the notes are read from a tree.
    ['inline notes that never close (inline-notes.ts)', () => inlineNotes(textTree('^['.repeat(MB / 2)), '^[')],
    ['inline notes nested a hundred thousand deep (inline-notes.ts)', () => inlineNotes(textTree(`${'^['.repeat(100_000)}x${']'.repeat(100_000)}`), '^[')],
    ['a hundred thousand inline notes in one paragraph (inline-notes.ts)', () => inlineNotes(textTree('a^[b] '.repeat(100_000)), '^[')],
    ['control characters to remove (xml-chars.ts)', outline(`# T\n\n${'\u0001'.repeat(MB)}x\n`)],
  ];
  for (const [name, work] of places) {
    it(name, () => expect(seconds(work)).toBeLessThan(BOUND_MS));
  }

  it('spaces in a code line before a closing bracket (layout/measure.ts)', () => {
    const measure = new Measurer(new FontSet(), loadTheme('default').fonts.fallback);
    const line = paragraph(`x${' '.repeat(MB)})`, 18, 'Noto Sans Mono');
    expect(seconds(() => measure.lines(line, 600))).toBeLessThan(BOUND_MS);
  });

  it('a word of 200,000 runs, broken between characters (layout/measure.ts)', () => {
    // `**a**b` repeated: each character is measured in its own run's style, found by a search
    // through every run before (over a minute), by binary search now (under a second).
    const measure = new Measurer(new FontSet(), loadTheme('default').fonts.fallback);
    const word = paragraph('');
    const [run] = word.runs;
    if (run?.type !== 'text') throw new Error('a text run');
    word.runs = Array.from({ length: 200_000 }, (_, index) => ({ ...run, text: index % 2 ? 'b' : 'a', bold: index % 2 === 0 }));
    expect(seconds(() => measure.lines(word, 600))).toBeLessThan(BOUND_MS);
  });
});

describe('linear time in the layout of a long title', () => {
  it('a title of 200,000 commas, tried at each size down to its floor (layout-deck.ts, measure.ts)', () => {
    // One word that no line holds. Each size tried counted all its lines and read it character by
    // character for fonts (fourteen seconds at this size); a title needs to know of three lines
    // at most, and the fonts of a text are the same at every size (under three seconds).
    const source = `:::each\n- **${','.repeat(200_000)}x** rest\n:::\n`;
    expect(seconds(() => planSlides(buildOutline(source, { path: 'deck.md' }).deck))).toBeLessThan(BOUND_MS);
  });
});
