import { AsyncLocalStorage } from 'node:async_hooks';

/** The files named so far by the build under way in this async context, if anyone is noting them. */
const noting = new AsyncLocalStorage<Set<string>>();

/**
 * Run a build, noting every file its deck and theme name, whether found or not (a picture
 * that is missing now may be saved later): what `--watch` watches besides the deck itself.
 * Builds that overlap in one thread each note their own.
 */
export async function noteReads<T>(work: () => Promise<T>): Promise<{ result: T; files: string[] }> {
  const files = new Set<string>();
  const result = await noting.run(files, work);
  return { result, files: [...files].sort() };
}

/** Note a file the build under way names; nothing when no one is noting. */
export function noteRead(path: string): void {
  noting.getStore()?.add(path);
}
