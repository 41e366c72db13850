import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';
import { packageRoot } from '../package-root.js';

/** fontkit's brotli decoder, for WOFF2 fonts, is Node's own (see `fonts/native-brotli.ts`). */
const nativeBrotli: Plugin = {
  name: 'native-brotli',
  setup(build) {
    build.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, () => ({ path: join(packageRoot, 'src', 'fonts', 'native-brotli.ts') }));
  },
};

/** CommonJS dependencies (pptxgenjs's zip library among them) call require() for Node's modules. */
export const REQUIRE_BANNER = { js: "import { createRequire as __deckdownCreateRequire } from 'node:module';\nconst require = __deckdownCreateRequire(import.meta.url);" };

/**
 * The library, the CLI and the build and deflate workers' entries as ES modules that share their
 * code, with every dependency bundled in except those the published types name or that load files
 * of their own: what `dependencies` lists stays a package, everything else is part of deckdown's
 * own files.
 */
export async function bundle(outdir: string): Promise<Metafile> {
  const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const result = await build({
    absWorkingDir: packageRoot,
    entryPoints: { index: 'src/index.ts', cli: 'src/cli/bin.ts', 'build-worker': 'src/build-worker.ts', 'deflate-worker': 'src/deflate-worker.ts' },
    outdir,
    // Chunks sit beside the entries, so that every module finds the package one folder up.
    chunkNames: 'shared-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    external: Object.keys(manifest.dependencies),
    banner: REQUIRE_BANNER,
    // The licences of what is bundled go, whole, into one file of their own (see notices.ts).
    legalComments: 'none',
    metafile: true,
    plugins: [nativeBrotli],
    logLevel: 'warning',
  });
  return result.metafile;
}
