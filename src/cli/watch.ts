import { watch as watchFolder, type FSWatcher } from 'node:fs';
import { dirname, join } from 'node:path';

/** Editors save in bursts (truncate, write, rename, touch): one rebuild for all of it. */
export const DEBOUNCE_MS = 200;

export interface WatchOptions {
  /** The inputs, asked again when a file appears in one of `folders`. */
  inputs: () => readonly string[];
  /** Folders given as inputs: a deck saved in one for the first time is built from then on. */
  folders?: readonly string[] | undefined;
  /** The files an input is built from (itself, its theme file…), asked again after each rebuild. */
  dependencies: (input: string) => string[];
  /** Build these inputs again; called one batch at a time, never overlapping. What it throws ends the watch with that error. */
  rebuild: (inputs: string[]) => Promise<void>;
  /** Ends the watch. */
  signal: AbortSignal | undefined;
  debounceMs?: number;
  /** Called once every file is watched: a change from then on is seen. */
  ready?: (() => void) | undefined;
}

/**
 * Rebuild inputs whose files change until `signal` aborts. Folders are watched rather than
 * files, for an editor that saves by writing a new file and renaming it over the old one
 * leaves a watcher on the old file watching nothing.
 */
export function watchInputs({ inputs, folders: inputFolders = [], dependencies, rebuild, signal, debounceMs = DEBOUNCE_MS, ready }: WatchOptions): Promise<void> {
  const folders = new Map<string, FSWatcher>();
  /** Each watched file, with the inputs built from it. */
  let owners = new Map<string, Set<string>>();
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let building = false;
  let finish: (error?: unknown) => void = () => undefined;

  const known = new Set(inputs());
  const changed = (folder: string, name: string | null) => {
    for (const [file, inputsOf] of owners) {
      if (name === null ? dirname(file) === folder : file === join(folder, name)) inputsOf.forEach((input) => pending.add(input));
    }
    if (inputFolders.includes(folder)) {
      for (const input of inputs().filter((input) => !known.has(input))) {
        known.add(input);
        pending.add(input);
      }
    }
    if (pending.size > 0) schedule();
  };

  const refresh = () => {
    owners = new Map();
    for (const input of inputs()) {
      for (const file of dependencies(input)) owners.set(file, (owners.get(file) ?? new Set()).add(input));
    }
    const wanted = new Set([...[...owners.keys()].map((file) => dirname(file)), ...inputFolders]);
    for (const [folder, watcher] of folders) {
      if (!wanted.has(folder)) {
        watcher.close();
        folders.delete(folder);
      }
    }
    for (const folder of wanted) {
      if (folders.has(folder)) continue;
      try {
        const watcher = watchFolder(folder, (_event, name) => changed(folder, name));
        // A folder that goes away ends its watcher; the next rebuild watches it again if it is back.
        watcher.on('error', () => {
          watcher.close();
          folders.delete(folder);
        });
        folders.set(folder, watcher);
      } catch {
        // A theme folder that does not exist (yet): the build has said so.
      }
    }
  };

  const flush = async () => {
    timer = undefined;
    if (building || signal?.aborted) return;
    building = true;
    const batch = inputs().filter((input) => pending.has(input));
    pending.clear();
    try {
      await rebuild(batch);
    } catch (error) {
      finish(error);
      return;
    } finally {
      building = false;
    }
    if (signal?.aborted) return;
    refresh();
    if (pending.size > 0) schedule();
  };

  function schedule(): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), debounceMs);
  }

  return new Promise((done, fail) => {
    finish = (error) => {
      if (timer) clearTimeout(timer);
      for (const watcher of folders.values()) watcher.close();
      signal?.removeEventListener('abort', stop);
      if (error === undefined) done();
      else fail(error);
    };
    const stop = () => finish();
    if (signal?.aborted) return stop();
    signal?.addEventListener('abort', stop, { once: true });
    refresh();
    ready?.();
  });
}
