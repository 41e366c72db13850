import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';

/** Built-in themes live in the package's `templates/<name>/theme.json`. */
export const templatesDir = join(packageRoot, 'templates');

export function builtInThemePath(name: string): string {
  return join(templatesDir, name, 'theme.json');
}

/** The names of the built-in themes, sorted so that listings are stable. */
export function listThemes(): string[] {
  return readdirSync(templatesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(builtInThemePath(entry.name)))
    .map((entry) => entry.name)
    .sort();
}
