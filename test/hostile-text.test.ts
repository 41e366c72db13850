import { VFileMessage } from 'vfile-message';
import { describe, expect, it } from 'vitest';
import { buildOutline, DeckdownError, defineTheme, markdownToPptx, planSlides } from '../src/index.js';
import { formatMessage } from '../src/diagnostics/format.js';
import { clipQuotes, printable } from '../src/diagnostics/printable.js';
import type { Limits } from '../src/limits.js';
import { isRightToLeft } from '../src/render/direction.js';
import { withoutXmlIllegal, xmlIllegalIn } from '../src/xml-chars.js';
import { readPackage, structuralProblems } from './helpers/package.js';

const errors = (source: string, limits?: Partial<Limits>) =>
  buildOutline(source, { path: 'deck.md', limits })
    .messages.filter((message) => message.fatal)
    .map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.reason}`);

const textOf = (source: string) => JSON.stringify(buildOutline(source).deck);

describe('footnotes that refer to footnotes', () => {
  it('a footnote that refers to itself is read once', () => {
    const { deck, messages } = buildOutline('# T\n\nText[^a]\n\n[^a]: see [^a]\n');
    const slide = deck.slides[0]!;
    expect(messages).toEqual([]);
    expect('footnotes' in slide && slide.footnotes).toEqual([{ label: '1', runs: [{ type: 'text', text: 'see ' }, { type: 'text', text: '1', superscript: true }] }]);
  });

  it('a chain of footnotes lists every one, in the order they are first referred to', () => {
    const chain = Array.from({ length: 3000 }, (_, index) => `[^${index}]: note ${index}[^${index + 1}]`).join('\n\n');
    const slide = buildOutline(`# T\n\nx[^0]\n\n${chain}\n`).deck.slides[0]!;
    const labels = 'footnotes' in slide ? slide.footnotes.map((note) => note.label) : [];
    expect(labels.length).toBe(3000);
    expect(labels.slice(0, 3)).toEqual(['1', '2', '3']);
  });
});

describe('nesting deeper than the depth limit', () => {
  const tooDeep = 'exceeds the limit of 64 (--limit depth=<n> raises it)';

  it('is an error at the first quote that goes too deep, on one line or many', () => {
    expect(errors(`# T\n\n${'> '.repeat(1000)}x\n`)).toEqual([`3:129 over-limit: nesting (quotes, lists, columns and formatting inside one another) ${tooDeep}`]);
    expect(errors(`# T\n\n${Array.from({ length: 100 }, (_, index) => '>'.repeat(index + 1)).join('\n')}\n`)[0]).toMatch(/^67:65 over-limit/);
  });

  it('counts lists, formatting and HTML tags', () => {
    expect(errors(`# T\n\n${'- '.repeat(100)}x\n`)[0]).toMatch(/^3:129 over-limit/);
    expect(errors(`# T\n\n${'*a '.repeat(100)}x${' b*'.repeat(100)}\n`)[0]).toMatch(/^3:193 over-limit/);
    expect(errors(`# T\n\n${'<b>'.repeat(20_000)}x\n`)[0]).toMatch(/^3:1 over-limit/);
  });

  it('reaches into speaker notes written as comments', () => {
    expect(errors(`# T\n\n<!--\n${'> '.repeat(1000)}x\n-->\n`)[0]).toMatch(/^3:1 over-limit/);
  });

  it('follows the limits option, and nothing within it is reported', () => {
    expect(errors(`# T\n\n${'> '.repeat(5)}x\n`, { depth: 4 })[0]).toMatch(/^3:9 over-limit: .* exceeds the limit of 4 /);
    expect(errors(`# T\n\n${'> '.repeat(100)}x\n`, { depth: 100 })).toEqual([]);
  });
});

