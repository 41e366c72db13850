import { resolve } from 'node:path';
import type { VFile } from 'vfile';

/** The directory of the source file, where its relative paths (pictures, themes) are resolved. */
export function sourceDir(file: VFile): string {
  return file.path ? resolve(file.cwd, file.dirname ?? '.') : process.cwd();
}
