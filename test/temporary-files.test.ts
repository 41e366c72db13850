import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { ABANDONED_MS, DEAD_WRITER_GRACE_MS, temporaryName, temporaryWriter } from '../src/cli/temporary-files.js';
import { writeFileAtomic } from '../src/cli/write-atomic.js';

const root = fileURLToPath(new URL('..', import.meta.url));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'deckdown-temporary-'));
});

/** The id of a process that has ended (and been reaped). */
function deadPid(): number {
  const { pid, status } = spawnSync(process.execPath, ['-e', '']);
  expect(status).toBe(0);
  return pid!;
}

/** A regular file at `name` in `dir`, last changed `ageMs` ago. */
function plant(name: string, ageMs: number): void {
  const path = join(dir, name);
  writeFileSync(path, 'half a deck');
  age(path, ageMs);
}

function age(path: string, ageMs: number): void {
  const when = new Date(Date.now() - ageMs);
  utimesSync(path, when, when);
}

const hex = '0123456789abcdef';
const minutes = (count: number) => count * 60 * 1000;

describe('temporary names', () => {
  it('name the writing process and a random part, unpredictably', () => {
    expect(temporaryName('deck.pptx')).toMatch(new RegExp(`^\\.deck\\.pptx\\.${process.pid}-[0-9a-f]{16}\\.tmp$`));
    expect(temporaryName('deck.pptx')).not.toBe(temporaryName('deck.pptx'));
  });

  it('belong to one target only, in the current form and in the older one without a process id', () => {
    expect(temporaryWriter(temporaryName('deck.pptx', 4242), 'deck.pptx')).toBe(4242);
    expect(temporaryWriter(`.deck.pptx.${hex}.tmp`, 'deck.pptx')).toBeNull();
    // The temporary files of deck.pptx.1 are not those of deck.pptx, nor the other way round.
    expect(temporaryWriter(`.deck.pptx.1.${hex}.tmp`, 'deck.pptx')).toBeUndefined();
    expect(temporaryWriter(`.deck.pptx.1.4242-${hex}.tmp`, 'deck.pptx')).toBeUndefined();
    expect(temporaryWriter(`.deck.pptx.4242-${hex}.tmp`, 'deck.pptx.4242')).toBeUndefined();
    for (const name of ['deck.pptx', '.deck.pptx.tmp', `deck.pptx.4242-${hex}.tmp`, `.deck.pptx.4242-${hex}.tmp.tmp`, `.deck.pptx.0-${hex}.tmp`, `.deck.pptx.4242-${hex.toUpperCase()}.tmp`, '.deck.pptx.planted.tmp']) {
      expect(temporaryWriter(name, 'deck.pptx'), name).toBeUndefined();
    }
  });
});

describe('leftovers of a killed write', () => {
  it('are removed by the next write of the same target when their writer is gone; nothing else is', () => {
    const dead = deadPid();
    const old = DEAD_WRITER_GRACE_MS + minutes(1);
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'untouched');
    age(victim, ABANDONED_MS * 2);
    const removed = [`.deck.pptx.${dead}-${hex}.tmp`, `.deck.pptx.${process.ppid}-${'f'.repeat(16)}.tmp`, `.deck.pptx.${'a'.repeat(16)}.tmp`];
    plant(removed[0]!, old); // a dead writer's
    plant(removed[1]!, ABANDONED_MS + minutes(1)); // a day old: abandoned, whoever has that id now
    plant(removed[2]!, ABANDONED_MS + minutes(1)); // the older form, a day old
    const kept = [
      `.deck.pptx.${dead}-${'b'.repeat(16)}.tmp`, // a dead id, but changed a moment ago: maybe a writer on another machine
      `.deck.pptx.${process.ppid}-${'c'.repeat(16)}.tmp`, // a live writer's
      `.deck.pptx.${'d'.repeat(16)}.tmp`, // the older form, an hour old
      `.other.pptx.${dead}-${hex}.tmp`, // another target's
      `.deck.pptx.1.${dead}-${hex}.tmp`,
      `deck.pptx.${dead}-${hex}.tmp`,
      '.deck.pptx.planted.tmp',
      'notes.txt',
    ];
    plant(kept[0]!, 1000);
    plant(kept[1]!, old);
    plant(kept[2]!, minutes(60));
    for (const name of kept.slice(3)) plant(name, ABANDONED_MS * 2);
    // A link and a folder of a leftover's name are never removed, nor is what the link names.
    const link = `.deck.pptx.${dead}-${'e'.repeat(16)}.tmp`;
    const folder = `.deck.pptx.${'e'.repeat(16)}.tmp`;
    symlinkSync(victim, join(dir, link));
    mkdirSync(join(dir, folder));
    age(join(dir, folder), ABANDONED_MS * 2);

    writeFileAtomic(join(dir, 'deck.pptx'), 'the deck');

    expect(readdirSync(dir).sort()).toEqual([...kept, link, folder, 'deck.pptx', 'victim.txt'].sort());
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
    expect(readFileSync(join(dir, 'deck.pptx'), 'utf8')).toBe('the deck');
  });

  it.skipIf(process.platform === 'win32')('of a writer killed with SIGKILL between creating and renaming are removed, not while it runs', async () => {
    // The real creation of a temporary file, in a process that then waits to be killed.
    const script = `const { createTemporary } = await import(${JSON.stringify(join(root, 'src/cli/write-atomic.ts'))});
      console.log(createTemporary(process.argv[1], 'deck.pptx').path);
      setInterval(() => {}, 60000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, dir], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    const exit = new Promise((resolve) => child.on('exit', resolve));
    const path = await new Promise<string>((resolve) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.endsWith('\n')) resolve(output.trim());
      });
    });
    expect(path).toBe(join(dir, `.deck.pptx.${child.pid}-${path.slice(-20, -4)}.tmp`));
    age(path, DEAD_WRITER_GRACE_MS + minutes(1));
    writeFileAtomic(join(dir, 'deck.pptx'), 'first');
    expect(existsSync(path)).toBe(true); // its writer is alive

    child.kill('SIGKILL');
    expect(await exit).toBeNull();
    writeFileAtomic(join(dir, 'deck.pptx'), 'second');
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir)).toEqual(['deck.pptx']);
  }, 30_000);

  it('never stop two processes writing the same target at once', async () => {
    // Each writes the target many times over; their temporary files come and go side by side.
    const script = `const { writeFileAtomic } = await import(${JSON.stringify(join(root, 'src/cli/write-atomic.ts'))});
      for (let round = 0; round < 300; round += 1) writeFileAtomic(process.argv[1], process.argv[2]);`;
    const target = join(dir, 'deck.pptx');
    const writers = ['one', 'two'].map((text) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, target, text], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      return new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
    });
    expect(await Promise.all(writers)).toEqual([{ code: 0, stderr: '' }, { code: 0, stderr: '' }]);
    expect(['one', 'two']).toContain(readFileSync(target, 'utf8'));
    expect(readdirSync(dir)).toEqual(['deck.pptx']);
  }, 30_000);
});
