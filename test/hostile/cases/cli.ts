import { PNG } from 'pngjs';
import type { HostileCase } from '../case.js';

/**
 * The command line as a stranger drives it: stdin and stdout, folders, encodings, sizes past
 * the input budget, bad flags, hostile file names, and a link planted where the output is
 * written.
 */

const deck = '---\ntitle: A talk\n---\n\n# First\n\nSome text.\n';

function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return order === 'le' ? le : Buffer.from(le.map((_, index) => le[index ^ 1]!));
}

/** Markdown with `bytes` spliced in at line 3, column 5. */
const withBytes = (bytes: number[]) => Buffer.concat([Buffer.from('# Title\n\nabc '), Buffer.from(bytes), Buffer.from(' rest\n')]);

function png(): Uint8Array {
  const picture = new PNG({ width: 4, height: 4 });
  picture.data.fill(0x80);
  return PNG.sync.write(picture);
}

/** A Markdown paragraph of `size` bytes. */
const large = (size: number) => () => `# Large\n\n${'word '.repeat(Math.ceil(size / 5))}\n`;

/**
 * Links at the names an older deckdown gave its temporary file (`.deck.pptx.<pid>.tmp`), for
 * the process ids the CLI is likely to get, each to a folder that does not exist: a writer that
 * followed one would fail.
 */
function plantedLinks(): Record<string, { symlink: string }> {
  const links: Record<string, { symlink: string }> = {};
  for (let pid = process.pid; pid < process.pid + 2000; pid += 1) links[`.deck.pptx.${pid}.tmp`] = { symlink: '../no-such-folder/deck.pptx' };
  return links;
}

const ESC = '\x1b';

