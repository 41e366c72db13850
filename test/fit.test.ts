import { describe, expect, it } from 'vitest';
import { buildOutline, defineTheme, loadTheme, planSlides } from '../src/index.js';
import { bodyScale, pullQuoteSize } from '../src/layout/layout-deck.js';
import type { PlacedSlide } from '../src/index.js';
import { SHIPPED_FAMILIES } from '../src/fonts/catalog.js';
import { FontSet } from '../src/fonts/font-set.js';
import { Measurer } from '../src/layout/measure.js';
import type { PlacedParagraph } from '../src/layout/frames.js';
import { paragraph } from './helpers/paragraph.js';

const theme = loadTheme('default');
const measure = new Measurer(new FontSet(), theme.fonts.fallback);

function plan(markdown: string) {
  const { deck, messages } = buildOutline(markdown);
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return planSlides(deck);
}

function text(slide: PlacedSlide, name: string): string {
  const frame = slide.frames.find((candidate) => candidate.name === name);
  if (!frame || frame.kind !== 'text') return '';
  return frame.paragraphs.map((p) => p.runs.map((run) => (run.type === 'break' ? '\n' : run.text)).join('')).join('\n');
}

const sentence = (n: number) => `Бұл ${n}-сөйлем Қазақстанның халықаралық беделінің нығаюы туралы ұзақ әрі толық мәлімет береді.`;

