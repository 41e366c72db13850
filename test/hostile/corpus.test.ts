import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshCli } from '../../src/build/fresh-bundle.js';
import { readPackage, structuralProblems } from '../helpers/package.js';
import { SECRET, type Content, type HostileCase } from './case.js';

/**
 * The hostile corpus: every case runs the bundled CLI in a child process of its own, in a fresh
 * project folder, with a heap limit, a time limit and the network taken away. Besides its own
 * expectation, every case must: finish in time, within memory, without a stack trace or raw
 * control characters in its output; never quote the secret file outside the project; leave no
 * temporary file behind; and, on failure, leave the previous deck as it was.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist', 'cli.js');
const watcher = fileURLToPath(new URL('./watch-process.mjs', import.meta.url));
/** Heap for V8, in MB, and the peak resident memory allowed, in MB (WebAssembly memory counts in the latter). */
const HEAP_MB = 512;
const RSS_MB = 900;
const PREVIOUS = 'the previous deck, which a failed build must leave as it was';

/** Each file in `cases/` holds the cases of one kind of attack. */
const caseFiles = readdirSync(new URL('./cases/', import.meta.url)).filter((name) => name.endsWith('.ts')).sort();
const modules = await Promise.all(caseFiles.map(async (file) => ({ file, module: (await import(/* @vite-ignore */ new URL(`./cases/${file}`, import.meta.url).href)) as { cases: HostileCase[] } })));
const corpus = modules.flatMap(({ file, module }) => module.cases.map((hostile) => ({ file: file.replace(/\.ts$/, ''), hostile })));

beforeAll(async () => {
  // The corpus runs what is published, bundled again when the sources are newer.
  await freshCli();
}, 120_000);

function materialise(base: string, files: Record<string, Content>): void {
  for (const [name, content] of Object.entries(files)) {
    const path = join(base, name);
    mkdirSync(dirname(path), { recursive: true });
    if (typeof content === 'object' && 'symlink' in content) symlinkSync(content.symlink, path);
    else if (typeof content === 'object' && 'folder' in content) mkdirSync(path, { recursive: true });
    else writeFileSync(path, typeof content === 'function' ? content() : content);
  }
}

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
  seconds: number;
  report?: { maxRssKb: number; network: string[] };
}

/** Two at a time: the machines that run the corpus have two cores. */
let running = 0;
const waiting: (() => void)[] = [];
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= 2) await new Promise<void>((go) => waiting.push(go));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

function runCase(hostile: HostileCase, dir: string, project: string): Promise<Outcome> {
  const reportFile = join(dir, 'report.json');
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--import', watcher, cli, ...(hostile.args ?? ['build', 'deck.md'])], {
      cwd: project,
      env: { PATH: process.env.PATH, HOME: join(dir, 'home'), TMPDIR: join(dir, 'tmp'), CI: 'true', DECKDOWN_TEST_REPORT: reportFile, ...hostile.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdin.on('error', () => undefined);
    const input = typeof hostile.stdin === 'function' ? hostile.stdin() : hostile.stdin;
    child.stdin.end(input ?? '');
    const timer = setTimeout(() => child.kill('SIGKILL'), (hostile.timeout ?? 30) * 1000);
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const report = existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, 'utf8')) as Outcome['report']) : undefined;
      done({ code, signal, stdout: Buffer.concat(stdout), stderr, seconds: (performance.now() - started) / 1000, report });
    });
  });
}

/** Every text part of a package, and the bytes of the rest, as one string to search. */
function packageText(bytes: Uint8Array): string {
  return Object.values(unzipSync(bytes)).map((data) => strFromU8(data, true)).join('\n');
}

/** Files under a folder, as paths relative to it; symbolic links are not followed (cases plant loops). */
function filesUnder(base: string, prefix = ''): string[] {
  if (!existsSync(base)) return [];
  return readdirSync(join(base, prefix), { withFileTypes: true }).flatMap((entry) => {
    const name = join(prefix, entry.name);
    return entry.isDirectory() ? filesUnder(base, name) : entry.isFile() ? [name] : [];
  });
}