export const cases: HostileCase[] = [
  {
    name: 'a deck on stdin written to stdout with -o -',
    files: {},
    args: ['build', '-', '-o', '-'],
    stdin: deck,
    expect: { exit: 0, stdoutDeck: true },
  },
  {
    name: 'a deck on stdin whose picture is relative to the working directory',
    files: { 'pic.png': png() },
    args: ['-', '-o', '-'],
    stdin: '# Picture\n\n![A square](pic.png)\n',
    expect: { exit: 0, stdoutDeck: true },
  },
  {
    name: 'a deck on stdin written to the file -o names',
    files: {},
    args: ['build', '-', '-o', 'deck.pptx'],
    stdin: deck,
    expect: { exit: 0, decks: ['deck.pptx'] },
  },
  {
    name: 'a deck on stdin with no -o is a usage error',
    files: {},
    args: ['build', '-'],
    stdin: deck,
    expect: { exit: 2, message: /a deck read from stdin has no folder to be written next to/ },
  },
  {
    name: 'stdin named twice is a usage error',
    files: {},
    args: ['build', '-', '-', '-o', '-'],
    stdin: deck,
    expect: { exit: 2, message: /- \(stdin\) is given twice/ },
  },
  {
    name: '-o - with two inputs is a usage error',
    files: { 'deck.md': deck, 'other.md': deck },
    args: ['build', 'deck.md', 'other.md', '-o', '-'],
    expect: { exit: 2, message: /-o - writes one deck to stdout, but there are 2 inputs/ },
  },
  {
    name: '--outline - is a usage error',
    files: { 'deck.md': deck },
    args: ['build', 'deck.md', '--outline', '-'],
    expect: { exit: 2, message: /--outline writes a file/ },
  },
  {
    name: 'UTF-16 LE with a byte order mark is decoded',
    files: { 'deck.md': utf16('# Сәлем\n\nUTF-16 text.\n', 'le') },
    expect: { exit: 0 },
  },
  {
    name: 'UTF-16 BE with a byte order mark is decoded',
    files: { 'deck.md': utf16('# Сәлем\n\nUTF-16 text.\n', 'be') },
    expect: { exit: 0 },
  },
  {
    name: 'a UTF-8 byte order mark before the front matter is dropped',
    files: { 'deck.md': `\uFEFF${deck}` },
    expect: { exit: 0 },
  },
  {
    name: 'UTF-16 with a lone surrogate is refused',
    files: { 'deck.md': Uint8Array.from([0xff, 0xfe, 0x23, 0x00, 0x20, 0x00, 0x00, 0xd8, 0x41, 0x00]) },
    expect: { exit: 1, message: /not valid UTF-16LE/, at: 'deck.md:1:1' },
  },
  {
    name: 'UTF-16 without a byte order mark is refused as not text',
    files: { 'deck.md': Buffer.from('# Title\n\nText.\n', 'utf16le') },
    expect: { exit: 1, message: /not a text file: it holds NUL bytes \(binary data, or UTF-16 without a byte order mark\)/, at: 'deck.md:1:1' },
  },
  {
    name: 'an invalid UTF-8 byte is an error at its line and column',
    files: { 'deck.md': withBytes([0xff]) },
    expect: { exit: 1, message: /byte 0xFF is not valid UTF-8/, at: 'deck.md:3:5' },
  },
  {
    name: 'an overlong UTF-8 encoding is an error at its place',
    files: { 'deck.md': withBytes([0xc0, 0xaf]) },
    expect: { exit: 1, message: /byte 0xC0 is not valid UTF-8/, at: 'deck.md:3:5' },
  },
  {
    name: 'an encoded surrogate (CESU-8) is an error at its place',
    files: { 'deck.md': withBytes([0xed, 0xa0, 0x80]) },
    expect: { exit: 1, message: /byte 0xED is not valid UTF-8/, at: 'deck.md:3:5' },
  },
  {
    name: 'a UTF-8 sequence cut off at the end of the file is an error at its place',
    files: { 'deck.md': Buffer.concat([Buffer.from('# Title\n\nabc '), Buffer.from([0xe2, 0x82])]) },
    expect: { exit: 1, message: /byte 0xE2 is not valid UTF-8/, at: 'deck.md:3:5' },
  },
  {
    name: 'a picture named deck.md is refused as binary',
    files: { 'deck.md': png() },
    expect: { exit: 1, message: /holds NUL bytes/, at: 'deck.md:1:1' },
  },
  {
    name: 'a zip package named deck.md is refused as not text',
    files: { 'deck.md': Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]) },
    expect: { exit: 1, message: /is a zip package/, at: 'deck.md:1:1' },
  },
  {
    name: '/dev/zero as the input stops at the input budget',
    files: {},
    args: ['build', '/dev/zero', '-o', 'zero.pptx'],
    expect: { exit: 1, message: /the input's size in bytes exceeds the limit of 10,485,760 \(--limit input-bytes=<n> raises it\) \[input-too-large\]/ },
    timeout: 15,
  },
  {
    name: 'a file over the input budget is refused by its size',
    files: { 'deck.md': large(11 * 1024 * 1024) },
    expect: { exit: 1, message: /exceeds the limit of 10,485,760/, at: 'deck.md:1:1' },
  },
  {
    name: 'stdin over the input budget is refused',
    files: {},
    args: ['build', '-', '-o', '-'],
    stdin: large(11 * 1024 * 1024),
    expect: { exit: 1, message: /<stdin>:1:1: error: the input's size in bytes exceeds the limit/ },
  },
  {
    name: '--limit input-bytes lowers the input budget',
    files: { 'deck.md': large(5000) },
    args: ['build', 'deck.md', '--limit', 'input-bytes=1k'],
    expect: { exit: 1, message: /exceeds the limit of 1,024/, at: 'deck.md:1:1' },
  },
  {
    name: '--limit with a value that is not a number is a usage error',
    files: { 'deck.md': deck },
    args: ['build', 'deck.md', '--limit', 'slides=many'],
    expect: { exit: 2, message: /--limit slides=many: expected name=number/ },
  },
  {
    name: '--limit with an unknown name is a usage error',
    files: { 'deck.md': deck },
    args: ['build', 'deck.md', '--limit', 'everything=0'],
    expect: { exit: 2, message: /--limit everything=0: expected name=number, with a name among input-bytes/ },
  },
  {
    name: 'a mistyped command gets a suggestion',
    files: { 'deck.md': deck },
    args: ['biuld', 'deck.md'],
    expect: { exit: 2, message: /unknown command "biuld"; did you mean "build"\?/ },
  },
  {
    name: 'an option the command does not take is a usage error',
    files: { 'deck.md': deck },
    args: ['check', 'deck.md', '--watch'],
    expect: { exit: 2, message: /--watch is not an option of check\nRun "deckdown check --help"/ },
  },
  {
    name: 'a file name with ESC is escaped in every message',
    files: { [`e${ESC}[2Jvil.md`]: '---\ntitel: x\n---\n\n# Slide\n\nText.\n' },
    args: ['build', `e${ESC}[2Jvil.md`],
    expect: { exit: 0, decks: [`e${ESC}[2Jvil.pptx`], rules: ['unknown-key'], message: /e\\u001b\[2Jvil\.md:2:1: warning/ },
  },
  {
    name: 'a missing input named with escape sequences is escaped',
    files: {},
    args: ['build', `gone${ESC}]0;owned\x07\u009b31m.md`],
    expect: { exit: 2, message: /input "gone\\u001b\]0;owned\\u0007\\u009b31m\.md" does not exist/ },
  },
  {
    name: 'an escape sequence in a front matter key is removed, with a warning at it, before the key is reported',
    files: { 'deck.md': `---\nkey${ESC}[31m: x\n---\n\n# Slide\n\nText.\n` },
    expect: { exit: 0, rules: ['invalid-character', 'unknown-key'], message: /deck\.md:2:4: warning: the character U\+001B cannot be written/ },
  },
  {
    name: 'a folder builds each of its decks, but not its README',
    files: { 'talks/a.md': deck, 'talks/b.markdown': deck, 'talks/README.md': deck, 'talks/drafts/c.md': deck },
    args: ['build', 'talks'],
    expect: { exit: 0, decks: ['talks/a.pptx', 'talks/b.pptx'] },
  },
  {
    name: 'a folder builds into the folder -o names, without a command',
    files: { 'talks/a.md': deck, 'talks/b.md': deck },
    args: ['talks', '-o', 'out'],
    expect: { exit: 0, decks: ['out/a.pptx', 'out/b.pptx'] },
  },
  {
    name: 'a folder with no decks is a usage error',
    files: { 'talks/notes.txt': 'not a deck', 'talks/README.md': deck },
    args: ['build', 'talks'],
    expect: { exit: 2, message: /folder "talks" has no \.md or \.markdown files/ },
  },
  {
    name: 'a link planted at a predictable temporary name is never followed',
    files: { 'deck.md': deck, ...plantedLinks() },
    expect: { exit: 0 },
  },
  {
    name: 'an output that is a link to a file outside the project is replaced, not written through',
    files: { 'deck.md': deck, 'deck.pptx': { symlink: '../secret.txt' } },
    expect: { exit: 0 },
  },
  {
    name: 'help for a command prints it and writes nothing',
    files: {},
    args: ['help', 'build'],
    expect: { exit: 0, decks: [] },
  },
  {
    // A process id no system gives (above Linux's largest), so the writer named is surely gone.
    name: 'links and folders at the names of a killed build\'s leftover temporary files are neither followed nor removed',
    files: {
      'deck.md': deck,
      '.deck.pptx.9999999-0123456789abcdef.tmp': { symlink: '../secret.txt' },
      '.deck.pptx.0123456789abcdef.tmp': { symlink: 'deck.md' },
      '.deck.pptx.9999998-0123456789abcdef.tmp/inside': 'kept',
      '.deck.pptx.fedcba9876543210.tmp': { folder: true },
    },
    expect: { exit: 0 },
  },
];
