import { fileURLToPath } from 'node:url';

/**
 * The package's own folder, where `templates/` and `dist/fonts/` are. This module sits directly
 * in `src/`, and the bundler writes every chunk directly in `dist/`, so the parent of either is
 * the package, whether it runs from source or as published.
 */
export const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * One of deckdown's own modules that runs on its own (a worker's entry), by its name: beside
 * this one in `src/` as TypeScript, or in `dist/` as the bundler wrote it.
 */
export function ownModule(name: string): URL {
  // Loaded through tsx's `tsImport` (in a worker run from source), this module's URL has a query.
  return new URL(`./${name}${new URL(import.meta.url).pathname.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
}
