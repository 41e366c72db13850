import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shippedFontsDir } from '../fonts/catalog.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { pictureFault } from '../media/image-info.js';
import { templatesDir } from './registry.js';
import type { Theme } from './schema.js';
import { locateResource, type ResourceProblem, type ResourceRoot } from '../resources/policy.js';

/** A file a theme names, at the key that names it. */
interface ThemeFile {
  key: string[];
  path: string;
  /** A logo or a background is drawn on slides, so it must exist and be a picture; a font or a template has its own report when missing or damaged. */
  picture: boolean;
}

/** Every file a theme names: logo, template, backgrounds and font files, with absolute paths. */
function themeFiles(theme: Theme): ThemeFile[] {
  return [
    ...(theme.logo ? [{ key: ['logo', 'path'], path: theme.logo.path, picture: true }] : []),
    ...(theme.template ? [{ key: ['template'], path: theme.template, picture: false }] : []),
    ...Object.entries(theme.backgrounds ?? {}).map(([layout, path]) => ({ key: ['backgrounds', layout], path: path!, picture: true })),
    ...Object.entries(theme.fonts.files ?? {}).flatMap(([family, faces]) =>
      Object.entries(faces).flatMap(([face, path]) => (path ? [{ key: ['fonts', 'files', family, face], path, picture: false }] : [])),
    ),
  ];
}

/** deckdown's own files, which any theme may name: the built-in themes' pictures and the shipped fonts. */
const OWN_FOLDERS = [templatesDir, shippedFontsDir];

/** The path a theme's file names: itself, or the path a `file:` URL stands for; nothing for another URL. */
function localPath(path: string): string | undefined {
  if (!/^file:/i.test(path)) return path;
  try {
    return fileURLToPath(path);
  } catch {
    return undefined;
  }
}

/** A problem with a file a theme names, at its key. */
export interface ThemeFileProblem {
  key: string[];
  reason: string;
  outside: boolean;
}

/** The theme with each file it names replaced by the real file that was checked, and what is wrong with the others. */
export interface CheckedThemeFiles {
  theme: Theme;
  problems: ThemeFileProblem[];
}

/** A copy of the theme with the value at `key` replaced. */
function withValue(theme: Theme, key: readonly string[], value: string): Theme {
  const copy = structuredClone(theme) as unknown as Record<string, unknown>;
  let at = copy;
  for (const part of key.slice(0, -1)) at = at[part] as Record<string, unknown>;
  at[key[key.length - 1]!] = value;
  return copy as unknown as Theme;
}

/**
 * Checks the files a theme names: outside the root, not a regular file, or, for a logo or a
 * background, missing or not a picture within the budgets. deckdown's own theme files (the
 * built-in themes' pictures, the shipped fonts) are always readable. A relative path (in a theme
 * object) is taken from the working directory, as the renderer would. Each file that passes is
 * replaced by the real path that was checked, so that what is drawn is what was checked, and a
 * `file:` URL becomes the path it names.
 */
export function checkThemeFiles(theme: Theme, root: ResourceRoot, limits: Limits = DEFAULT_LIMITS): CheckedThemeFiles {
  let checked = theme;
  const problems: ThemeFileProblem[] = [];
  for (const { key, path, picture } of themeFiles(theme)) {
    const local = localPath(path);
    const own = local && isAbsolute(local) ? OWN_FOLDERS.map((folder) => locateResource(local, folder, folder)).find((found) => 'path' in found) : undefined;
    const located: { path: string } | ResourceProblem = own ?? locateResource(path, process.cwd(), root);
    if ('path' in located) {
      const fault = picture ? pictureFault(located.path, limits) : undefined;
      if (fault) problems.push({ key, reason: `${key.join('.')}: "${path}" ${fault}`, outside: false });
      else checked = withValue(checked, key, located.path);
    } else if (located.problem !== 'missing' || picture) {
      problems.push({ key, reason: `${key.join('.')}: ${located.reason}`, outside: located.problem === 'outside-root' });
    }
  }
  return { theme: checked, problems };
}
