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

/** A problem with a file a theme names, at its key. */
export interface ThemeFileProblem {
  key: string[];
  reason: string;
  outside: boolean;
}

/**
 * What is wrong with the files a theme names: outside the root, not a regular file, or, for a
 * logo or a background, missing or not a picture within the budgets. deckdown's own theme files (the built-in themes' pictures) are
 * always readable.
 */
export function themeFileProblems(theme: Theme, root: ResourceRoot, limits: Limits = DEFAULT_LIMITS): ThemeFileProblem[] {
  return themeFiles(theme).flatMap(({ key, path, picture }) => {
    const own = OWN_FOLDERS.map((folder) => locateResource(path, folder, folder)).find((found) => 'path' in found);
    const located: { path: string } | ResourceProblem = own ?? locateResource(path, templatesDir, root);
    const fault = 'path' in located ? (picture ? pictureFault(located.path, limits) : undefined) : located.problem === 'missing' && !picture ? undefined : located.reason;
    if (fault === undefined) return [];
    return [{ key, reason: `${key.join('.')}: ${'path' in located ? `"${path}" ${fault}` : fault}`, outside: !('path' in located) && located.problem === 'outside-root' }];
  });
}
