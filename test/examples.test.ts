import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readPackage, slideNames } from './helpers/package.js';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;
const tsx = join(root, 'node_modules/.bin/tsx');

describe('examples', () => {
  it('covers every example script', () => {
    expect(readdirSync(join(root, 'examples')).filter((name) => name.endsWith('.ts')).sort()).toEqual(['build-lecture.ts', 'custom-theme.ts', 'render-outline.ts']);
  });

  it('build-lecture.ts writes the lecture deck', async () => {
    const output = join(mkdtempSync(join(tmpdir(), 'deckdown-example-')), 'lecture.pptx');
    const { stdout } = await run(tsx, ['examples/build-lecture.ts', output], { cwd: root });
    const parts = readPackage(readFileSync(output));
    expect(stdout).toContain(`${slideNames(parts).length} slides, language kk-KZ`);
    expect(slideNames(parts).length).toBeGreaterThanOrEqual(20);
  });

  it('render-outline.ts renders the JSON outline', async () => {
    const output = join(mkdtempSync(join(tmpdir(), 'deckdown-example-')), 'outline.pptx');
    const { stdout } = await run(tsx, ['examples/render-outline.ts', output], { cwd: root });
    expect(stdout).toContain('written');
    const parts = readPackage(readFileSync(output));
    expect(slideNames(parts)).toHaveLength(2);
    expect(parts.get('ppt/slides/slide2.xml')).toContain('lang="en-GB"');
  });
});

describe('customising templates example', () => {
  it('custom-theme.ts builds the lecture with a YAML theme file and a defineTheme() theme', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deckdown-example-'));
    const { stdout } = await run(tsx, ['examples/custom-theme.ts', dir], { cwd: root });
    expect(stdout).toMatch(/university theme: \d+ slides, logo .*dot\.gif/);
    expect(stdout).toMatch(/serif theme: \d+ slides, headings measured with Times New Roman \(as Tinos\)/);
    const university = readPackage(readFileSync(join(dir, 'lecture-university.pptx')));
    expect(university.get('ppt/theme/theme1.xml')).toContain('<a:dk2><a:srgbClr val="003A70"/></a:dk2>');
    const serif = readPackage(readFileSync(join(dir, 'lecture-serif.pptx')));
    expect(serif.get('ppt/theme/theme1.xml')).toContain('<a:majorFont><a:latin typeface="Times New Roman"/>');
  });
});