describe.concurrent('the hostile corpus', () => {
  it('has at least 100 named cases, each once', () => {
    const names = corpus.map(({ hostile }) => hostile.name);
    expect(names.length).toBeGreaterThanOrEqual(100);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  for (const { file, hostile } of corpus) {
    it(`${file}: ${hostile.name}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'deckdown-hostile-'));
      const project = join(dir, 'project');
      mkdirSync(join(dir, 'home'));
      mkdirSync(join(dir, 'tmp'));
      materialise(dir, { 'secret.txt': `${SECRET}\nroot:x:0:0:root:/root:/bin/bash\n`, 'project/package.json': '{ "name": "hostile" }\n' });
      materialise(project, hostile.files);
      const { expect: expected } = hostile;
      const decks = expected.exit === 0 ? (expected.decks ?? (expected.stdoutDeck ? [] : ['deck.pptx'])) : [];
      const guarded = expected.exit !== 0 && hostile.files['deck.pptx'] === undefined;
      if (guarded) writeFileSync(join(project, 'deck.pptx'), PREVIOUS);
      const before = new Set(filesUnder(project));

      const outcome = await slot(() => runCase(hostile, dir, project));
      const output = `${outcome.stderr}\n${outcome.stdout.toString('utf8')}`;
      const context = `exit ${outcome.code}${outcome.signal ? ` (${outcome.signal})` : ''} after ${outcome.seconds.toFixed(1)} s\n${outcome.stderr.slice(0, 2000)}`;

      expect(outcome.signal, `killed: over ${hostile.timeout ?? 30} s or out of memory\n${context}`).toBeNull();
      expect(outcome.report?.network ?? [], 'reached for the network').toEqual([]);
      expect(outcome.report!.maxRssKb / 1024, 'peak memory in MB').toBeLessThan(RSS_MB);
      expect(outcome.stderr, 'a stack trace').not.toMatch(/internal error|^\s+at .+:\d+:\d+\)?$/m);
      // Control characters other than newline and tab; the escape character above all.
      expect(outcome.stderr, 'raw control characters in messages').not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\x9b]/);
      expect(outcome.code, context).toBe(expected.exit);
      if (!hostile.outsideAllowed) expect(output, 'quotes a file outside the project').not.toContain(SECRET);
      const left = filesUnder(project).filter((name) => /\.tmp$|\.deckdown-/.test(name));
      expect(left, 'temporary files left behind').toEqual([]);
      expect(filesUnder(join(dir, 'tmp')), 'temporary files left behind').toEqual([]);

      if (expected.exit === 0) {
        for (const rule of expected.rules ?? []) expect(outcome.stderr, context).toContain(`[${rule}]`);
        if (expected.message) expect(outcome.stderr).toMatch(expected.message);
        const built = [...decks.map((name) => readFileSync(join(project, name))), ...(expected.stdoutDeck ? [outcome.stdout] : [])];
        for (const [index, pptx] of built.entries()) {
          expect(structuralProblems(readPackage(pptx)), `deck ${decks[index] ?? 'on stdout'}`).toEqual([]);
          if (!hostile.outsideAllowed) expect(packageText(pptx), 'carries a file from outside the project').not.toContain(SECRET);
        }
      } else {
        expect(outcome.stderr, context).toMatch(expected.message);
        if (expected.at) expect(outcome.stderr).toContain(expected.at);
        if (guarded) expect(readFileSync(join(project, 'deck.pptx'), 'utf8'), 'the previous deck was replaced').toBe(PREVIOUS);
        const created = filesUnder(project).filter((name) => !before.has(name) && name.endsWith('.pptx'));
        expect(created, 'a failed build wrote a deck').toEqual([]);
      }
    });
  }
});
