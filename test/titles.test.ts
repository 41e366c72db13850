import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOutline, loadTheme, planSlides } from '../src/index.js';
import { FontSet } from '../src/fonts/font-set.js';
import type { PlacedParagraph } from '../src/layout/frames.js';
import { Measurer } from '../src/layout/measure.js';
import { balanceLines, keepTogether } from '../src/layout/title-lines.js';
import { paragraph } from './helpers/paragraph.js';

const theme = loadTheme('default');
const measure = new Measurer(new FontSet(), theme.fonts.fallback);
const root = new URL('..', import.meta.url).pathname;

const title = (text: string) => paragraph(text, 36, 'Noto Sans', true);

/** A title paragraph's lines, as its break runs cut it. */
const lines = (paragraph: PlacedParagraph) =>
  paragraph.runs
    .map((run) => (run.type === 'break' ? '\n' : run.text))
    .join('')
    .split('\n');

describe('title lines', () => {
  it('keeps quoted names and numbers with their units together', () => {
    const [run] = keepTogether([{ type: 'text', text: '«Әлем. XXI ғасыр» Манифесі: 20 % және 15 км, 2016 жыл' }]);
    expect(run).toEqual({ type: 'text', text: '«Әлем.\u00A0XXI\u00A0ғасыр» Манифесі: 20\u00A0% және 15\u00A0км, 2016\u00A0жыл' });
  });

  it('keeps a quotation together across runs', () => {
    const runs = keepTogether([{ type: 'text', text: '«Әлем ' }, { type: 'text', text: 'XXI ғасыр', bold: true }, { type: 'text', text: '» және бейбітшілік' }]);
    expect(runs.map((run) => (run.type === 'text' ? run.text : ''))).toEqual(['«Әлем\u00A0', 'XXI\u00A0ғасыр', '» және бейбітшілік']);
  });

  it('breaks a two-line title where its lines come out even, leaving no word alone on the last line', () => {
    const width = 11.9 * 72;
    const text = 'Төртіншіден: қалыптасқан белгілердің мызғымастығы және қауіпсіздігі';
    expect(measure.lineCount(title(text), width)).toBe(2);
    const balanced = lines(balanceLines(title(text), width, measure));
    expect(balanced).toHaveLength(2);
    expect(balanced.join(' ')).toBe(text);
    const widths = balanced.map((line) => measure.width(line, { font: 'Noto Sans', sizePt: 36, bold: true, italic: false }));
    expect(Math.abs(widths[0]! - widths[1]!)).toBeLessThan(0.35 * Math.max(...widths));
    expect(balanced[1]!.split(' ').length).toBeGreaterThan(1);
  });

  it('leaves a one-line title as it is', () => {
    expect(balanceLines(title('Фукусима сабағы'), 11.9 * 72, measure)).toEqual(title('Фукусима сабағы'));
  });
});

