import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * Every TypeScript block of the README compiles, as a module of its own that imports
 * `deckdown` (here, the sources), under `strict`: a sample a reader copies must work.
 */
const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;
const blocks = [...readFileSync(join(root, 'README.md'), 'utf8').matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((match) => match[1]!);

describe('the README', () => {
  it('has TypeScript samples, and every one type-checks strictly', async () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    const dir = mkdtempSync(join(tmpdir(), 'deckdown-readme-'));
    const files = blocks.map((code, index) => {
      const name = `block-${index + 1}.mts`;
      // A block without imports or exports is a script; `export {}` makes each one a module, as a reader's file would be.
      writeFileSync(join(dir, name), `${code}\nexport {};\n`);
      return name;
    });
    const config = {
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2023'],
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: ['node'],
        typeRoots: [join(root, 'node_modules/@types')],
        paths: { deckdown: [join(root, 'src/index.ts')] },
        allowImportingTsExtensions: true,
      },
      // The sources' own declarations for untyped packages come along, as the project's config has them.
      files: [...files, ...readdirSync(join(root, 'src/types')).map((name) => join(root, 'src/types', name))],
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config));
    const output = await run(join(root, 'node_modules/.bin/tsc'), ['-p', dir]).then(
      () => '',
      (error: { stdout: string }) => error.stdout,
    );
    expect(output).toBe('');
  }, 120_000);
});
