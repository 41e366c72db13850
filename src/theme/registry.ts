import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Built-in themes live in the package's `templates/<name>/theme.json`. */
export const templatesDir = fileURLToPath(new URL('../../templates/', import.meta.url));

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
