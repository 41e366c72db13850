import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import { bundle } from './bundle.js';
import { bundledPackages, notices, noticesText } from './notices.js';
import { shipFonts } from './ship-fonts.js';

/**
 * `npm run build`: makes `dist/` afresh, as published. The library and the CLI bundled, the
 * declarations of the public API, the font faces themes use, and the licences of all that
 * deckdown ships from others.
 */
const dist = join(packageRoot, 'dist');
rmSync(dist, { recursive: true, force: true });
const metafile = await bundle(dist);
const tsc = spawnSync(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', join(packageRoot, 'tsconfig.build.json')], { stdio: 'inherit' });
if (tsc.status !== 0) {
  // tsc has printed what does not compile.
  process.exit(tsc.status ?? 1);
}
const fonts = shipFonts();
writeFileSync(join(dist, 'THIRD-PARTY-LICENSES.md'), noticesText(notices(bundledPackages(metafile), fonts)));