describe('budgets', () => {
  it('an input over the size limit is an error at its start, not a throw', () => {
    expect(errors('# Title\n\ntext\n', { inputBytes: 10 })).toEqual(['1:1 over-limit: the input (14 bytes) exceeds the limit of 10 (--limit input-bytes=<n> raises it)']);
  });

  it('a table with more cells than allowed is an error at the table', () => {
    expect(errors('# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n', { tableCells: 4 })).toEqual(['3:1 over-limit: a table of 6 cells exceeds the limit of 4 (--limit table-cells=<n> raises it)']);
  });

  it('a chart with more values than allowed is an error at the chart', () => {
    const chart = '# T\n\n:::chart{type=bar}\n| k | a | b |\n|---|---|---|\n| x | 1 | 2 |\n| y | 3 | 4 |\n:::\n';
    expect(errors(chart, { chartPoints: 3 })).toEqual(['3:1 over-limit: a chart of 4 values exceeds the limit of 3 (--limit chart-points=<n> raises it)']);
    expect(errors(chart, { chartPoints: 4 })).toEqual([]);
  });

  it('more slides than allowed is an error at the first slide too many', () => {
    expect(errors('# a\n\n# b\n\n# c\n', { slides: 2 })).toEqual(['5:1 over-limit: a deck of 3 slides exceeds the limit of 2 (--limit slides=<n> raises it)']);
  });

  it('continued slides count: laying out more than allowed stops with a positioned error', () => {
    const long = `# Long\n\n${Array.from({ length: 40 }, (_, index) => `- Point ${index} has a sentence that takes a line of its own.`).join('\n')}\n`;
    const { deck } = buildOutline(long, { path: 'deck.md' });
    expect(() => planSlides(deck, { limits: { slides: 1 } })).toThrow(DeckdownError);
    expect(() => planSlides(deck, { limits: { slides: 1 } })).toThrow(/slides or more, continued slides included, exceeds the limit of 1 \(--limit slides=<n> raises it\) \[over-limit\]/);
  });
});

describe('characters a PowerPoint file cannot hold', () => {
  it('are found with their places, in one scan', () => {
    expect(xmlIllegalIn('ok\na\u0001b\n\uFFFF\ud800x\ud83d\ude00')).toEqual({
      places: [
        { codePoint: 'U+0001', line: 2, column: 2 },
        { codePoint: 'U+FFFF', line: 3, column: 1 },
        { codePoint: 'U+D800', line: 3, column: 2 },
      ],
      count: 3,
    });
    expect(xmlIllegalIn('\u0001\n\u0002\n\u0003', 1)).toEqual({ places: [{ codePoint: 'U+0001', line: 1, column: 1 }], count: 3 });
    // A surrogate pair is one character, and kept.
    expect(withoutXmlIllegal('a\u0000\ud83d\ude00\u001fb')).toBe('a\ud83d\ude00b');
  });

  it('are removed from text, titles, notes, alt text and metadata, each with a warning at its place', () => {
    const { deck, messages } = buildOutline('---\ntitle: "T\u0000itle"\n---\n\n# He\u0001ad\n\nte\u0002xt ![al\u0003t](x.png)\n\n<!-- no\u0004te -->\n', { path: 'deck.md' });
    const warnings = messages.filter((message) => message.ruleId === 'invalid-character').map((message) => `${message.line}:${message.column} ${message.reason}`);
    expect(warnings).toEqual([
      '2:10 the character U+0000 cannot be written to a PowerPoint file; it is removed',
      '5:5 the character U+0001 cannot be written to a PowerPoint file; it is removed',
      '7:3 the character U+0002 cannot be written to a PowerPoint file; it is removed',
      '7:11 the character U+0003 cannot be written to a PowerPoint file; it is removed',
      '9:8 the character U+0004 cannot be written to a PowerPoint file; it is removed',
    ]);
    expect(JSON.stringify(deck)).not.toMatch(/[\u0000-\u0008]/);
    expect(deck.meta.title).toBe('Title');
  });

  it('past twenty places, one message counts the rest', () => {
    const messages = buildOutline(`# T\n\n${'\u0001'.repeat(25)}x\n`).messages.filter((message) => message.ruleId === 'invalid-character');
    expect(messages.length).toBe(21);
    expect(messages.at(-1)!.reason).toBe('5 more characters that cannot be written to a PowerPoint file, from here on, are removed');
  });

  it('bidi controls and zero-width characters are kept', () => {
    expect(textOf('# T\n\na\u200Bb\u200Dc \u202Ed\u2069 \u200Fe\n')).toContain('a\u200Bb\u200Dc \u202Ed\u2069 \u200Fe');
  });
});

