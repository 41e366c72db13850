import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { faceSourceFile, installedFontName, SHIPPED_FAMILIES } from '../src/fonts/catalog.js';
import { readPackage, slideNames } from './helpers/package.js';

/**
 * The package as its consumers get it: `npm pack`'s tarball, installed into a fresh project
 * from the npm registry (or npm's cache), type-checked strictly and run from ES modules and
 * from CommonJS, with npm's default install and with its isolated (`linked`) one. The
 * examples in examples/ run there too, against the installed package rather than the sources.
 */
const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string>; devDependencies: Record<string, string> };

interface PackedFile {
  path: string;
  size: number;
}

/**
 * What the build reads, copied as a clean checkout has it: packing rebuilds dist/ (the prepare
 * script, as publishing does), and the dist/ that the other tests read is left alone.
 */
function checkout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'deckdown-checkout-'));
  for (const entry of ['package.json', 'README.md', 'LICENSE', 'tsconfig.json', 'tsconfig.build.json', 'src', 'templates']) {
    cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

let tarball = '';
let files: PackedFile[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'deckdown-pack-'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: checkout(), maxBuffer: 16 * 1024 * 1024 });
  const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as { filename: string; files: PackedFile[] }[];
  tarball = join(dir, packed!.filename);
  files = packed!.files;
}, 300_000);

/** The tarball unpacked, once: the folder of its package. */
let unpackedAt: string | undefined;
async function unpacked(): Promise<string> {
  if (unpackedAt) return unpackedAt;
  const dir = mkdtempSync(join(tmpdir(), 'deckdown-unpacked-'));
  await run('tar', ['-xzf', tarball, '-C', dir]);
  return (unpackedAt = join(dir, 'package'));
}

