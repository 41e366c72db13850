import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { readPackage, slideNames, structuralProblems, textOf } from './helpers/package.js';
import { frontMatterWords, MARKUP, notesBlocks, proseOf, wordsOf } from './helpers/source-words.js';

/**
 * Decks written here in the syntax of pandoc, Marp, Slidev and md2pptx (see each folder's
 * COVERAGE.md), built as a user would build them: each must build, show no markup, keep every
 * notes block in the notes and every word of its source somewhere in the deck.
 */
const root = new URL('./peers/', import.meta.url).pathname;
const decks = ['pandoc', 'marp', 'slidev', 'md2pptx'].flatMap((tool) =>
  readdirSync(join(root, tool))
    .filter((name) => name.endsWith('.md') && name !== 'COVERAGE.md')
    .map((name) => ({ tool, path: join(root, tool, name) })),
);
const out = mkdtempSync(join(tmpdir(), 'deckdown-peers-'));
const MONO = /typeface="Noto Sans Mono"/;

function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Each paragraph's text without its monospace runs (code may show markup: it is code). */
function proseParagraphs(xml: string): string[] {
  return xml.split('</a:p>').map((paragraph) =>
    // A run's properties are an empty element when they say no more than their attributes.
    [...paragraph.matchAll(/<a:r>(?:<a:rPr[^>]*\/>|<a:rPr[^>]*>([\s\S]*?)<\/a:rPr>)?<a:t>([^<]*)<\/a:t><\/a:r>/g)]
      .filter((run) => !MONO.test(run[1] ?? ''))
      .map((run) => unescape(run[2]!))
      .join(''),
  );
}

async function build(path: string): Promise<{ code: number; stderr: string; parts: Map<string, string> }> {
  let stderr = '';
  const target = join(out, `${basename(path, '.md')}-${Math.random().toString(36).slice(2)}.pptx`);
  const code = await run(['build', path, '-o', target], { stdout: () => undefined, stderr: (text) => (stderr += text), cwd: root, env: {} });
  return { code, stderr, parts: code === 0 ? readPackage(readFileSync(target)) : new Map() };
}

describe('decks written for other tools', () => {
  it('has at least 30 decks across pandoc, Marp, Slidev and md2pptx', () => {
    expect(decks.length).toBeGreaterThanOrEqual(30);
    for (const tool of ['pandoc', 'marp', 'slidev', 'md2pptx']) expect(decks.some((deck) => deck.tool === tool)).toBe(true);
  });

  describe.each(decks.map((deck) => [`${deck.tool}/${basename(deck.path)}`, deck.path] as const))('%s', (_name, path) => {
    const source = readFileSync(path, 'utf8');
    const result = build(path);

    it('builds with exit 0 and passes the structural check', async () => {
      const { code, stderr, parts } = await result;
      expect(code, stderr).toBe(0);
      expect(structuralProblems(parts)).toEqual([]);
    });

    it('shows no markup on any slide', async () => {
      const { parts } = await result;
      const shown = slideNames(parts).flatMap((name) => proseParagraphs(parts.get(name)!).map((text) => ({ name, text })));
      const markup = shown.flatMap(({ name, text }) => MARKUP.filter(({ pattern }) => pattern.test(text)).map(({ name: kind }) => `${name}: ${kind}: ${text}`));
      expect(markup).toEqual([]);
    });

    it('puts every notes block into the speaker notes', async () => {
      const { parts } = await result;
      const notes = wordsOf([...parts].filter(([name]) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name)).flatMap(([, xml]) => textOf(xml)).join(' '));
      const known = new Set(notes);
      const missing = notesBlocks(source).flatMap((block) => wordsOf(proseOf(block)).filter((word) => !known.has(word)));
      expect(missing).toEqual([]);
    });

    it('keeps every word of the source somewhere in the deck: slides, notes, alt text or properties', async () => {
      const { parts } = await result;
      const text = [...parts]
        .flatMap(([name, xml]) => {
          if (/^ppt\/(slides|notesSlides)\/\w+\.xml$/.test(name)) return [...textOf(xml), ...[...xml.matchAll(/ descr="([^"]*)"/g)].map((m) => unescape(m[1]!))];
          if (/^ppt\/charts\/chart\d+\.xml$/.test(name)) return [...xml.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => unescape(m[1]!));
          if (name === 'docProps/core.xml') return [unescape(xml.replace(/<[^>]+>/g, ' '))];
          return [];
        })
        .join(' ');
      const known = new Set(wordsOf(text));
      const missing = [...wordsOf(proseOf(source)), ...frontMatterWords(source)].filter((word) => !known.has(word));
      expect(missing).toEqual([]);
    });
  });
});
