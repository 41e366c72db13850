import fc from 'fast-check';

/**
 * Random decks from deckdown's authoring language: every construct the README documents, nested,
 * with text that mixes Kazakh, right-to-left scripts, emoji, markup characters, controls and
 * unpaired surrogates. Used by the property tests; sizes stay small so that many runs fit.
 */

const WORDS = ['Әлем', 'ғасыр', 'Қазақстан', 'peace', 'مرحبا', 'שלום', '数据', '👩‍💻', 'x²', 'a&b', '<tag>', '"q"', "it's", '\u200b', '\u200f', '\u202e', '\u0007', '\u001b[31m', '\uFFFE', '\ud800', '\t', '&amp;', ']]>', '{.class}', '|', '\\'];

const word = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }) },
);

/** A line of text without line breaks. */
const text = fc.array(word, { minLength: 1, maxLength: 10 }).map((words) => words.join(' ').replace(/[\r\n]+/g, ' '));

const inline = fc.oneof(
  { weight: 4, arbitrary: text },
  ...[
    (t: string) => `*${t}*`,
    (t: string) => `**${t}**`,
    (t: string) => `\`${t}\``,
    (t: string) => `~~${t}~~`,
    (t: string) => `[${t}](https://example.com/page)`,
    (t: string) => `[${t}](#a-slide)`,
    (t: string) => `[${t}](javascript:alert(1))`,
    (t: string) => `![${t}](missing.png)`,
    (t: string) => `![${t}](https://example.com/a.png)`,
    (t: string) => `${t}[^1]`,
    (t: string) => `$x^2 + ${t.length}$`,
    (t: string) => `<b>${t}</b>`,
    (t: string) => `${t}{.big}`,
  ].map((wrap) => ({ weight: 1, arbitrary: text.map(wrap) })),
);

const paragraph = fc.array(inline, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' '));

const table = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.array(text, { minLength: 30, maxLength: 30 }))
  .map(([columns, rows, cells]) => {
    const row = (offset: number) => `| ${Array.from({ length: columns }, (_, index) => cells[(offset + index) % cells.length]!.replace(/\|/g, '\\|')).join(' | ')} |`;
    return [row(0), `|${' --- |'.repeat(columns)}`, ...Array.from({ length: rows }, (_, index) => row((index + 1) * columns))].join('\n');
  });

const chart = fc
  .tuple(fc.constantFrom('bar', 'line', 'pie', 'doughnut'), fc.array(fc.tuple(text, fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: true, min: -1e6, max: 1e6 }))), { minLength: 1, maxLength: 6 }))
  .map(([type, rows]) => `:::chart{type=${type}}\n| Label | Value |\n| --- | --- |\n${rows.map(([label, value]) => `| ${label.replace(/\|/g, '')} | ${value} |`).join('\n')}\n:::`);

const code = fc.tuple(fc.constantFrom('', 'ts', 'python', 'nonsense'), fc.array(text, { minLength: 1, maxLength: 6 })).map(([lang, lines]) => `\`\`\`${lang}\n${lines.join('\n').replace(/```/g, '')}\n\`\`\``);

const indent = (block: string, by: string) => block.split('\n').map((line) => by + line).join('\n');

const { block } = fc.letrec<{ block: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    paragraph,
    text.map((t) => `## ${t}`),
    text.map((t) => `### ${t}`),
    fc.array(fc.tuple(paragraph, fc.option(tie('block'), { nil: undefined })), { minLength: 1, maxLength: 4 }).map((items) => items.map(([first, nested]) => `- ${first}${nested ? `\n\n${indent(nested, '  ')}` : ''}`).join('\n')),
    fc.array(paragraph, { minLength: 1, maxLength: 4 }).map((items) => items.map((item, index) => `${index + 1}. ${item}`).join('\n')),
    fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((items) => items.map((item, index) => `- [${index % 2 ? 'x' : ' '}] ${item}`).join('\n')),
    tie('block').map((inner) => indent(inner, '> ')),
    code,
    table,
    chart,
    fc.tuple(tie('block'), tie('block')).map(([left, right]) => `::::columns\n:::column\n${left}\n:::\n:::column\n${right}\n:::\n::::`),
    tie('block').map((inner) => `:::notes\n${inner}\n:::`),
    fc.tuple(text, fc.array(text, { minLength: 1, maxLength: 4 })).map(([lead, items]) => `:::each\n${lead}: ${items.join(', ')}\n:::`),
    fc.constant('---'),
    text.map((t) => `<!-- ${t.replace(/--/g, '')} -->`),
    text.map((t) => `$$\n${t}\n$$`),
    text.map((t) => `[^1]: ${t}`),
    fc.constant('![picture](missing.png)'),
  ),
}));

const frontMatter = fc
  .record(
    {
      title: text,
      lang: fc.constantFrom('kk-KZ', 'en-US', 'ar', 'he', 'ru-RU'),
      theme: fc.constantFrom('default', 'dark', 'lecture'),
      aspect: fc.constantFrom('16:9', '4:3'),
      footer: text,
      slideNumbers: fc.boolean(),
      toc: fc.boolean(),
    },
    { requiredKeys: [] },
  )
  .map((values) => `---\n${Object.entries(values).map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join('\n')}\n---\n\n`);

/** A whole deck: front matter, and slides of blocks under headings. */
export const markdownDeck = fc
  .tuple(fc.option(frontMatter, { nil: '' }), fc.array(fc.tuple(text, fc.array(block, { minLength: 0, maxLength: 4 })), { minLength: 1, maxLength: 5 }))
  .map(([front, slides]) => `${front}${slides.map(([title, blocks]) => `# ${title}\n\n${blocks.join('\n\n')}`).join('\n\n')}\n`);