/** The tarball's third-party licences, one heading per package or font family. */
async function noticeHeadings(): Promise<string[]> {
  const text = readFileSync(join(await unpacked(), 'dist', 'THIRD-PARTY-LICENSES.md'), 'utf8');
  return [...text.matchAll(/^## (.+)$/gm)].map((match) => match[1]!);
}

/** The texts of a module of dist/ and of every module of dist/ it imports, statically or dynamically. */
function moduleGraph(dist: string, entry: string, seen = new Map<string, string>()): Map<string, string> {
  if (seen.has(entry)) return seen;
  const text = readFileSync(join(dist, entry), 'utf8');
  seen.set(entry, text);
  for (const [, imported] of text.matchAll(/(?:from |import\(?)\s*"\.\/([^"]+\.js)"/g)) moduleGraph(dist, imported!, seen);
  return seen;
}

describe('the packed tarball', () => {
  it('holds the library, its types, the CLI, the templates, the fonts and the licences, and nothing else', () => {
    const paths = files.map((file) => file.path);
    for (const needed of ['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts', 'dist/cli.js', 'dist/THIRD-PARTY-LICENSES.md', 'templates/default/theme.json', 'templates/lecture/theme.json', 'templates/dark/theme.json', 'templates/theme.schema.json', 'templates/deck.schema.json']) {
      expect(paths, needed).toContain(needed);
    }
    // No sources, tests, decks or source maps whose sources are not shipped.
    expect(paths.filter((path) => !/^(dist|templates)\//.test(path) && !['package.json', 'README.md', 'LICENSE'].includes(path))).toEqual([]);
    expect(paths.filter((path) => path.endsWith('.map') || path.endsWith('.ts') && !path.endsWith('.d.ts'))).toEqual([]);
    expect(files.length).toBeLessThan(200);
    expect(files.reduce((sum, file) => sum + file.size, 0)).toBeLessThan(12_000_000);
  });

  it('sets V8 flags in the CLI alone: a program that imports the library keeps its own', async () => {
    const dist = join(await unpacked(), 'dist');
    const library = [...moduleGraph(dist, 'index.js'), ...moduleGraph(dist, 'build-worker.js')];
    expect(library.length).toBeGreaterThan(3);
    expect(library.filter(([, text]) => text.includes('setFlagsFromString')).map(([name]) => name)).toEqual([]);
    expect(readFileSync(join(dist, 'cli.js'), 'utf8')).toContain('setFlagsFromString("--heap-growing-percent=30")');
  });

  it('ships the font faces themes use and no others, compressed', () => {
    const faces = Object.values(SHIPPED_FAMILIES).flatMap((family) => family.styles.map((style) => faceSourceFile(family, style).split('/')[1]!));
    const shipped = files.filter((file) => /\.(ttf|otf|woff2?)(\.br)?$/.test(file.path));
    expect(shipped.map((file) => installedFontName(file.path)).sort()).toEqual(faces.sort());
    expect(shipped.every((file) => file.path.startsWith('dist/fonts/') && file.path.endsWith('.ttf.br'))).toBe(true);
    expect(shipped.reduce((sum, file) => sum + file.size, 0)).toBeLessThan(7_000_000);
  });

  it('bundles each library once, in one version, with its licence', async () => {
    const headings = await noticeHeadings();
    const packages = headings.filter((heading) => !heading.includes(': fonts from '));
    const names = packages.map((heading) => heading.split(' ')[0]!);
    expect(names.length).toBeGreaterThan(50);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['pptxgenjs', 'fontkit', 'micromark', 'remark-parse', 'yaml']));
    // What stays a dependency is installed, not bundled.
    for (const name of Object.keys(manifest.dependencies)) expect(names).not.toContain(name);
    // fontkit's brotli decoder is Node's own.
    expect(names).not.toContain('brotli');
    expect(headings.filter((heading) => heading.includes(': fonts from ')).map((heading) => heading.split(':')[0])).toEqual(Object.keys(SHIPPED_FAMILIES));
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

/** The bytes of every file under a folder, as an install puts them on disk. */
function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(dir, entry.name);
    return sum + (entry.isDirectory() ? folderBytes(path) : entry.isFile() ? statSync(path).size : 0);
  }, 0);
}

describe('a fresh install of the tarball alone', () => {
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'deckdown-footprint-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'footprint', version: '1.0.0', private: true }));
    await run('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund'], { cwd: dir });
  }, 300_000);

  it('is as small as the README says: its packages and megabytes, at most half of what they were', async () => {
    const { stdout } = await run('npm', ['ls', '--all', '--parseable'], { cwd: dir });
    const packages = new Set(stdout.trim().split('\n').slice(1)).size;
    const megabytes = folderBytes(join(dir, 'node_modules')) / 1e6;
    const claim = /adds (\d+) packages, (\d+) MB on disk/.exec(readFileSync(join(root, 'README.md'), 'utf8'));
    expect(claim, 'the README states the install size').not.toBeNull();
    expect(packages).toBe(Number(claim![1]));
    expect(Math.abs(megabytes - Number(claim![2]))).toBeLessThan(1);
    // Before the dependencies were bundled and the fonts cut to the faces in use: 140 packages, 84 MB.
    expect(packages).toBeLessThanOrEqual(70);
    expect(megabytes).toBeLessThanOrEqual(42);
  });

  it('has each package once, in one version', async () => {
    const { stdout } = await run('npm', ['ls', '--all', '--parseable'], { cwd: dir });
    const names = stdout.trim().split('\n').slice(1).map((path) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it('runs the CLI it installs', async () => {
    writeFileSync(join(dir, 'talk.md'), '# Talk\n\n## Point\n\n- one\n- two\n');
    const { stdout } = await run('npx', ['deckdown', 'build', 'talk.md'], { cwd: dir });
    expect(stdout).toBe(`wrote ${join(dir, 'talk.pptx')} (2 slides; 0 shrunk, 0 continued)\n`);
    expect(slideNames(readPackage(readFileSync(join(dir, 'talk.pptx'))))).toHaveLength(2);
  });
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
