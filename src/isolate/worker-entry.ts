import { ownModule } from '../package-root.js';

/**
 * One of deckdown's own modules as a worker's entry. Run from source, a worker registers tsx for
 * itself: a worker thread does not inherit the loader its parent was started with.
 */
export function workerEntry(name: string): URL {
  const entry = ownModule(name);
  if (!entry.pathname.endsWith('.ts')) return entry;
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const module = JSON.stringify(entry.href);
  return new URL(`data:text/javascript,${encodeURIComponent(`const { tsImport } = await import(${tsx});\nexport default (await tsImport(${module}, ${module})).default;`)}`);
}
