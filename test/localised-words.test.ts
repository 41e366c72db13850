import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOutline, DeckSchema, defineTheme, layoutDeck, loadTheme, planSlides, ThemeError, type DeckInput, type PlacedSlide, type Theme } from '../src/index.js';
import { FontSet } from '../src/fonts/font-set.js';
import { Measurer } from '../src/layout/measure.js';

const defaultTheme = loadTheme('default');
const measure = new Measurer(new FontSet(), defaultTheme.fonts.fallback);

function title(slide: PlacedSlide): string {
  const frame = slide.frames.find((candidate) => candidate.name === 'Title');
  if (!frame || frame.kind !== 'text') return '';
  return frame.paragraphs.map((p) => p.runs.map((run) => (run.type === 'break' ? '\n' : run.text)).join('')).join('\n');
}

/** Front matter settings, then two sections and a slide long enough to continue onto another. */
function deckSource(frontMatter: string): string {
  const items = Array.from({ length: 30 }, (_, i) => `${i + 1}. Бұл ${i + 1}-сөйлем Қазақстанның халықаралық беделінің нығаюы туралы ұзақ әрі толық мәлімет береді.`).join('\n');
  return `---\ntitle: Deck\ntoc: true\n${frontMatter}\n---\n\n# One\n\n## Long\n\n${items}\n\n# Two\n\n## Short\n\nText.\n`;
}

/** The agenda's title and the continued slide's title, as laid out with the theme. */
function words(frontMatter: string, theme: Theme = defaultTheme): { agenda: string; continued: string } {
  const { deck, messages } = buildOutline(deckSource(frontMatter));
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  const { slides } = layoutDeck(deck, theme, { images: new Map(), measure }).deck;
  const agenda = slides.find((slide) => slide.layout === 'agenda')!;
  const longParts = slides.filter((slide) => title(slide).startsWith('Long'));
  expect(longParts.length).toBeGreaterThan(1);
  return { agenda: title(agenda), continued: title(longParts[1]!).slice('Long'.length).trim() };
}

const themed = (words: Theme['words']) => defineTheme({ words });

