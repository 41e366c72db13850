import { fileURLToPath } from 'node:url';

/**
 * The package's own folder, where `templates/` and `dist/fonts/` are. This module sits directly
 * in `src/`, and the bundler writes every chunk directly in `dist/`, so the parent of either is
 * the package, whether it runs from source or as published.
 */
export const packageRoot = fileURLToPath(new URL('..', import.meta.url));
