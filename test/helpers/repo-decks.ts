import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

function markdownFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : markdownFiles(path);
    return /\.(md|markdown)$/.test(name) ? [path] : [];
  });
}

/** Every Markdown deck the repository holds (the lecture, examples, test decks, fixtures and peer decks), as [name in the repository, path]. */
export function repoDecks(): [string, string][] {
  return ['content', 'examples', 'test/decks', 'test/fixtures', 'test/peers'].flatMap((folder) => markdownFiles(join(root, folder))).map((path) => [path.slice(root.length), path]);
}
