import type { HostileCase } from '../case.js';

/**
 * Hostile text: input built to make a regular expression or a recursion blow up, to go over a
 * budget, to break the XML of the package, or to write to the terminal through a message.
 */

const deck = (body: string) => `# Title\n\n${body}\n`;
const rows = (count: number, row: string) => Array.from({ length: count }, () => row).join('\n');
/** Every C0 control XML cannot hold: all but tab, line feed and carriage return, and NUL, which makes the CLI refuse the file as no text. */
const CONTROLS = Array.from({ length: 31 }, (_, code) => String.fromCharCode(code + 1)).filter((char) => !'\t\n\r'.includes(char)).join('');

export const cases: HostileCase[] = [
  // Time: each of these was quadratic or exponential.
  { name: '200 KB of spaces inside a paragraph', files: { 'deck.md': () => deck(`a${' '.repeat(200_000)}b`) }, expect: { exit: 0 } },
  {
    name: '100 KB of spaces in a code line before a closing bracket',
    files: { 'deck.md': () => deck(`\`\`\`\nx${' '.repeat(100_000)})\n\`\`\``) },
    expect: { exit: 0 },
  },
  { name: 'an :::each lead of 100k commas', files: { 'deck.md': () => `:::each\n- **${','.repeat(100_000)}x** rest\n:::\n` }, expect: { exit: 0 } },
  { name: 'a line of 30 quote markers before no fence (exponential before)', files: { 'deck.md': deck(`${'> '.repeat(30)}x`) }, expect: { exit: 0 } },
  // Laying out one paragraph continued over a hundred slides takes seconds, whatever it holds: these
  // are kept to a few dozen slides, and linear-time.test.ts feeds a megabyte to the patterns alone.
  { name: '4k unclosed CriticMarkup openings', files: { 'deck.md': () => deck('{++ a '.repeat(4000)) }, expect: { exit: 0 } },
  { name: 'an HTML tag with a 1 MB attribute name', files: { 'deck.md': () => deck(`x <a ${'b'.repeat(1_000_000)}> y`) }, expect: { exit: 0, rules: ['html-stripped'] } },
  { name: 'a note comment of 300k blank lines', files: { 'deck.md': () => deck(`<!--${'\n'.repeat(300_000)}-->`) }, expect: { exit: 0 } },
  { name: 'a note comment of 200k unclosed tags', files: { 'deck.md': () => deck(`<!-- ${'<a'.repeat(200_000)} -->`) }, expect: { exit: 0 } },
  { name: 'a link definition with 1 MB of spaces before its attributes', files: { 'deck.md': () => `[a]: x${' '.repeat(1_000_000)}y\n\n# T\n\nz\n` }, expect: { exit: 0 } },
  { name: 'a heading with 100 KB of spaces before an md2pptx id', files: { 'deck.md': () => `### T${' '.repeat(100_000)}[x]\n\ntext\n` }, expect: { exit: 0 } },
  { name: '1,000 lines of 1,000 spaces (the org-table check)', files: { 'deck.md': () => deck(rows(1000, ' '.repeat(1000))) }, expect: { exit: 0 } },
  { name: 'a fenced div opener followed by 20 KB of spaces and colons', files: { 'deck.md': () => `# T\n\n::: ${' :'.repeat(10_000)}x\n` }, expect: { exit: 0 } },

  // Recursion: every one of these overflowed the stack.
  { name: 'a footnote that refers to itself', files: { 'deck.md': deck('Text[^a]\n\n[^a]: see [^a]') }, expect: { exit: 0 } },
  {
    name: 'a chain of 1,000 footnotes, each citing the next',
    files: { 'deck.md': () => deck(`x[^0]\n\n${Array.from({ length: 1000 }, (_, index) => `[^${index}]: y[^${index + 1}]`).join('\n\n')}`) },
    expect: { exit: 0 },
  },
  { name: '1,000 nested quotes on one line', files: { 'deck.md': () => deck(`${'> '.repeat(1000)}x`) }, expect: { exit: 1, message: /nesting .* exceeds the limit of 64 \(--limit depth=<n> raises it\) \[over-limit\]/, at: 'deck.md:3:129' } },
  { name: '1,000 nested list levels on one line', files: { 'deck.md': () => deck(`${'- '.repeat(1000)}x`) }, expect: { exit: 1, message: /exceeds the limit of 64/, at: 'deck.md:3:129' } },
  {
    name: '300 list levels, each on its own line',
    files: { 'deck.md': () => deck(Array.from({ length: 300 }, (_, index) => `${'  '.repeat(index)}- a`).join('\n')) },
    expect: { exit: 1, message: /exceeds the limit of 64/, at: 'deck.md:67:129' },
  },
  { name: '1,000 nested emphasis spans', files: { 'deck.md': () => deck(`${'*a '.repeat(1000)}x${' b*'.repeat(1000)}`) }, expect: { exit: 1, message: /exceeds the limit of 64/, at: 'deck.md:3:193' } },
  { name: '20,000 nested HTML bold tags', files: { 'deck.md': () => deck(`${'a <b>'.repeat(20_000)}x${'</b>'.repeat(20_000)}`) }, expect: { exit: 1, message: /exceeds the limit of 64/, at: 'deck.md:3:1' } },
  { name: 'a speaker-note comment with 1,000 nested quotes', files: { 'deck.md': () => deck(`<!--\n${'> '.repeat(1000)}x\n-->`) }, expect: { exit: 1, message: /exceeds the limit of 64/, at: 'deck.md:3:1' } },
  { name: 'lists nested 60 deep, inside the limit, stay in the schema', files: { 'deck.md': () => deck(Array.from({ length: 60 }, (_, index) => `${'  '.repeat(index)}- level ${index}`).join('\n')) }, expect: { exit: 0 } },

  // Budgets.
  { name: 'an input over 10 MB', files: { 'deck.md': () => `# T\n\n${'a'.repeat(11 * 1024 * 1024)}\n` }, expect: { exit: 1, message: /input's size in bytes exceeds the limit of 10,485,760 \(--limit input-bytes=<n> raises it\) \[input-too-large\]/, at: 'deck.md:1:1' } },
  {
    name: 'a chart of 10,002 values',
    files: { 'deck.md': () => deck(`:::chart{type=line}\n| k | a | b |\n|---|---|---|\n${rows(5001, '| x | 1 | 2 |')}\n:::`) },
    expect: { exit: 1, message: /a chart of 10,002 values exceeds the limit of 10,000 \(--limit chart-points=<n> raises it\)/, at: 'deck.md:3:1' },
  },
  { name: 'a table of 10,002 cells', files: { 'deck.md': () => deck(`| k | v |\n|---|---|\n${rows(5000, '| x | 1 |')}`) }, expect: { exit: 1, message: /a table of 10,002 cells exceeds the limit of 10,000/, at: 'deck.md:3:1' } },
  { name: '20,001 slides', files: { 'deck.md': () => rows(20_001, '# a') }, expect: { exit: 1, message: /a deck of 20,001 slides exceeds the limit of 20,000/, at: 'deck.md:20001:1' }, timeout: 60 },

  // The package: every character and name escaped or removed, every value in range.
  { name: 'a control character in a chart cell', files: { 'deck.md': deck(':::chart{type=bar}\n| k | v |\n|---|---|\n| a\u0001b | 1 |\n:::') }, expect: { exit: 0, rules: ['invalid-character'] } },
  {
    name: 'a theme font name with a quote, a bracket and an ampersand',
    files: { 'theme.yaml': 'extends: default\nname: Evil\nfonts:\n  heading: \'H"<&x\'\n  body: \'B"<&/>y\'\n', 'deck.md': '---\ntheme: theme.yaml\n---\n\n# T\n\n:::chart{type=bar}\n| k | v |\n|---|---|\n| a | 1 |\n:::\n\nText\n' },
    expect: { exit: 0, rules: ['missing-font-file'] },
  },
  { name: '60 table columns', files: { 'deck.md': deck(`|${Array.from({ length: 60 }, (_, index) => `column ${index}`).join('|')}|\n|${'---|'.repeat(60)}\n|${Array.from({ length: 60 }, (_, index) => `value ${index} in words`).join('|')}|`) }, expect: { exit: 0 } },
  { name: 'every C0 control character in a paragraph', files: { 'deck.md': deck(`before${CONTROLS}after`) }, expect: { exit: 0, rules: ['invalid-character'], message: /deck\.md:3:7: warning: the character U\+0001 cannot be written/ } },
  { name: 'control characters in the title, author, heading, alt text and notes', files: { 'deck.md': '---\ntitle: "Ti\u0007tle"\nauthor: "A\u0008B"\n---\n\n# He\u0001ad\n\n![al\u0002t](missing.png)\n\n<!-- no\u0003te -->\n' }, expect: { exit: 0, rules: ['invalid-character', 'image-not-found'] } },
  { name: 'U+FFFE and U+FFFF in text', files: { 'deck.md': deck('a\uFFFEb\uFFFFc') }, expect: { exit: 0, rules: ['invalid-character'] } },
  { name: 'binary noise of control bytes', files: { 'deck.md': () => deck(rows(200, CONTROLS.repeat(10))) }, expect: { exit: 0, rules: ['invalid-character'], message: /more characters that cannot be written/ } },
  { name: 'an escape sequence in a front-matter key', files: { 'deck.md': '---\n"\u001b[31mred\u001b[0m": 1\n"\u009b2J": 2\n---\n\n# T\n\ntext\n' }, expect: { exit: 0, rules: ['unknown-key', 'invalid-character'], message: /\\u009b2J/ } },
  { name: 'an escape sequence in a chart cell that is then no number', files: { 'deck.md': deck(':::chart{type=bar}\n| k | v |\n|---|---|\n| a | \u001b[31m5 |\n:::') }, expect: { exit: 1, message: /is not a number/, at: 'deck.md:6:7' } },
  { name: 'bidi overrides in a heading quoted by a message', files: { 'deck.md': '# T\n\n[see](#\u202Egnp.exe)\n' }, expect: { exit: 0, rules: ['broken-link'], message: /\\u202e/ } },

  // Right to left, bidi controls and zero-width characters are kept.
  { name: 'Arabic and Hebrew paragraphs with bidi controls and zero-width joiners', files: { 'deck.md': '# مرحبا بالعالم\n\nשלום עולם, \u200Fשלום\u200E.\n\nA\u200Db\u200Bc \u2067inside\u2069 text\n\n- بند أول\n- Second item\n' }, expect: { exit: 0 } },

  // Links: only the web, e-mail and the deck's own slides.
  { name: 'a javascript: link', files: { 'deck.md': deck('[click](javascript:alert(1))') }, expect: { exit: 0, rules: ['unsafe-link'] } },
  { name: 'a file: link', files: { 'deck.md': deck('[passwords](file:///etc/passwd)') }, expect: { exit: 0, rules: ['unsafe-link'] } },
  { name: 'a data: link in an HTML anchor', files: { 'deck.md': deck('see <a href="data:text/html;base64,PHNjcmlwdD4=">this</a> here') }, expect: { exit: 0, rules: ['unsafe-link'] } },
  { name: 'a reference-style link in mixed case', files: { 'deck.md': deck('[click][x]\n\n[x]: JaVaScRiPt:alert(1)') }, expect: { exit: 0, rules: ['unsafe-link'] } },
  { name: 'a link to a program by its scheme', files: { 'deck.md': deck('[open](ms-excel:ofe|u|https://example.com/a.xlsx) and [call](tel:123)') }, expect: { exit: 0, rules: ['unsafe-link'] } },
  // One word no line holds, tried at each title size: over twenty seconds when each size counted every line.
  { name: 'a slide title of 300k commas', files: { 'deck.md': () => `# ${','.repeat(300_000)}x\n\nText.\n` }, expect: { exit: 0, rules: ['text-overflow'], message: /"(,{80})…(,{29})x" \(300,001 characters\)/ } },
];
