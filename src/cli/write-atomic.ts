import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { removeLeftovers, temporaryName } from './temporary-files.js';

/** Names tried before giving up: a clash of 64 random bits is already beyond belief. */
const ATTEMPTS = 5;

/**
 * A new temporary file in `directory`, created exclusively ('wx' is O_CREAT | O_EXCL): a name
 * that exists, a symbolic link above all, is never opened, so nothing planted is followed.
 */
export function createTemporary(directory: string, target: string, name: (target: string) => string = temporaryName): { fd: number; path: string } {
  for (let attempt = 1; ; attempt += 1) {
    const path = join(directory, name(target));
    try {
      return { fd: openSync(path, 'wx', 0o666), path };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= ATTEMPTS) throw error;
    }
  }
}

/** The rename is durable only once the folder's entry is on disk; a platform that cannot open a folder (Windows) goes without. */
function syncFolder(directory: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(directory, 'r');
    fsyncSync(fd);
  } catch {
    // Not possible here; the file itself is synced.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Write through a temporary file in the same folder and rename it into place, so an existing
 * deck is either left as it was or replaced whole, never half-written, even by a crash or a
 * power cut: the data is synced before the rename. The write is synchronous from start to end,
 * so a signal handler (which runs between event-loop turns) never finds the temporary file; only
 * kill -9 or a crash can leave one, and a later write of the same target removes it (`removeLeftovers`).
 * `name` is for tests that plant a file at the name to be tried.
 */
export function writeFileAtomic(path: string, data: Uint8Array | string, name: (target: string) => string = temporaryName): void {
  const directory = dirname(path);
  mkdirSync(directory, { recursive: true });
  removeLeftovers(directory, basename(path));
  const temporary = createTemporary(directory, basename(path), name);
  try {
    try {
      writeFileSync(temporary.fd, data);
      fsyncSync(temporary.fd);
    } finally {
      closeSync(temporary.fd);
    }
    renameSync(temporary.path, path);
  } catch (error) {
    rmSync(temporary.path, { force: true });
    throw error;
  }
  syncFolder(directory);
}