describe('measurement with the font files', () => {
  it('measures Kazakh Cyrillic with the real advances, bold wider than regular', () => {
    const style = { font: 'Noto Sans', sizePt: 28, bold: false, italic: false };
    const regular = measure.width('Қазақстан', style);
    expect(regular).toBeGreaterThan(120);
    expect(regular).toBeLessThan(150);
    expect(measure.width('Қазақстан', { ...style, bold: true })).toBeGreaterThan(regular);
    expect(measure.width('Қазақстан', { ...style, sizePt: 14 })).toBeCloseTo(regular / 2, 5);
  });

  it("spaces table cells by the font's own line height, as LibreOffice draws them, and text frames by 1.2 em", () => {
    const cell = paragraph('Алматы', 20);
    const face = new FontSet().face('Noto Sans', false, false)!;
    const fontEms = (face.ascent - face.descent + face.lineGap) / face.unitsPerEm;
    expect(fontEms).toBeCloseTo(1.362, 3);
    expect(measure.paragraphsHeight([cell], 5, 0.08, 'cell')).toBeCloseTo((20 * fontEms) / 72 + 0.16, 6);
    expect(measure.paragraphsHeight([cell], 5, 0.08)).toBeCloseTo((20 * 1.2) / 72 + 0.16, 6);
  });

  it('measures a no-break space as a space in every shipped family, Carlito included', () => {
    for (const font of Object.keys(SHIPPED_FAMILIES)) {
      for (const bold of [false, true]) {
        const style = { font, sizePt: 28, bold, italic: false };
        expect(measure.width('20\u00A0%', style), font).toBeCloseTo(measure.width('20 %', style), 6);
      }
    }
  });

  it('counts the empty line that a break at the end of a paragraph starts, as renderers draw it', () => {
    const breaks = (count: number): PlacedParagraph => ({ ...paragraph(''), runs: Array.from({ length: count }, () => ({ type: 'break' as const })) });
    expect(measure.lineCount(breaks(1), 1000)).toBe(2);
    expect(measure.lineCount(breaks(4), 1000)).toBe(5);
    expect(measure.lineCount({ ...paragraph('Сөз'), runs: [...paragraph('Сөз').runs, { type: 'break' }] }, 1000)).toBe(2);
  });

  it('breaks lines by UAX #14 and a word longer than the line between characters', () => {
    expect(measure.lineCount(paragraph('Қазақстан және БҰҰ'), 1000)).toBe(1);
    expect(measure.lineCount(paragraph('Қазақстан және БҰҰ'), 150)).toBe(2);
    expect(measure.lineCount(paragraph('Қазақстан және БҰҰ'), 100)).toBeGreaterThanOrEqual(3);
    const word = 'Ә'.repeat(100);
    const lines = measure.lines(paragraph(word), 300);
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.map(([start, end]) => word.slice(start, end)).join('')).toBe(word);
  });

  it('counts lines only as far as asked, and finds the same lines in a text cut into many runs', () => {
    const [run] = paragraph('').runs;
    if (run?.type !== 'text') throw new Error('a text run');
    const texts = [`${sentence(1)} ${'Ә'.repeat(60)} ${sentence(2)}`, sentence(3)];
    const whole: PlacedParagraph = { ...paragraph(''), runs: [{ ...run, text: texts[0]! }, { type: 'break' }, { ...run, text: texts[1]!, bold: true }] };
    // Each character a run of its own, with empty runs between: the style at each offset is found the same.
    const cut: PlacedParagraph = { ...whole, runs: whole.runs.flatMap((piece): PlacedParagraph['runs'] => (piece.type === 'text' ? [...piece.text].flatMap((char) => [{ ...piece, text: char }, { ...piece, text: '' }]) : [piece])) };
    for (const width of [80, 200, 400, 1000]) {
      const all = measure.lineCount(whole, width);
      for (const atMost of [1, 2, 3, 10]) expect(measure.lineCount(whole, width, atMost), `${width} ${atMost}`).toBe(Math.min(all, atMost + 1));
      expect(measure.lines(cut, width)).toEqual(measure.lines(whole, width));
    }
    expect(measure.lineCount(whole, 80)).toBeGreaterThan(10);
  });

  it('covers a text the same at each size, and reports substitutions in every run but a generated one', () => {
    const [run] = paragraph('Сәлем 😀 漢字').runs;
    if (run?.type !== 'text') throw new Error('a text run');
    const generated = measure.cover([{ ...run, generated: true }, { ...run, sizePt: 12, generated: true }]);
    expect(generated.substituted).toEqual([]);
    expect(generated.runs.map((piece) => piece.type === 'text' && [piece.text, piece.font, piece.sizePt])).toEqual([
      ['Сәлем ', 'Noto Sans', 28],
      ['😀', 'Noto Emoji', 28],
      [' 漢字', 'Noto Sans', 28],
      ['Сәлем ', 'Noto Sans', 12],
      ['😀', 'Noto Emoji', 12],
      [' 漢字', 'Noto Sans', 12],
    ]);
    expect(measure.cover([run, { ...run, text: '字 😀 Ω' }]).substituted).toEqual([
      { chars: '😀', from: 'Noto Sans', to: 'Noto Emoji' },
      { chars: '漢字', from: 'Noto Sans', to: undefined },
    ]);
  });

  it('sends characters the font lacks to the fallback, and names those no font has', () => {
    const { runs, substituted } = measure.cover(paragraph('Сәлем 😀 漢字').runs);
    expect(runs.map((run) => (run.type === 'text' ? [run.text, run.font] : []))).toEqual([
      ['Сәлем ', 'Noto Sans'],
      ['😀', 'Noto Emoji'],
      [' 漢字', 'Noto Sans'],
    ]);
    expect(substituted).toEqual([
      { chars: '😀', from: 'Noto Sans', to: 'Noto Emoji' },
      { chars: '漢字', from: 'Noto Sans', to: undefined },
    ]);
  });

  it('reports substitutions with the characters and the slide', () => {
    const { messages } = plan('# Emoji\n\nA smile 😀 and 漢字.\n');
    expect(messages.map((m) => [m.ruleId, m.reason])).toEqual([
      ['font-fallback', 'slide 1: 😀 (U+1F600) is not in Noto Sans; drawn with Noto Emoji'],
      ['font-fallback', "slide 1: 漢 (U+6F22), 字 (U+5B57) are in none of the theme's fonts (Noto Sans and its fallbacks); the viewer will substitute a font"],
    ]);
  });

  it('measures Office fonts with their metric-compatible counterparts', () => {
    const fonts = new FontSet();
    expect(fonts.resolve('Calibri')).toBe('Carlito');
    expect(fonts.resolve('Arial')).toBe('Arimo');
    expect(fonts.resolve('Unknown Sans')).toBeUndefined();
  });
});