describe('the words deckdown writes on slides', () => {
  it('are built in for Kazakh and Russian, with English for languages it does not know', () => {
    expect(words('lang: kk-KZ')).toEqual({ agenda: 'Күн тәртібі', continued: '(жалғасы)' });
    expect(words('lang: ru')).toEqual({ agenda: 'План', continued: '(продолжение)' });
    expect(words('lang: fr-CA')).toEqual({ agenda: 'Sommaire', continued: '(suite)' });
    expect(words('lang: es')).toEqual({ agenda: 'Agenda', continued: '(cont.)' });
  });

  it('come from the front matter, into the outline', () => {
    const { deck, messages } = buildOutline(deckSource('lang: kk-KZ\nagendaTitle: Мазмұны\ncontinuedMark: (жалғасы бар)'));
    expect(messages).toEqual([]);
    expect(deck.meta).toMatchObject({ agendaTitle: 'Мазмұны', continuedMark: '(жалғасы бар)' });
    expect(words('lang: kk-KZ\nagendaTitle: Мазмұны\ncontinuedMark: (жалғасы бар)')).toEqual({ agenda: 'Мазмұны', continued: '(жалғасы бар)' });
  });

  it('take an empty continued mark as none', () => {
    expect(words('continuedMark: ""').continued).toBe('');
  });

  it("read pandoc's toc-title as the agenda title, not as a setting that is ignored", () => {
    const { deck, messages } = buildOutline(deckSource('lang: ru\ntoc-title: Содержание'));
    expect(deck.meta.agendaTitle).toBe('Содержание');
    expect(messages.map((message) => message.ruleId)).not.toContain('foreign-key');
    expect(words('lang: ru\ntoc-title: Содержание')).toEqual({ agenda: 'Содержание', continued: '(продолжение)' });
  });

  it("prefer deckdown's own agendaTitle to pandoc's toc-title, wherever each is written", () => {
    for (const frontMatter of ['toc-title: pandoc\nagendaTitle: deckdown', 'agendaTitle: deckdown\ntoc-title: pandoc']) {
      expect(buildOutline(deckSource(frontMatter)).deck.meta.agendaTitle).toBe('deckdown');
    }
  });

  it('come from the theme, over the built-in words', () => {
    const theme = themed({ agenda: 'Overview', continued: '(more)' });
    expect(words('lang: kk-KZ', theme)).toEqual({ agenda: 'Overview', continued: '(more)' });
  });

  it("come from the theme per language: the deck's tag first, then its language, then deckdown's word", () => {
    const theme = themed({ agenda: { en: 'Overview', kk: 'Шолу', 'kk-CN': 'Шолу (CN)' }, continued: { ru: '(дальше)' } });
    expect(words('lang: kk-KZ', theme)).toEqual({ agenda: 'Шолу', continued: '(жалғасы)' });
    expect(words('lang: kk-cn', theme)).toEqual({ agenda: 'Шолу (CN)', continued: '(жалғасы)' });
    expect(words('lang: ru-RU', theme)).toEqual({ agenda: 'План', continued: '(дальше)' });
    expect(words('lang: en-GB', theme)).toEqual({ agenda: 'Overview', continued: '(cont.)' });
  });

  it('follow the front matter over the theme, word by word', () => {
    const theme = themed({ agenda: 'Overview', continued: '(more)' });
    expect(words('agendaTitle: Today', theme)).toEqual({ agenda: 'Today', continued: '(more)' });
    expect(words('toc-title: Today\ncontinuedMark: (ctd.)', theme)).toEqual({ agenda: 'Today', continued: '(ctd.)' });
  });

  it("keep an agenda title written in a hand-made outline over every deck's word", () => {
    const input: DeckInput = {
      meta: { agendaTitle: 'From meta' },
      slides: [
        { layout: 'agenda', title: [{ type: 'text', text: 'Written' }], items: [[{ type: 'text', text: 'One' }]] },
        { layout: 'agenda', items: [[{ type: 'text', text: 'One' }]] },
      ],
    };
    const { slides } = layoutDeck(DeckSchema.parse(input), themed({ agenda: 'Overview' }), { images: new Map(), measure }).deck;
    expect(slides.map(title)).toEqual(['Written', 'From meta']);
  });

  describe('in a theme file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deckdown-words-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('title the agenda of a deck that names the theme, per language over the theme it extends', () => {
      writeFileSync(join(dir, 'base.yaml'), 'extends: default\nwords:\n  agenda:\n    en: Overview\n    kk: Шолу\n');
      writeFileSync(join(dir, 'brand.yaml'), 'extends: base.yaml\nwords:\n  agenda:\n    ru: Обзор\n');
      for (const [lang, agenda] of [['ru', 'Обзор'], ['kk-KZ', 'Шолу'], ['de', 'Agenda']] as const) {
        const source = `---\ntitle: Deck\nlang: ${lang}\ntheme: brand.yaml\ntoc: true\n---\n\n# One\n\n## Slide\n\nText.\n`;
        const { deck } = buildOutline(new VFile({ path: join(dir, 'deck.md'), value: source }));
        const { placed } = planSlides(deck, { baseDir: dir });
        expect(title(placed.slides.find((slide) => slide.layout === 'agenda')!)).toBe(agenda);
      }
    });

    it('are checked: a key of a per-language map is a language tag', () => {
      writeFileSync(join(dir, 'typo.yaml'), 'extends: default\nwords:\n  agenda:\n    Kazakh: Шолу\n');
      expect(() => loadTheme(join(dir, 'typo.yaml'))).toThrow(ThemeError);
      expect(() => loadTheme(join(dir, 'typo.yaml'))).toThrow(/typo\.yaml:4:\d+: words\.agenda/);
    });
  });
});