describe('a body slide\'s title', () => {
  const frameOf = (markdown: string, name: string) => planSlides(buildOutline(markdown).deck).placed.slides[0]!.frames.find((frame) => frame.name === name)!;
  const long = 'Қазақстанның Біріккен Ұлттар Ұйымындағы бейбітшілік, қауіпсіздік және тұрақты даму жолындағы ұзақ жылдарғы жұмысы';

  it('starts at one fixed top edge, however many lines it takes', () => {
    const short = frameOf('# Фукусима сабағы\n\nМәтін.\n', 'Title');
    const two = frameOf('# Мәдениеттердің жақындасуы мен үнқатысуы туралы\n\nМәтін.\n', 'Title');
    const three = frameOf(`# ${long}\n\nМәтін.\n`, 'Title');
    // One line stands on the layout's title frame's foot, in that very frame, which the slide inherits.
    expect(short.box).toEqual(theme.layouts.content.title);
    expect(short.kind === 'text' && short.anchor).toBe('bottom');
    const oneLine = measure.lineHeight(theme.sizes.slideTitle, 1) / 72 + 2 * theme.spacing.insetInches;
    const edge = short.box.y + short.box.h - oneLine;
    // Longer ones hang from the top of that line.
    for (const title of [two, three]) {
      expect(title.box.y).toBeCloseTo(edge, 9);
      expect(title.kind === 'text' && title.anchor).toBe('top');
    }
    expect(two.box.h).toBeCloseTo(2 * oneLine - 2 * theme.spacing.insetInches, 2);
    expect(three.box.h).toBeGreaterThan(two.box.h);
    // A link's line is set taller than its text by LibreOffice: a title with one hangs from the edge too.
    const linked = frameOf('# Фукусима [сабағы](https://example.org)\n\nМәтін.\n', 'Title');
    expect([linked.box.y, linked.kind === 'text' && linked.anchor]).toEqual([edge, 'top']);
  });

  it('is never smaller than the body: a long one takes a third line and pushes the rule and the body down', () => {
    const plan = planSlides(buildOutline(`# ${long}\n\nМәтін.\n`).deck);
    const frames = plan.placed.slides[0]!.frames;
    const title = frames.find((frame) => frame.name === 'Title')!;
    const rule = frames.find((frame) => frame.name === 'Title Rule')!;
    const body = frames.find((frame) => frame.name === 'Body')!;
    if (title.kind !== 'text' || body.kind !== 'text') throw new Error('text frames');
    const size = (frame: typeof title) => (frame.paragraphs[0]!.runs[0] as { sizePt: number }).sizePt;
    expect(size(title)).toBeGreaterThanOrEqual(size(body));
    expect(rule.box.y).toBeGreaterThan(theme.layouts.content.rule!.y);
    expect(rule.box.y).toBeGreaterThanOrEqual(title.box.y + title.box.h - 0.01);
    expect(body.box.y).toBeGreaterThan(rule.box.y + rule.box.h);
    expect(plan.messages.filter((message) => message.ruleId === 'text-overflow')).toEqual([]);
  });

  it("has its rule from the layout where the rule stands there, and hides the layout's otherwise", () => {
    const plan = planSlides(buildOutline(`# Фукусима сабағы\n\nМәтін.\n\n---\n\n# ${long}\n\nМәтін.\n\n---\n\nТақырыпсыз мәтін.\n`).deck);
    const [short, longer, untitled] = plan.placed.slides;
    const rules = (slide: typeof short) => slide!.frames.filter((frame) => frame.name === 'Title Rule');
    const content = plan.placed.layouts.find((layout) => layout.layout === 'content')!;
    // The layout draws the rule where a one-line title has it, in the accent.
    expect(content.decorations.filter((frame) => frame.name === 'Title Rule')).toEqual([{ kind: 'rect', name: 'Title Rule', box: theme.layouts.content.rule, color: theme.colors.accent }]);
    // A one-line title leaves it to the layout.
    expect([short!.layout, rules(short), short!.hidesLayoutShapes]).toEqual(['content', [], undefined]);
    // A longer title moves its own down and hides the layout's; so does a slide with no title, which has none.
    expect(rules(longer)).toHaveLength(1);
    expect(rules(longer)[0]!.box.y).toBeGreaterThan(theme.layouts.content.rule!.y);
    expect(longer!.hidesLayoutShapes).toBe(true);
    expect([untitled!.layout, rules(untitled), untitled!.hidesLayoutShapes]).toEqual(['content', [], true]);
  });

  it("on two lines at its full size, is based on its layout's variant for such titles, and draws none of its frames itself", () => {
    const plan = planSlides(buildOutline(`# Фукусима сабағы\n\nМәтін.\n\n---\n\n# Мәдениеттердің жақындасуы мен үнқатысуы туралы\n\nМәтін.\n\n---\n\n# ${long}\n\nМәтін.\n`).deck);
    const [short, two, three] = plan.placed.slides;
    const { layouts } = plan.placed;
    const frame = (slide: typeof two, name: string) => slide!.frames.find((candidate) => candidate.name === name);
    // The variant follows its layout, named after both.
    const names = layouts.map((layout) => layout.name);
    expect(names.slice(names.indexOf('Title and Content'), names.indexOf('Title and Content') + 2)).toEqual(['Title and Content', 'Title and Content, Two-Line Title']);
    const [content, variant] = [layouts.find((layout) => layout.layout === 'content' && !layout.variant)!, layouts.find((layout) => layout.variant === 'two-line title')!];
    expect(variant.layout).toBe('content');
    // Its title frame is the one a title on two lines hangs in; its rule and body stand one title line lower.
    const line = measure.lineHeight(theme.sizes.slideTitle, 1) / 72;
    expect(variant.title.box).toEqual(frame(two, 'Title')!.box);
    expect(variant.title.anchor).toBe('top');
    const rule = variant.decorations.find((decoration) => decoration.name === 'Title Rule')!;
    expect(rule.box.y).toBeCloseTo(theme.layouts.content.rule!.y + line, 9);
    expect(variant.body!.box.y).toBeCloseTo(content.body!.box.y + line, 9);
    expect(variant.body!.box.y + variant.body!.box.h).toBeCloseTo(content.body!.box.y + content.body!.box.h, 9);
    expect([variant.footer, variant.slideNumber, variant.background]).toEqual([content.footer, content.slideNumber, content.background]);
    // The slide with such a title is based on it, and its body of text alone is the variant's body frame.
    expect([two!.layout, two!.variant, frame(two, 'Title Rule'), two!.hidesLayoutShapes]).toEqual(['content', 'two-line title', undefined, undefined]);
    expect(frame(two, 'Body')!.box).toEqual(variant.body!.box);
    // A one-line title is on the layout itself, and so is its body; a title on three lines is on neither.
    expect([short!.variant, frame(short, 'Body')!.box]).toEqual([undefined, content.body!.box]);
    expect([three!.variant, three!.hidesLayoutShapes, frame(three, 'Title Rule')?.kind]).toEqual([undefined, true, 'rect']);
    // A deck without such a title has no variant.
    expect(planSlides(buildOutline('# Фукусима сабағы\n\nМәтін.\n').deck).placed.layouts.filter((layout) => layout.variant)).toEqual([]);
  });

  it('reaches the foot of its body box with text at the foot of the body, and only there', () => {
    const [alone, coded] = planSlides(buildOutline('# Фукусима сабағы\n\nМәтін.\n\n---\n\n# Фукусима сабағы\n\nМәтін.\n\n```\nкод\n```\n').deck).placed.slides;
    const body = theme.layouts.content.body;
    const text = alone!.frames.find((frame) => frame.name === 'Body')!;
    expect(text.box).toEqual(body);
    // The frame knows how much of it its text takes: what is read of a picture behind it.
    expect(text.kind === 'text' && text.textHeightInches).toBeLessThan(body.h / 4);
    // Text above code keeps the height it needs, and so does the code.
    const [above, code] = ['Body', 'Code'].map((name) => coded!.frames.find((frame) => frame.name === name)!);
    expect(above!.box.y).toBe(body.y);
    expect(above!.box.h).toBeLessThan(body.h / 4);
    expect(above!.kind === 'text' && above!.textHeightInches).toBeUndefined();
    expect(code!.box.y + code!.box.h).toBeLessThan(body.y + body.h / 2);
  });

  it("draws its layout's other decorations itself, at the back, where it hides the layout's shapes, and its own rule over a picture behind it", () => {
    const logo = { ...theme, logo: { path: `${root}test/peers/images/dot.gif`, box: { x: 12, y: 0.2, w: 1, h: 0.5 } } };
    const plan = planSlides(buildOutline(`# ${long}\n\nМәтін.\n\n---\n\n# Фукусима сабағы\n\n![bg Дала](images/steppe.jpg)\n`, { path: `${root}content/deck.md` }).deck, { theme: logo, baseDir: `${root}content` });
    const [longer, pictured] = plan.placed.slides;
    const names = (slide: typeof longer) => slide!.frames.map((frame) => frame.name);
    expect(names(longer).slice(0, 3)).toEqual(['Logo', 'Title', 'Title Rule']);
    expect(longer!.frames[0]!.box).toEqual(logo.logo.box);
    // The picture behind would cover the layout's rule and logo: the slide hides them and draws
    // its rule over the picture, and the logo under it, as the layout's was.
    expect(names(pictured).slice(0, 4)).toEqual(['Logo', 'Background Picture', 'Title', 'Title Rule']);
    expect(pictured!.hidesLayoutShapes).toBe(true);
  });

  it('leaves a one-line title\'s rule to the layout however its place is summed', () => {
    // A title size whose one-line frame, summed from the layout's foot, lands a last bit off.
    const small = { ...theme, sizes: { ...theme.sizes, slideTitle: 24 }, layouts: { ...theme.layouts, content: { ...theme.layouts.content, title: { ...theme.layouts.content.title, h: 1.49 } } } };
    const [slide] = planSlides(buildOutline('# Фукусима сабағы\n\nМәтін.\n').deck, { theme: small }).placed.slides;
    expect([slide!.frames.filter((frame) => frame.name === 'Title Rule'), slide!.hidesLayoutShapes]).toEqual([[], undefined]);
  });
});

