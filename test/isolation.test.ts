import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownToPptx } from '../src/api.js';
import { DeckdownError } from '../src/diagnostics/error.js';
import { run } from '../src/cli/run.js';
import { runTask } from '../src/isolate/task.js';
import { stressDeck } from '../src/bench/stress-deck.js';

/**
 * Each deck is built in a worker thread whose heap and time are capped: the deckdown command
 * does so always, the API with `isolate`. What a worker builds is what this thread builds, byte
 * for byte, and a deck that goes over a cap fails alone, with an `over-limit` error.
 */

const root = new URL('..', import.meta.url).pathname;
/** tsx's loader, found from here: the command runs in a project of its own. */
const tsx = import.meta.resolve('tsx');
const env = { SOURCE_DATE_EPOCH: '1767225600' };
// Nested brackets cost the parser the square of their depth: about 12 s at this depth, far over
// the 5 s budget below, which the other decks' builds stay far under even on a busy machine.
const slow = `# Title\n\n${'['.repeat(40_000)}a${']'.repeat(40_000)}\n`;
const decks: Record<string, string> = {
  'a.md': '---\ntitle: Әлем\nlang: kk-KZ\n---\n\n# Бірінші\n\n- Бейбітшілік\n- Даму\n\n# Table\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
  'b.md': '# Chart\n\n:::chart{type=bar}\n| Year | Value |\n|---|--:|\n| 2008 | 8 |\n| 2011 | 3 |\n:::\n',
  'c.md': '# Notes\n\nText with a [link](https://example.org).\n\n::: notes\nSpeak slowly.\n:::\n',
};

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'deckdown-isolation-'));
  writeFileSync(join(dir, 'package.json'), '{}\n');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** The deckdown command as installed runs it: in its own process, building in workers. */
function command(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', tsx, join(root, 'src/cli/bin.ts'), ...args], { cwd, env: { ...process.env, ...env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** The CLI in this thread, without workers. */
async function inThread(args: string[], cwd: string): Promise<number> {
  return run(args, { stdout: () => undefined, stderr: () => undefined, cwd, env });
}

describe('builds in workers', () => {
  it('write, for several decks at once, the bytes this thread writes for each alone', async () => {
    const dir = project(decks);
    const together = await command(['build', 'a.md', 'b.md', 'c.md', '-o', 'workers/'], dir);
    expect(together.stderr).toBe('');
    expect(together.code).toBe(0);
    for (const name of Object.keys(decks)) expect(await inThread(['build', name, '-o', 'thread/'], dir)).toBe(0);
    for (const name of ['a', 'b', 'c']) {
      expect(readFileSync(join(dir, 'workers', `${name}.pptx`)).equals(readFileSync(join(dir, 'thread', `${name}.pptx`))), name).toBe(true);
    }
    // Reported in the order given, whichever finished first.
    expect(together.stdout.split('\n').filter(Boolean).map((line) => relative(dir, line.split(' ')[1]!))).toEqual(['workers/a.pptx', 'workers/b.pptx', 'workers/c.pptx']);
  }, 60_000);

  it('stop a deck that goes over its time, and build the others', async () => {
    const dir = project({ 'a.md': decks['a.md']!, 'slow.md': slow, 'c.md': decks['c.md']! });
    const { code, stdout, stderr } = await command(['build', 'a.md', 'slow.md', 'c.md', '--limit', 'build-seconds=5'], dir);
    expect(code).toBe(1);
    expect(stderr).toBe(`${join(dir, 'slow.md')}:1:1: error: the build's time in seconds exceeds the limit of 5 (--limit build-seconds=<n> raises it) [over-limit]\n`);
    expect(stdout).toContain(`wrote ${join(dir, 'a.pptx')}`);
    expect(stdout).toContain(`wrote ${join(dir, 'c.pptx')}`);
  }, 60_000);

  it('through the API with isolate: the same bytes, and an over-limit error for a deck over its time', async () => {
    const options = { sourceDateEpoch: env.SOURCE_DATE_EPOCH, baseDir: root };
    const isolated = await markdownToPptx(decks['a.md']!, { ...options, isolate: true });
    const here = await markdownToPptx(decks['a.md']!, options);
    expect(Buffer.from(isolated.pptx).equals(Buffer.from(here.pptx))).toBe(true);
    expect(isolated.fit).toEqual(here.fit);
    expect(isolated.deck).toEqual(here.deck);
    const failure = await markdownToPptx(slow, { ...options, isolate: true, limits: { buildSeconds: 1 } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeckdownError);
    expect((failure as DeckdownError).messages.map((message) => message.ruleId)).toEqual(['over-limit']);
  }, 60_000);

  it('deflate a deck of many slides on another core, with the bytes this thread writes', async () => {
    const options = { sourceDateEpoch: env.SOURCE_DATE_EPOCH, baseDir: root };
    const many = stressDeck(60);
    const isolated = await markdownToPptx(many, { ...options, isolate: true });
    const here = await markdownToPptx(many, options);
    expect(isolated.fit.length).toBeGreaterThanOrEqual(60);
    expect(Buffer.from(isolated.pptx).equals(Buffer.from(here.pptx))).toBe(true);
  }, 60_000);

  it('give the outline back only when it is asked for, with the same deck either way', async () => {
    const task = { path: join(root, 'a.md'), baseDir: root, cwd: root, text: decks['a.md']!, outline: false, theme: undefined, referenceDoc: undefined, limits: {}, resourceRoot: undefined, render: true, sourceDateEpoch: env.SOURCE_DATE_EPOCH };
    const without = await runTask({ ...task, returnOutline: false });
    const withOutline = await runTask({ ...task, returnOutline: true });
    expect(without.deck).toBeUndefined();
    expect(withOutline.deck?.meta.lang).toBe('kk-KZ');
    expect(Buffer.from(without.pptx!).equals(Buffer.from(withOutline.pptx!))).toBe(true);
    expect(without.fit).toEqual(withOutline.fit);
    // An outline with errors comes back when asked for, as the report's subject.
    const broken = await runTask({ ...task, text: '---\nlang: 12\n---\n# A\n', returnOutline: true });
    expect(broken.messages.some((message) => message.fatal)).toBe(true);
    expect(broken.deck?.slides).toHaveLength(1);
  });
});
