import { randomBytes } from 'node:crypto';
import { lstatSync, readdirSync, unlinkSync, type Stats } from 'node:fs';
import { join } from 'node:path';

/**
 * A temporary name beside the target: `.<target>.<pid>-<16 hex>.tmp`. The random part means
 * nobody can guess it, so nobody can plant a link there first; the writer's process id lets a
 * later write tell the leftover of a killed build from the file of a build still running.
 * The part between target and `.tmp` holds no dot, in this form and in the older one
 * (`.<target>.<16 hex>.tmp`), so a name belongs to one target only: the temporary file of
 * `deck.pptx` is never taken for one of `deck.pptx.1`, nor the other way round.
 */
export function temporaryName(target: string, pid: number = process.pid): string {
  return `.${target}.${pid}-${randomBytes(8).toString('hex')}.tmp`;
}

const CURRENT = /^([1-9][0-9]{0,9})-[0-9a-f]{16}$/;
const OLDER = /^[0-9a-f]{16}$/;

/**
 * Whose temporary file of `target` a name is: the writer's process id, `null` for the older form
 * that has none, `undefined` for a name that is not a temporary file of `target` at all.
 */
export function temporaryWriter(name: string, target: string): number | null | undefined {
  const prefix = `.${target}.`;
  if (!name.startsWith(prefix) || !name.endsWith('.tmp') || name.length <= prefix.length + 4) return undefined;
  const middle = name.slice(prefix.length, -'.tmp'.length);
  const current = CURRENT.exec(middle);
  if (current) return Number(current[1]);
  return OLDER.test(middle) ? null : undefined;
}

/** Whether a process with this id runs on this machine: only "no such process" (ESRCH) says it does not; EPERM is someone else's live process. */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * A writer's file lives for as long as the write and the sync take, seconds, and its time of
 * change moves while it is written. A dead process id is trusted only for a file older than this:
 * a build on another machine sharing the folder (a network drive) or in another container has an
 * id that means nothing here, and must not lose its file halfway.
 */
export const DEAD_WRITER_GRACE_MS = 60 * 1000;

/**
 * A temporary file untouched for this long is abandoned whatever its name says: no write takes a
 * day. This removes what nothing else can: the older names without a process id (written before
 * ids were part of the name), and a killed writer's file whose id was since taken by another
 * process or belongs to another machine.
 */
export const ABANDONED_MS = 24 * 60 * 60 * 1000;

/**
 * Whether a temporary file of `writer` (a process id, or null for the older form) is a leftover
 * to remove. Only a regular file is ever one: a link or a folder of that name stays, whatever it is.
 */
export function isLeftover(writer: number | null, stats: Pick<Stats, 'isFile' | 'mtimeMs'>, now: number, alive: (pid: number) => boolean = processAlive): boolean {
  if (!stats.isFile()) return false;
  const age = now - stats.mtimeMs;
  if (age > ABANDONED_MS) return true;
  return writer !== null && age > DEAD_WRITER_GRACE_MS && !alive(writer);
}

/**
 * Remove the temporary files a killed write of `target` left in `directory` (kill -9, a crash, a
 * power cut between creating and renaming). Nothing else is touched: only names of `target`'s own
 * temporary form, never followed (lstat), and a removal that fails is left for the next write.
 */
export function removeLeftovers(directory: string, target: string, now: number = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return;
  }
  for (const name of names) {
    const writer = temporaryWriter(name, target);
    if (writer === undefined) continue;
    const path = join(directory, name);
    try {
      const stats = lstatSync(path, { throwIfNoEntry: false });
      if (stats && isLeftover(writer, stats, now)) unlinkSync(path);
    } catch {
      // Removed by another build meanwhile, or not ours to remove: the write goes on.
    }
  }
}