describe('a deck exits valid whatever its text', () => {
  const problems = async (source: string, options: Parameters<typeof markdownToPptx>[1] = {}) => structuralProblems(readPackage((await markdownToPptx(source, options)).pptx));

  it('a control character in a chart cell and a theme font with markup in it are escaped or removed', async () => {
    const theme = defineTheme({ extends: 'default', name: 'Hostile', fonts: { heading: 'H"<&x', body: 'B"<&/>y' } });
    const source = '# T\n\n:::chart{type=bar}\n| k | v |\n|---|---|\n| a\u0001b | 1 |\n:::\n';
    const { pptx } = await markdownToPptx(source, { theme });
    const parts = readPackage(pptx);
    expect(structuralProblems(parts)).toEqual([]);
    expect(parts.get('ppt/charts/chart1.xml')).toContain('typeface="B&quot;&lt;&amp;/&gt;y"');
  });

  it('lists nested past the schema\'s indent range are clamped to it', async () => {
    const source = `# T\n\n${Array.from({ length: 150 }, (_, index) => `${'  '.repeat(index)}- a`).join('\n')}\n`;
    expect(await problems(source, { limits: { depth: 200 } })).toEqual([]);
  });

  it('right-to-left paragraphs are marked rtl and set from the right', async () => {
    const { pptx } = await markdownToPptx('# T\n\nשלום עולם\n\nHello עולם\n');
    const parts = readPackage(pptx);
    expect(structuralProblems(parts)).toEqual([]);
    const slide = parts.get('ppt/slides/slide1.xml')!;
    expect(slide).toMatch(/<a:pPr[^>]*algn="r" rtl="1"[^>]*>.*?<a:t>שלום עולם<\/a:t>/);
    expect(slide).not.toMatch(/rtl="1"[^>]*>(?:(?!<\/a:p>).)*<a:t>Hello/);
  });

  it('a paragraph reads right to left when its first strong character does', () => {
    expect(isRightToLeft('«مرحبا» world')).toBe(true);
    expect(isRightToLeft('2024: שלום')).toBe(true);
    expect(isRightToLeft('Version 2: שלום')).toBe(false);
    expect(isRightToLeft('\u200Fabc')).toBe(true);
    expect(isRightToLeft('123 …')).toBe(false);
  });
});

describe('link targets', () => {
  const hrefs = (source: string) => {
    const { deck, messages } = buildOutline(source, { path: 'deck.md' });
    return { hrefs: [...JSON.stringify(deck).matchAll(/"href":"([^"]*)"/g)].map((match) => match[1]), warnings: messages.filter((message) => message.ruleId === 'unsafe-link').map((message) => `${message.line}:${message.column}`) };
  };

  it('web pages, e-mail and the deck\'s slides are links', () => {
    expect(hrefs('# T {#top}\n\n[a](https://example.com) [b](http://x.org) [c](mailto:a@b.c) [d](#top) www.example.com\n')).toEqual({ hrefs: ['https://example.com', 'http://x.org', 'mailto:a@b.c', '#top', 'http://www.example.com'], warnings: [] });
  });

  it('javascript:, file:, data:, other schemes and paths keep their text without the link, with a warning', () => {
    const source = '# T\n\n[a](javascript:alert(1)) [b](file:///etc/passwd) <a href="data:text/html,x">c</a> [d][r] [e](notes.pdf)\n\n[r]: VBScript:msgbox\n';
    const found = hrefs(source);
    expect(found.hrefs).toEqual([]);
    expect(found.warnings.length).toBe(5);
    expect(JSON.stringify(buildOutline(source).deck)).toContain('"text":"a b c d e"');
  });
});

describe('messages', () => {
  it('control, escape and bidi characters are written as escapes', () => {
    expect(printable('a\u001b[31mred\u009b2J\u202Eb\nc\td')).toBe('a\\u001b[31mred\\u009b2J\\u202eb\\u000ac\\u0009d');
    const message = new VFileMessage('unknown key "\u001b[31m"', { place: { line: 2, column: 1 } });
    expect(formatMessage(message, 'deck\u0007.md')).toBe('deck\\u0007.md:2:1: info: unknown key "\\u001b[31m"');
  });

  it('quote a long text by its ends and its length, never cutting a character in two', () => {
    const title = `${'😀'.repeat(100)}middle${'ә'.repeat(100)}`;
    const clipped = clipQuotes(`slide 3 "${title}" does not fit; "short" stays`);
    expect(clipped).toBe(`slide 3 "${'😀'.repeat(80)}…${'ә'.repeat(30)}" (206 characters) does not fit; "short" stays`);
    expect(clipQuotes(`"${'x'.repeat(120)}"`)).toBe(`"${'x'.repeat(120)}"`);
    // Through the build: a title of 20,000 characters that fits no frame is named, not repeated.
    const { messages } = planSlides(buildOutline(`# ${','.repeat(20_000)}\n\nText.\n`).deck);
    const overflow = messages.filter((message) => message.ruleId === 'text-overflow');
    expect(overflow.length).toBeGreaterThan(0);
    for (const message of overflow) {
      expect(message.reason).toContain('(20,000 characters)');
      expect(message.reason.length).toBeLessThan(400);
    }
  });
});