describe('fitting', () => {
  it('leaves a slide that fits at the theme size', () => {
    const { fit, placed } = plan('# Short\n\n- one\n- two\n');
    expect(fit).toEqual([{ slide: 1, title: 'Short', position: { line: 1, column: 1 }, continuations: 0, overflow: false }]);
    expect(placed.slides).toHaveLength(1);
  });

  it('sets a body that does not fit at the first size of the type scale at the second, whole', () => {
    const body = Array.from({ length: 5 }, (_, i) => `- ${sentence(i + 1)}`).join('\n');
    const { fit, placed, messages } = plan(`# Shrunk\n\n${body}\n`);
    expect(fit[0]!.continuations).toBe(0);
    expect(fit[0]!.bodyPt).toBe(theme.scale![1]);
    expect(placed.slides).toHaveLength(1);
    expect(messages.map((m) => m.ruleId)).toEqual(['text-shrunk']);
  });

  it('splits rather than shrinks below the second size, into balanced parts: 24 bullets go 8 / 8 / 8', () => {
    const items = Array.from({ length: 24 }, (_, i) => `- Bullet ${i + 1} on the Manifesto`).join('\n');
    const { fit, placed } = plan(`# Bullets\n\n${items}\n`);
    expect(fit[0]!.bodyPt).toBe(theme.scale![1]);
    const perSlide = placed.slides.map((slide) => text(slide, 'Body').split('\n').length);
    expect(perSlide).toEqual([8, 8, 8]);
  });

  it('starts the type scale at the body size, keeping its proportions, never below the floor', () => {
    expect(bodyScale(theme)).toEqual([28, 24, 20, 18]);
    expect(bodyScale(defineTheme({ sizes: { body: 32 } }))).toEqual([32, 27.5, 23, 20.5]);
    expect(bodyScale(defineTheme({ sizes: { body: 24 } }))).toEqual([24, 20.5, 18]);
    const { scale: _scale, ...unscaled } = theme;
    expect(bodyScale({ ...unscaled, sizes: { ...theme.sizes, body: 35 } })).toEqual([35, 30, 25, 18]);
  });

  it('takes every body size from the type scale, at most four in a deck', () => {
    const lengths = [1, 3, 5, 7, 9, 12, 16, 24, 40];
    const slides = lengths.map((count) => `# ${count} sentences\n\n${Array.from({ length: count }, (_, i) => sentence(i + 1)).join(' ')}\n`);
    const { fit } = plan(slides.join('\n'));
    const sizes = new Set(fit.map((slide) => slide.bodyPt ?? theme.sizes.body));
    for (const size of sizes) expect(theme.scale).toContain(size);
    expect(sizes.size).toBeLessThanOrEqual(4);
    expect(theme.scale!.length).toBeLessThanOrEqual(4);
  });

  it('continues onto "(жалғасы)" slides at list-item boundaries, numbering and notes kept', () => {
    const items = Array.from({ length: 30 }, (_, i) => `${i + 1}. ${sentence(i + 1)}`).join('\n');
    const { fit, placed } = plan(`---\nlang: kk-KZ\n---\n\n# Ұзын тізім\n\n${items}\n\n:::notes\nЕскерту.\n:::\n`);
    expect(fit[0]!.continuations).toBeGreaterThan(0);
    // The parts share the largest size at which each of them fits.
    expect(fit[0]!.bodyPt).toBeGreaterThanOrEqual(theme.floors.body);
    expect(placed.slides).toHaveLength(fit[0]!.continuations + 1);
    expect(text(placed.slides[1]!, 'Title')).toBe('Ұзын тізім (жалғасы)');
    expect(placed.slides[0]!.notes).toHaveLength(1);
    expect(placed.slides[1]!.notes).toEqual([]);
    const numbers = placed.slides.flatMap((slide) => slide.frames.flatMap((frame) => (frame.kind === 'text' && frame.name === 'Body' ? frame.paragraphs.map((p) => (p.bullet.type === 'number' ? p.bullet.startAt : 0)) : [])));
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('splits a paragraph too long for a whole slide at sentence boundaries', () => {
    const long = Array.from({ length: 30 }, (_, i) => sentence(i + 1)).join(' ');
    const { placed, fit } = plan(`# Long\n\n${long}\n`);
    expect(fit[0]!.continuations).toBeGreaterThan(0);
    const parts = placed.slides.map((slide) => text(slide, 'Body'));
    expect(parts.join(' ')).toBe(long);
    for (const part of parts) expect(part).toMatch(/\.$/);
  });

  it('paginates a table by measured rows and repeats its header', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `| ${i + 1} | ${sentence(i + 1)} |`).join('\n');
    const { placed } = plan(`# Table\n\n| № | Мәні |\n|--:|:--|\n${rows}\n`);
    const tables = placed.slides.map((slide) => slide.frames.find((frame) => frame.kind === 'table'));
    expect(tables.length).toBeGreaterThan(1);
    let count = 0;
    for (const table of tables) {
      if (table?.kind !== 'table') throw new Error('each part has a table');
      expect(table.rows[0]![0]!.paragraphs[0]!.runs[0]).toMatchObject({ text: '№', bold: true });
      count += table.rows.length - 1;
      const height = table.rowHeightsInches.reduce((sum, h) => sum + h, 0);
      expect(table.box.y + height).toBeLessThanOrEqual(theme.layouts.content.body.y + theme.layouts.content.body.h + 0.01);
    }
    expect(count).toBe(40);
  });

  it('sets a small table at the body size, as wide as its content, and a long one at the table size', () => {
    const small = plan('# Small\n\n| Year | States |\n|---|--:|\n| 2008 | 44 |\n| 2016 | 15 |\n').placed.slides[0]!.frames.find((frame) => frame.kind === 'table')!;
    if (small.kind !== 'table') throw new Error('a table');
    expect(small.rows[1]![0]!.paragraphs[0]!.runs[0]).toMatchObject({ sizePt: theme.sizes.body });
    expect(small.box.w).toBeCloseTo(small.columnWidthsInches.reduce((sum, w) => sum + w, 0), 6);
    expect(small.box.w).toBeLessThan(theme.layouts.content.body.w / 2);
    const rows = Array.from({ length: 8 }, (_, i) => `| ${2001 + i} | ${i} |`).join('\n');
    const long = plan(`# Long\n\n| Year | States |\n|---|--:|\n${rows}\n`).placed.slides[0]!.frames.find((frame) => frame.kind === 'table')!;
    if (long.kind !== 'table') throw new Error('a table');
    expect(long.rows[1]![0]!.paragraphs[0]!.runs[0]).toMatchObject({ sizePt: theme.sizes.table });
  });

  it('sets a short quote larger, with an accent bar, and its attribution aligned with it', () => {
    const slide = plan('# Q\n\n::slide{layout=quote}\n\n> Short and sharp.\n>\n> — Author\n').placed.slides[0]!;
    const body = slide.frames.find((frame) => frame.name === 'Body')!;
    if (body.kind !== 'text') throw new Error('a text frame');
    const [quote, attribution] = body.paragraphs;
    expect(quote!.runs[0]).toMatchObject({ sizePt: pullQuoteSize(theme), italic: true });
    expect(pullQuoteSize(theme)).toBeGreaterThan(theme.sizes.quote);
    expect(pullQuoteSize(theme)).toBeLessThanOrEqual(theme.sizes.slideTitle);
    expect(attribution!.align).toBe(quote!.align);
    const rule = slide.frames.find((frame) => frame.name === 'Quote Rule')!;
    expect(rule).toMatchObject({ kind: 'rect', color: theme.colors.accent });
    expect(rule.box.x + rule.box.w).toBeLessThan(body.box.x);
    const long = plan(`# Q\n\n::slide{layout=quote}\n\n> ${sentence(1)} ${sentence(2)}\n`).placed.slides[0]!.frames.find((frame) => frame.name === 'Body')!;
    if (long.kind !== 'text') throw new Error('a text frame');
    expect(long.paragraphs[0]!.runs[0]).toMatchObject({ sizePt: theme.sizes.quote });
  });

  it('leads a figures slide with the figure, then a narrow caption, then the rest in smaller type', () => {
    const slide = plan('# F\n\n:::stat\n**20 %** алдағы 20 жылда электр энергиясына қажеттіліктің өсуі (сарапшылар есебі)\n:::\n\nСондықтан қуат көздерін балама жолдармен арттырудың маңызы күшейе түседі\n').placed.slides[0]!;
    const size = (name: string) => {
      const frame = slide.frames.find((candidate) => candidate.name === name)!;
      if (frame.kind !== 'text') throw new Error('a text frame');
      return { frame, sizePt: (frame.paragraphs[0]!.runs[0] as { sizePt: number }).sizePt };
    };
    const figure = size('Figure');
    const caption = size('Caption');
    const rest = size('Body');
    expect(figure.sizePt).toBeGreaterThan(caption.sizePt);
    expect(caption.sizePt).toBeGreaterThan(rest.sizePt);
    expect(caption.frame.box.w).toBeLessThanOrEqual(5.5);
    expect(caption.frame.box.x + caption.frame.box.w / 2).toBeCloseTo(figure.frame.box.x + figure.frame.box.w / 2, 6);
  });

  it('sets the agenda as a list of sections: numbered in the accent, names bold in the heading colour, spaced apart', () => {
    const { placed } = plan('---\ntitle: Talk\ntoc: true\n---\n\n# One\n\n## A\n\nx\n\n# Two\n\n## B\n\ny\n');
    const agenda = placed.slides.find((slide) => slide.layout === 'agenda')!;
    const body = agenda.frames.find((frame) => frame.name === 'Body')!;
    if (body.kind !== 'text') throw new Error('a text frame');
    for (const item of body.paragraphs) {
      expect(item.bullet).toMatchObject({ type: 'number', color: theme.colors.accent });
      expect(item.runs[0]).toMatchObject({ bold: true, color: theme.colors.heading, font: theme.fonts.heading });
      expect(item.spaceAfterPt).toBe(theme.spacing.paragraphAfterPt * 2);
    }
    expect(body.paragraphs).toHaveLength(2);
  });

  it('puts a raster picture on a mat on a dark slide, and not on a light one', () => {
    const content = new URL('../content/', import.meta.url).pathname;
    const { deck } = buildOutline('# Pipeline\n\n![The pipeline](images/pipeline.png)\n', { path: `${content}deck.md` });
    const frames = (theme: string) => planSlides(deck, { baseDir: content, theme }).placed.slides[0]!.frames;
    const dark = frames('dark');
    const picture = dark.find((frame) => frame.kind === 'image')!;
    const mat = dark.find((frame) => frame.name === `${picture.name} Mat`)!;
    expect(mat).toMatchObject({ kind: 'rect', color: loadTheme('dark').colors.tableBorder });
    expect(dark.indexOf(mat)).toBeLessThan(dark.indexOf(picture));
    expect(mat.box.x).toBeCloseTo(picture.box.x - 0.1, 6);
    expect(mat.box.w).toBeCloseTo(picture.box.w + 0.2, 6);
    expect(frames('default').some((frame) => frame.name.endsWith(' Mat'))).toBe(false);
  });

  it('splits long code between lines, never below the mono floor', () => {
    const code = Array.from({ length: 60 }, (_, i) => `const line${i} = ${i};`).join('\n');
    const { placed } = plan(`# Code\n\n\`\`\`js\n${code}\n\`\`\`\n`);
    const lines = placed.slides.flatMap((slide) => slide.frames.flatMap((frame) => (frame.kind === 'text' && frame.name === 'Code' ? frame.paragraphs : [])));
    expect(lines).toHaveLength(60);
    expect(placed.slides.length).toBeGreaterThan(1);
    for (const line of lines) expect((line.runs[0] as { sizePt: number }).sizePt).toBeGreaterThanOrEqual(theme.floors.code);
  });

  it('fits a long title on at most two lines, shrinking it towards the title floor', () => {
    const title = 'Жалпыадамзаттық мәселенің шешімі және Манифестің бес қағидаты туралы өте ұзын тақырып';
    const { placed, fit } = plan(`# ${title}\n\nText.\n`);
    const frame = placed.slides[0]!.frames.find((candidate) => candidate.name === 'Title');
    if (frame?.kind !== 'text') throw new Error('a title frame');
    const size = (frame.paragraphs[0]!.runs[0] as { sizePt: number }).sizePt;
    expect(measure.lineCount(frame.paragraphs[0]!, (frame.box.w - 2 * frame.insetInches) * 72)).toBeLessThanOrEqual(2);
    expect(size).toBeLessThan(theme.sizes.slideTitle);
    expect(size).toBeGreaterThanOrEqual(theme.floors.title);
    expect(fit[0]!.titlePt).toBe(size);
  });
});