describe('the lecture\'s titles', () => {
  const { deck } = buildOutline(readFileSync(`${root}content/lecture.md`, 'utf8'), { path: `${root}content/lecture.md` });
  const { placed } = planSlides(deck, { baseDir: `${root}content` });
  /** Each title's lines as the renderer breaks them in its frame. */
  const titles = placed.slides.flatMap((slide) =>
    slide.frames.flatMap((frame) => {
      if (frame.kind !== 'text' || frame.name !== 'Title') return [];
      const widthPt = (frame.box.w - 2 * theme.spacing.insetInches) * 72;
      return frame.paragraphs.map((paragraph) => {
        const text = paragraph.runs.map((run) => (run.type === 'break' ? '\n' : run.text)).join('');
        return measure.lines({ ...paragraph, runs: measure.cover(paragraph.runs).runs }, widthPt).map(([start, end]) => text.slice(start, end).trim());
      });
    }),
  );

  it('never leave one word alone on the last line of a title of four or more words, nor break inside «…»', () => {
    expect(titles.length).toBeGreaterThan(20);
    expect(titles.filter((parts) => parts.length > 1).length).toBeGreaterThan(3);
    for (const parts of titles) {
      const words = parts.join(' ').split(/\s+/).length;
      if (words >= 4 && parts.length > 1) expect(parts.at(-1)!.split(/\s+/).length, parts.join(' / ')).toBeGreaterThan(1);
      for (const part of parts) expect(part.split('«').length - 1, parts.join(' / ')).toBe(part.split('»').length - 1);
    }
  });
});
