import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { noteRead } from './reads.js';

/**
 * Which files a deck or a theme may read. Decks and themes travel: a deck a student sends or a
 * theme a department shares must not be able to carry `~/.ssh/id_rsa` or `/etc/passwd` into a
 * slide. So every path they name must lead, after symbolic links, to a regular file inside one
 * folder, the root; `false` lifts the restriction, when the user allows it.
 */
export type ResourceRoot = string | false;

/**
 * The project a folder belongs to: the nearest folder at or above it that holds a `package.json`
 * or a `.git`, so that a deck in `talks/` may use `images/` beside it; without one, the folder itself.
 */
export function projectRoot(dir: string): string {
  const start = resolve(dir);
  for (let current = start; ; current = dirname(current)) {
    if (existsSync(join(current, 'package.json')) || existsSync(join(current, '.git'))) return current;
    if (dirname(current) === current) return start;
  }
}

/** Why a named file is not read. */
export interface ResourceProblem {
  problem: 'outside-root' | 'missing' | 'not-a-file' | 'remote';
  reason: string;
}

/** A URL with a scheme, other than a `file:` URL or a Windows drive letter. */
export function isUrl(reference: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(reference) && !/^file:/i.test(reference) && !/^[a-z]:[\\/]/i.test(reference);
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function outside(reference: string, root: string): ResourceProblem {
  return {
    problem: 'outside-root',
    reason: `"${reference}" is outside the project folder ${root}; files outside it are not read unless allowed (--allow-outside-root, or the resourceRoot option)`,
  };
}

/**
 * The file a reference names, resolved against the folder of the file that names it, if the
 * root allows it to be read; or why it is not read. The root is checked after symbolic links
 * are followed, so a link inside the project cannot lead out of it.
 */
export function locateResource(reference: string, fromDir: string, root: ResourceRoot): { path: string } | ResourceProblem {
  if (isUrl(reference)) return { problem: 'remote', reason: `"${reference}" is a URL; deckdown reads local files only and never fetches` };
  let local = reference;
  if (/^file:/i.test(reference)) {
    try {
      local = fileURLToPath(reference);
    } catch {
      return { problem: 'missing', reason: `"${reference}" is not a file URL deckdown can read` };
    }
  }
  // A network share (`//host/share`, `\\host\share`) is a remote file: even asking whether it exists would connect.
  if (/^[\\/]{2}/.test(local)) return { problem: 'remote', reason: `"${reference}" is on a network share; deckdown reads local files only and never fetches` };
  const path = resolve(fromDir, local);
  noteRead(path);
  // A file that is not there is reported as missing wherever it would be: `/images/a.png`, as web decks write it, is usually meant inside the project.
  if (!existsSync(path)) return { problem: 'missing', reason: `"${reference}" does not exist` };
  const real = realpathSync(path);
  // A link's target changes without the link's folder hearing of it.
  noteRead(real);
  if (root !== false && !inside(existsSync(root) ? realpathSync(root) : resolve(root), real)) return outside(reference, root);
  const stat = statSync(real);
  if (!stat.isFile()) return { problem: 'not-a-file', reason: `"${reference}" is ${stat.isDirectory() ? 'a folder' : 'not a regular file (a device, a pipe or a socket)'}` };
  return { path: real };
}

/** A root as the API takes it: a folder, relative to the working directory, or `false`. */
export function rootOption(root: ResourceRoot | undefined, baseDir: string): ResourceRoot {
  if (root === false) return false;
  return root === undefined ? projectRoot(baseDir) : resolve(root);
}