describe('fitting edge cases', () => {
  const bodyText = (slide: PlacedSlide) =>
    slide.frames.flatMap((frame) => (frame.kind === 'text' && frame.name.startsWith('Body') ? frame.paragraphs.map((p) => p.runs.map((run) => (run.type === 'text' ? run.text : '\n')).join('')) : [])).join('\n');

  it('cuts a paragraph with a hard break between whole words', () => {
    const filler = Array.from({ length: 70 }, () => 'Filler sentence number here.').join(' ');
    const { placed } = plan(`# Breaks\n\nOne.\\\nTwo. ${filler}\n`);
    const words = placed.slides.flatMap((slide) => bodyText(slide).split(/\s+/)).filter(Boolean);
    expect(new Set(words)).toEqual(new Set(['One.', 'Two.', 'Filler', 'sentence', 'number', 'here.']));
  });

  it('keeps children nested when a list item spans slides', () => {
    const children = Array.from({ length: 26 }, (_, i) => `  - child number ${i + 1} with some words`).join('\n');
    const { placed } = plan(`# Nested\n\n- Parent item\n${children}\n`);
    expect(placed.slides.length).toBeGreaterThan(1);
    const levels = placed.slides.flatMap((slide) => slide.frames.flatMap((frame) => (frame.kind === 'text' && frame.name === 'Body' ? frame.paragraphs.map((p) => p.level) : [])));
    expect(levels).toEqual([0, ...Array.from({ length: 26 }, () => 1)]);
  });

  it('cuts a long quote between sentences and keeps the attribution on its last part', () => {
    const quote = Array.from({ length: 40 }, (_, i) => `This is quoted sentence ${i + 1} of a long speech.`).join(' ');
    const { placed } = plan(`# Quote\n\n> ${quote}\n>\n> — Someone\n`);
    const parts = placed.slides.map(bodyText);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.slice(0, -1).every((part) => !part.includes('Someone'))).toBe(true);
    expect(parts.at(-1)).toMatch(/— Someone$/);
    expect(parts.map((part) => part.split('\n')[0]).every((first) => first!.startsWith('This is quoted sentence'))).toBe(true);
  });

  it('puts a footnote referenced inside bold text on the slide that references it', () => {
    const items = Array.from({ length: 14 }, (_, i) => `- ${sentence(i)}`).join('\n');
    const { placed } = plan(`# Notes\n\n${items}\n- **ref[^1]**\n\n[^1]: The note.\n`);
    const withNote = placed.slides.findIndex((slide) => slide.frames.some((frame) => frame.name === 'Footnotes'));
    const withReference = placed.slides.findIndex((slide) => bodyText(slide).includes('ref1'));
    expect(withNote).toBeGreaterThan(0);
    expect(withNote).toBe(withReference);
  });

  it('measures wrapped figures, so a row of wide figures still fits its slide', () => {
    const stats = Array.from({ length: 3 }, () => ':::stat\n**1 234 567 890 €** a caption\n:::').join('\n\n');
    const { placed, fit } = plan(`# Figures\n\n${stats}\n`);
    const frames = placed.slides[0]!.frames.filter((frame) => frame.name.startsWith('Figure') || frame.name.startsWith('Caption'));
    for (const frame of frames) expect(frame.box.y + frame.box.h).toBeLessThanOrEqual(7.5);
    expect(fit[0]!.overflow).toBe(false);
  });

  it('measures emoji in titles with the fallback font', () => {
    const { placed } = plan(`# ${'🚀'.repeat(40)} launch\n\nText.\n`);
    const title = placed.slides[0]!.frames.find((frame) => frame.name === 'Title');
    if (title?.kind !== 'text') throw new Error('a title');
    const covered = measure.cover(title.paragraphs[0]!.runs).runs;
    expect(measure.lineCount({ ...title.paragraphs[0]!, runs: covered }, (title.box.w - 2 * title.insetInches) * 72)).toBeLessThanOrEqual(2);
  });
});

