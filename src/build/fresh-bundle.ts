import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import { bundle } from './bundle.js';

/** The newest modification time under a folder. */
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/**
 * The bundled CLI, as published, for what runs it as users do (the hostile corpus, the
 * benchmark): bundled again first when a source is newer. The fonts in `dist/` come from
 * `npm run build`, which installing runs.
 */
export async function freshCli(): Promise<string> {
  const cli = join(packageRoot, 'dist', 'cli.js');
  if (!existsSync(cli) || newest(join(packageRoot, 'src')) > statSync(cli).mtimeMs) await bundle(join(packageRoot, 'dist'));
  return cli;
}
