import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildOutline, DeckdownError, defineTheme, markdownToPptx } from '../src/index.js';
import { locateResource, projectRoot } from '../src/resources/policy.js';

/** The resource policy through the API: what a deck may read, and what the caller may allow. */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'deckdown-resources-'));
});

function png(): Buffer {
  return PNG.sync.write(new PNG({ width: 2, height: 2 }));
}

function write(path: string, data: string | Buffer): string {
  const full = join(dir, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, data);
  return full;
}

async function errors(source: string, path: string, options: Parameters<typeof markdownToPptx>[1] = {}): Promise<string[]> {
  try {
    await markdownToPptx(source, { path, ...options });
    return [];
  } catch (error) {
    if (!(error instanceof DeckdownError)) throw error;
    return error.messages.filter((message) => message.fatal).map((message) => `${message.ruleId}: ${message.reason}`);
  }
}

describe('the project root', () => {
  it('is the nearest folder with a package.json or a .git, else the folder itself', () => {
    write('app/package.json', '{}');
    mkdirSync(join(dir, 'app/talks/week1'), { recursive: true });
    expect(projectRoot(join(dir, 'app/talks/week1'))).toBe(join(dir, 'app'));
    mkdirSync(join(dir, 'repo/.git/objects'), { recursive: true });
    mkdirSync(join(dir, 'repo/docs'), { recursive: true });
    expect(projectRoot(join(dir, 'repo/docs'))).toBe(join(dir, 'repo'));
    mkdirSync(join(dir, 'loose'), { recursive: true });
    // The temporary folder has neither above it.
    expect(projectRoot(join(dir, 'loose'))).toBe(join(dir, 'loose'));
  });

  it('refuses a path outside it before looking at the file, and again after following links', () => {
    write('project/package.json', '{}');
    write('outside.png', png());
    symlinkSync(join(dir, 'outside.png'), join(dir, 'project/inside.png'));
    const root = join(dir, 'project');
    expect(locateResource('../outside.png', root, root)).toMatchObject({ problem: 'outside-root' });
    expect(locateResource('inside.png', root, root)).toMatchObject({ problem: 'outside-root' });
    expect(locateResource('inside.png', root, false)).toEqual({ path: join(dir, 'outside.png') });
    expect(locateResource('https://example.com/a.png', root, false)).toMatchObject({ problem: 'remote' });
  });
});

describe('resourceRoot', () => {
  const deck = '# Slide\n\n![outside](../outside.png)\n';

  it('defaults to the source’s project, so a picture outside it is an error at the picture', async () => {
    write('outside.png', png());
    const path = write('project/talk.md', deck);
    write('project/package.json', '{}');
    const { messages } = buildOutline(deck, { path });
    const refused = messages.find((message) => message.ruleId === 'outside-root');
    expect(refused?.fatal).toBe(true);
    expect([refused?.line, refused?.column]).toEqual([3, 1]);
    expect(await errors(deck, path)).toEqual([expect.stringMatching(/^outside-root: image "\.\.\/outside\.png" is outside the project folder/)]);
  });

  it('may be a wider folder, or false for anywhere', async () => {
    write('outside.png', png());
    const path = write('project/talk.md', deck);
    write('project/package.json', '{}');
    expect(await errors(deck, path, { resourceRoot: dir })).toEqual([]);
    expect(await errors(deck, path, { resourceRoot: false })).toEqual([]);
  });

  it('confines the theme a deck names, and what that theme names', async () => {
    write('project/package.json', '{}');
    write('project/theme.yaml', 'extends: default\nbackgrounds:\n  content: ../outside.png\n');
    write('outside.png', png());
    const source = '---\ntheme: theme.yaml\n---\n\n# Slide\n\nText.\n';
    const path = write('project/talk.md', source);
    expect(await errors(source, path)).toEqual([expect.stringMatching(/^outside-root: .*theme\.yaml:3:12: backgrounds\.content: ".*outside\.png" is outside the project folder/)]);
    expect(await errors(source, path, { resourceRoot: false })).toEqual([]);
  });
});

describe('a theme object', () => {
  it('never makes a build reach the network: a URL logo is refused', async () => {
    const theme = defineTheme({ logo: { path: 'https://example.com/logo.png', box: { x: 0.1, y: 0.1, w: 1, h: 0.5 } } });
    expect(await errors('# Slide\n\nText.\n', join(dir, 'talk.md'), { theme })).toEqual([expect.stringMatching(/logo\.path: "https:\/\/example\.com\/logo\.png" is a URL; deckdown reads local files only/)]);
  });

  it('must name files that exist', async () => {
    const theme = defineTheme({ logo: { path: join(dir, 'missing.png'), box: { x: 0.1, y: 0.1, w: 1, h: 0.5 } } });
    expect(await errors('# Slide\n\nText.\n', join(dir, 'talk.md'), { theme })).toEqual([expect.stringMatching(/logo\.path: ".*missing\.png" does not exist/)]);
  });
});

describe('what is drawn is what was checked', () => {
  it('a theme object’s relative logo is taken from the working directory, as the renderer takes it, and checked there', async () => {
    write('project/package.json', '{}');
    write('project/lecture/ornament.png', '#!/bin/sh\necho not a picture\n');
    const cwd = process.cwd();
    process.chdir(join(dir, 'project'));
    try {
      const theme = defineTheme({ logo: { path: 'lecture/ornament.png', box: { x: 0.1, y: 0.1, w: 1, h: 0.5 } } }, '.');
      expect(await errors('# Slide\n\nText.\n', join(dir, 'project/talk.md'), { theme: { ...theme, logo: { ...theme.logo!, path: 'lecture/ornament.png' } } })).toEqual([
        expect.stringMatching(/logo\.path: "lecture\/ornament\.png" is not a PNG, JPEG, GIF or SVG image/),
      ]);
    } finally {
      process.chdir(cwd);
    }
  });
});
