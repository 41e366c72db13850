import type { HostileCase } from '../case.js';

/**
 * Input that is small enough to read but costs the parser far more than its size: each deck is
 * built in a worker whose heap and time are capped, and these go over the caps. The caps are
 * lowered here so that each case ends in seconds and within the corpus's memory limit; the
 * defaults (1 GiB, 300 s) bound the same builds the same way.
 */

const deck = (body: string) => `# Title\n\n${body}\n`;
const chart = (rows: number) => `## Chart\n\n:::chart{type=bar}\n| Year | Value |\n|---|--:|\n${Array.from({ length: rows }, (_, row) => `| ${row} | ${row} |`).join('\n')}\n:::`;

export const cases: HostileCase[] = [
  {
    name: 'a chart of a million values in 9.7 MB, under a 256 MiB heap',
    files: { 'deck.md': () => deck(chart(500_000)) },
    args: ['build', 'deck.md', '--limit', 'heap-bytes=256M'],
    expect: { exit: 1, message: /memory the build needs.*exceeds the limit of 268,435,456 \(--limit heap-bytes=<n> raises it\) \[over-limit\]/, at: 'deck.md:1:1' },
    timeout: 60,
  },
  {
    name: 'emphasis nested 8,000 deep, under a 3 s time budget',
    files: { 'deck.md': () => deck(`${'*a '.repeat(8000)}x${' a*'.repeat(8000)}`) },
    args: ['build', 'deck.md', '--limit', 'build-seconds=3'],
    expect: { exit: 1, message: /time in seconds exceeds the limit of 3 \(--limit build-seconds=<n> raises it\) \[over-limit\]/, at: 'deck.md:1:1' },
  },
  {
    name: 'links nested 20,000 deep, under a 3 s time budget',
    files: { 'deck.md': () => deck(`${'['.repeat(20_000)}a${']'.repeat(20_000)}`) },
    args: ['build', 'deck.md', '--limit', 'build-seconds=3'],
    expect: { exit: 1, message: /--limit build-seconds=<n> raises it/, at: 'deck.md:1:1' },
  },
  {
    name: '83,000 escaped letters each before a bracket, under a 3 s time budget',
    files: { 'deck.md': () => deck('\\a['.repeat(83_000)) },
    args: ['build', 'deck.md', '--limit', 'build-seconds=3'],
    expect: { exit: 1, message: /--limit build-seconds=<n> raises it/, at: 'deck.md:1:1' },
  },
];
