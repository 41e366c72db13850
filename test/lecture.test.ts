import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOutline } from '../src/index.js';
import { runsToText } from '../src/outline/inline.js';
import type { Block } from '../src/outline/schema.js';

const lecturePath = new URL('../content/lecture.md', import.meta.url).pathname;
const seedPath = new URL('../../shared/seed/000_440d1df941257403.txt', import.meta.url).pathname;
const { deck, messages } = buildOutline(readFileSync(lecturePath, 'utf8'), { path: lecturePath });

function blocksText(blocks: readonly Block[]): string {
  return blocks
    .map((block): string => {
      switch (block.type) {
        case 'list':
          return block.items.map((item) => blocksText(item.blocks)).join(' ');
        case 'code':
          return block.text;
        case 'paragraph':
        case 'subheading':
          return runsToText(block.runs);
        case 'stat':
          return `${block.figure} ${runsToText(block.caption)}`;
        default:
          return '';
      }
    })
    .join(' ');
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
const slideText = deck.slides.map((slide) => collapse(`${runsToText(slide.title)} ${'body' in slide ? blocksText(slide.body) : ''}`));
const notesText = collapse(deck.slides.map((slide) => blocksText(slide.notes)).join(' '));

describe('the seed lecture (content/lecture.md)', () => {
  it('builds without any message, in Kazakh', () => {
    expect(messages).toEqual([]);
    expect(deck.meta.lang).toBe('kk-KZ');
  });

  it('opens with a title slide naming the author and his title', () => {
    const [first] = deck.slides;
    expect(first?.layout).toBe('title');
    expect(first?.layout === 'title' && first.author).toBe('Сайын Борбасов, саяси ғылым докторы, профессор');
  });

  it('has at least 20 slides, five of them the Manifesto principles in order', () => {
    expect(deck.slides.length).toBeGreaterThanOrEqual(20);
    const principles = deck.slides.map((slide) => runsToText(slide.title).split(':')[0]).filter((title) => /^(Бірінші|Екінші|Үшінші|Төртінші|Бесінші)ден$/.test(title!));
    expect(principles).toEqual(['Біріншіден', 'Екіншіден', 'Үшіншіден', 'Төртіншіден', 'Бесіншіден']);
  });

  it('shows every figure of the article on a slide, not only in the notes', () => {
    const figures = ['44 мемлекет', '15 мемлекет', '20 жылда', '20 %', '15 соғыс', '3 соғыс', '2005', '2008', '2011', '2016', '25 жыл', '8 елдің'];
    for (const figure of figures) expect(slideText.some((text) => text.includes(figure)), figure).toBe(true);
  });

  // The seed article sits beside the repository (../shared); CI always has it.
  it.skipIf(!existsSync(seedPath) && !process.env.CI)('keeps every sentence of the article in the speaker notes', () => {
    const lines = readFileSync(seedPath, 'utf8')
      .split('\n')
      .map((line) => collapse(line).replace(/[.,]$/, ''))
      .filter(Boolean)
      .filter((line) => !line.startsWith('Сайын Борбасов') && !line.startsWith('саяси ғылым докторы'));
    expect(lines.length).toBeGreaterThan(40);
    for (const line of lines) expect(notesText, line).toContain(line);
  });
});
