import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { faceSourceFile, SHIPPED_FAMILIES, shippedFacePath, shippedFontsDir } from '../fonts/catalog.js';
import { packageRoot } from '../package-root.js';

/** A shipped family and the package folder its faces and licence were taken from. */
export interface ShippedSource {
  family: string;
  packageDir: string;
}

/**
 * Each face themes use, taken from its package and brotli-compressed into `dist/fonts/`: less than
 * half the bytes, and Node's zlib gives the TrueType file back unchanged.
 */
export function shipFonts(): ShippedSource[] {
  const require = createRequire(join(packageRoot, 'package.json'));
  mkdirSync(shippedFontsDir, { recursive: true });
  return Object.entries(SHIPPED_FAMILIES).map(([name, family]) => {
    const packageDir = dirname(require.resolve(`${family.source}/package.json`));
    for (const style of family.styles) {
      const ttf = readFileSync(join(packageDir, faceSourceFile(family, style)));
      const params = { [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_FONT, [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: ttf.length };
      writeFileSync(shippedFacePath(family, style), brotliCompressSync(ttf, { params }));
    }
    return { family: name, packageDir };
  });
}
