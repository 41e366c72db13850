import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { BlockSchema, buildOutline, DeckdownError, markdownToPptx, renderPptx } from '../src/index.js';
import type { Block, Chart, Code, Columns, Image, List, Paragraph, Quote, Stat, Subheading, Table, TextRun } from '../src/index.js';

describe('public API', () => {
  it('exports exactly this list', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'BlockSchema',
        'DEFAULT_LIMITS',
        'DeckSchema',
        'DeckdownError',
        'FrontMatterSchema',
        'InlineSchema',
        'SlideSchema',
        'ThemeError',
        'ThemeSchema',
        'buildOutline',
        'contrastWarnings',
        'createProcessor',
        'defineTheme',
        'formatMessage',
        'formatMessages',
        'importTemplate',
        'layoutDeck',
        'listThemes',
        'loadTheme',
        'markdownToPptx',
        'mdastToDeck',
        'planSlides',
        'remarkDeck',
        'renderPlan',
        'renderPptx',
        'resolveBuildDate',
        'rules',
      ].sort(),
    );
  });

  it('buildOutline returns the deck and messages without throwing on bad input', () => {
    const { deck, messages } = buildOutline('---\ntheme: nope.yaml\n---\n\n# A\n\nb\n', { path: 'talk.md' });
    expect(deck.slides).toHaveLength(1);
    expect(messages.map((m) => [m.ruleId, m.line, m.column, m.fatal])).toEqual([['unknown-theme', 2, 8, true]]);
  });

  it('markdownToPptx throws a DeckdownError that lists every error', async () => {
    const error = await markdownToPptx('---\ntitle: 1\nlang: 7\n---\n', { path: 'talk.md' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeckdownError);
    expect((error as DeckdownError).message.split('\n')).toEqual([
      'talk.md:2:8: error: front matter "title" has the wrong value 1: Invalid input: expected string, received number [invalid-front-matter]',
      'talk.md:3:7: error: front matter "lang" has the wrong value 7: Invalid input: expected string, received number [invalid-front-matter]',
      'talk.md:1:1: error: the document is empty: write a front matter title or at least one heading or paragraph [empty-document]',
    ]);
  });

  it('renderPptx validates a deck before rendering it', async () => {
    const error = await renderPptx({ meta: {}, slides: [{ layout: 'diagram', title: [] }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeckdownError);
    expect((error as DeckdownError).messages[0]?.reason).toMatch(/^slides\.0\.layout: /);
    const bytes = await renderPptx({ meta: {}, slides: [{ layout: 'section', title: [{ type: 'text', text: 'Ok' }] }] });
    expect(Buffer.from(bytes.subarray(0, 2)).toString()).toBe('PK');
  });

  it('renderPptx takes a theme object and rejects an invalid one', async () => {
    const deck = { meta: {}, slides: [{ layout: 'section' as const, title: [{ type: 'text' as const, text: 'Ok' }] }] };
    const theme = api.loadTheme('default');
    await expect(renderPptx(deck, { theme: { ...theme, colors: { ...theme.colors, text: 'blue' } } })).rejects.toThrow(
      /colors\.text: a six-digit hex colour/,
    );
  });
});

describe('exported block types', () => {
  it('names every kind of block, and each sample of them is a valid block', () => {
    const run: TextRun = { type: 'text', text: 'Text' };
    const paragraph: Paragraph = { type: 'paragraph', runs: [run] };
    const samples: Block[] = [
      paragraph,
      { type: 'subheading', runs: [run] } satisfies Subheading,
      { type: 'code', lang: 'ts', text: 'let x = 1;' } satisfies Code,
      { type: 'list', ordered: false, items: [{ blocks: [paragraph] }] } satisfies List,
      { type: 'quote', blocks: [paragraph] } satisfies Quote,
      { type: 'image', src: 'a.png', alt: 'A' } satisfies Image,
      { type: 'table', align: [null], header: [[run]], rows: [[[run]]] } satisfies Table,
      { type: 'chart', chart: 'bar', categories: ['a'], series: [{ name: 's', values: [1] }] } satisfies Chart,
      { type: 'stat', figure: '44', caption: [run] } satisfies Stat,
      { type: 'columns', columns: [{ blocks: [paragraph] }] } satisfies Columns,
    ];
    expect(new Set(samples.map((block) => block.type)).size).toBe(samples.length);
    for (const block of samples) expect(BlockSchema.safeParse(block).success, block.type).toBe(true);
  });
});
