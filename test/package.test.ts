import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPackage, slideNames } from './helpers/package.js';

/**
 * The package as its consumers get it: `npm pack`'s tarball, installed into a fresh project
 * from the npm registry (or npm's cache), type-checked strictly and run from ES modules and
 * from CommonJS, with npm's default install and with its isolated (`linked`) one. The
 * examples in examples/ run there too, against the installed package rather than the sources.
 */
const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; devDependencies: Record<string, string> };

interface PackedFile {
  path: string;
  size: number;
}

let tarball = '';
let files: PackedFile[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'deckdown-pack-'));
  // Packing builds dist/ first (the prepare script), as publishing does.
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as { filename: string; files: PackedFile[] }[];
  tarball = join(dir, packed!.filename);
  files = packed!.files;
}, 180_000);

describe('the packed tarball', () => {
  it('holds the library, its types, the CLI, the templates and the licence, and nothing else', () => {
    const paths = files.map((file) => file.path);
    for (const needed of ['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts', 'dist/cli/bin.js', 'templates/default/theme.json', 'templates/lecture/theme.json', 'templates/dark/theme.json', 'templates/theme.schema.json', 'templates/deck.schema.json']) {
      expect(paths, needed).toContain(needed);
    }
    // No sources, tests, decks or source maps whose sources are not shipped.
    expect(paths.filter((path) => !/^(dist|templates)\//.test(path) && !['package.json', 'README.md', 'LICENSE'].includes(path))).toEqual([]);
    expect(paths.filter((path) => path.endsWith('.map'))).toEqual([]);
    expect(files.length).toBeLessThan(300);
    expect(files.reduce((sum, file) => sum + file.size, 0)).toBeLessThan(2_000_000);
  });
});

const consumer = `import { writeFileSync } from 'node:fs';
import { defineTheme, markdownToPptx, type Theme } from 'deckdown';

const theme: Theme = defineTheme({ extends: 'default', name: 'campus', colors: { accent: '8C2F2B' } });
const { pptx, deck } = await markdownToPptx('# Talk\\n\\n## Point\\n\\n- one\\n- two\\n', { theme });
writeFileSync('talk.pptx', pptx);
console.log(\`\${deck.slides.length} slides on \${theme.name}\`);
`;

const commonJs = `const deckdown = require('deckdown');
const schema = require.resolve('deckdown/templates/theme.schema.json');
deckdown.markdownToPptx('# CommonJS\\n\\n## Slide\\n\\nText.\\n').then(({ pptx }) => console.log(\`required: \${pptx.length > 0}, \${schema.endsWith('theme.schema.json')}\`));
`;

const strict = { compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: false, types: ['node'], outDir: 'build' }, files: ['consumer.ts'] };

/** A fresh project with the tarball installed by npm's `strategy`, made once per strategy. */
const projects = new Map<string, Promise<string>>();
function project(strategy: string): Promise<string> {
  let made = projects.get(strategy);
  if (!made) {
    made = (async () => {
      const dir = mkdtempSync(join(tmpdir(), `deckdown-consumer-${strategy}-`));
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(strict));
      writeFileSync(join(dir, 'consumer.ts'), consumer);
      writeFileSync(join(dir, 'load.cjs'), commonJs);
      // The examples run as a reader runs them: beside the content they read, importing the installed package.
      cpSync(join(root, 'examples'), join(dir, 'examples'), { recursive: true });
      cpSync(join(root, 'content'), join(dir, 'content'), { recursive: true });
      const { typescript, tsx, '@types/node': node } = manifest.devDependencies;
      await run('npm', ['install', tarball, `typescript@${typescript}`, `tsx@${tsx}`, `@types/node@${node}`, `--install-strategy=${strategy}`, '--prefer-offline', '--no-audit', '--no-fund'], { cwd: dir });
      return dir;
    })();
    projects.set(strategy, made);
  }
  return made;
}

describe.each(['hoisted', 'linked'])('a fresh project that installs the tarball (%s)', (strategy) => {
  let dir = '';
  beforeAll(async () => {
    dir = await project(strategy);
  }, 300_000);

  // Compiling also writes build/consumer.js, which the next test runs.
  it('type-checks strictly, without skipLibCheck', async () => {
    const result = await run('npx', ['tsc', '-p', '.'], { cwd: dir }).then(
      () => '',
      (error: { stdout: string }) => error.stdout,
    );
    expect(result).toBe('');
  }, 120_000);

  it('calls markdownToPptx with a defineTheme() object and writes a deck', async () => {
    const { stdout } = await run('node', ['build/consumer.js'], { cwd: dir });
    expect(stdout).toBe('2 slides on campus\n');
    expect(readFileSync(join(dir, 'talk.pptx')).subarray(0, 2).toString()).toBe('PK');
  }, 120_000);

  it('loads from CommonJS with require(), and exports its templates', async () => {
    const { stdout } = await run('node', ['load.cjs'], { cwd: dir });
    expect(stdout).toBe('required: true, true\n');
  }, 120_000);
});

describe('the examples, run against the installed tarball', () => {
  let dir = '';
  const example = async (script: string, ...args: string[]) => (await run('npx', ['tsx', `examples/${script}`, ...args], { cwd: dir })).stdout;
  beforeAll(async () => {
    dir = await project('hoisted');
  }, 300_000);

  it('covers every example script', () => {
    expect(readdirSync(join(root, 'examples')).filter((name) => name.endsWith('.ts')).sort()).toEqual(['build-lecture.ts', 'custom-theme.ts', 'render-outline.ts']);
  });

  it('build-lecture.ts writes the lecture deck', async () => {
    const output = join(dir, 'lecture.pptx');
    const stdout = await example('build-lecture.ts', output);
    const parts = readPackage(readFileSync(output));
    expect(stdout).toContain(`${slideNames(parts).length} slides, language kk-KZ`);
    expect(slideNames(parts).length).toBeGreaterThanOrEqual(20);
  }, 120_000);

  it('render-outline.ts renders the JSON outline', async () => {
    const output = join(dir, 'outline.pptx');
    expect(await example('render-outline.ts', output)).toContain('written');
    const parts = readPackage(readFileSync(output));
    expect(slideNames(parts)).toHaveLength(2);
    expect(parts.get('ppt/slides/slide2.xml')).toContain('lang="en-GB"');
  }, 120_000);

  it('custom-theme.ts builds the lecture with a YAML theme file and a defineTheme() theme', async () => {
    const out = mkdtempSync(join(tmpdir(), 'deckdown-example-'));
    const stdout = await example('custom-theme.ts', out);
    expect(stdout).toMatch(/university theme: \d+ slides, logo .*dot\.gif/);
    expect(stdout).toMatch(/serif theme: \d+ slides, headings measured with Times New Roman \(as Tinos\)/);
    const university = readPackage(readFileSync(join(out, 'lecture-university.pptx')));
    expect(university.get('ppt/theme/theme1.xml')).toContain('<a:dk2><a:srgbClr val="003A70"/></a:dk2>');
    const serif = readPackage(readFileSync(join(out, 'lecture-serif.pptx')));
    expect(serif.get('ppt/theme/theme1.xml')).toContain('<a:majorFont><a:latin typeface="Times New Roman"/>');
  }, 120_000);
});