describe('long list items', () => {
  it('cuts one very long bullet between sentences, the rest going on without a bullet', () => {
    const long = Array.from({ length: 30 }, (_, i) => sentence(i + 1)).join(' ');
    const { placed } = plan(`# Bullet\n\n- ${long}\n- after\n`);
    const paragraphs = placed.slides.flatMap((slide) => slide.frames.flatMap((frame) => (frame.kind === 'text' && frame.name === 'Body' ? frame.paragraphs : [])));
    expect(placed.slides.length).toBeGreaterThan(1);
    expect(paragraphs.map((p) => p.bullet.type)).toEqual(['char', ...paragraphs.slice(1, -1).map(() => 'none'), 'char']);
    expect(paragraphs.slice(0, -1).map((p) => p.runs.map((run) => (run.type === 'text' ? run.text : '')).join('')).join(' ')).toBe(long);
    expect(new Set(paragraphs.map((p) => p.marginInches)).size).toBe(1);
  });

  it('writes numbers below 1 as text, since PowerPoint numbers from 1', () => {
    const { placed } = plan('# Zero\n\n0. zero\n1. one\n');
    const paragraphs = placed.slides[0]!.frames.flatMap((frame) => (frame.kind === 'text' && frame.name === 'Body' ? frame.paragraphs : []));
    expect(paragraphs.map((p) => [p.bullet.type, p.runs[0]!.type === 'text' ? p.runs[0]!.text : ''])).toEqual([
      ['none', '0. '],
      ['number', 'one'],
    ]);
  });
});
