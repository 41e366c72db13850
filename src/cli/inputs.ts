import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { UsageError, type Command } from './usage.js';

/** How the deck read from stdin is named in messages; its relative paths resolve against the working directory. */
export const STDIN = '<stdin>';

/** The files a folder given as input stands for. */
const FOLDER_DECK = /\.(md|markdown)$/i;

/**
 * A folder's decks: its Markdown files, in name order. Not those of subfolders (partials,
 * drafts and `node_modules` live there), not hidden files (editor backups, lock files), and
 * not README.md, which describes the folder rather than being a talk; name it to build it.
 */
export function folderDecks(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => FOLDER_DECK.test(name) && !name.startsWith('.') && name.toLowerCase() !== 'readme.md')
    .sort()
    .map((name) => join(folder, name))
    .filter((path) => statSync(path, { throwIfNoEntry: false })?.isFile());
}

/**
 * The command line's inputs as paths: `-` is stdin (once), a folder its decks, anything else a
 * file, device or pipe that exists (a device or pipe is read up to the input budget).
 */
export function expandInputs(inputs: readonly string[], cwd: string, command: Command): string[] {
  if (inputs.length === 0) throw new UsageError('no input file given', command);
  if (inputs.filter((input) => input === '-').length > 1) throw new UsageError('- (stdin) is given twice; it can be read once', command);
  return inputs.flatMap((input) => {
    if (input === '-') return [STDIN];
    const path = resolve(cwd, input);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) throw new UsageError(`input "${input}" does not exist`, command);
    if (!stat.isDirectory()) return [path];
    const decks = folderDecks(path);
    if (decks.length === 0) throw new UsageError(`folder "${input}" has no .md or .markdown files to build`, command);
    return decks;
  });
}

/** An input's name without its extension: what its outputs are called. */
export function inputName(path: string): string {
  return path === STDIN ? 'stdin' : basename(path, extname(path));
}
