import { linkSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOutline, markdownToPptx } from '../src/api.js';
import { run } from '../src/cli/run.js';
import type { Block, Inline, Slide } from '../src/outline/schema.js';
import { readPackage } from './helpers/package.js';

const outline = (markdown: string) => buildOutline(markdown, { path: join(process.cwd(), 'test', 'deck.md') });
const rules = (markdown: string) => outline(markdown).messages.map((message) => message.ruleId);
const text = (runs: readonly Inline[]) => runs.map((run) => (run.type === 'text' ? run.text : '\n')).join('');
const body = (slide: Slide | undefined): Block[] => (slide && 'body' in slide ? slide.body : []);

describe("pandoc's Markdown", () => {
  it('reads fenced divs with a space, with attributes and nested under equal fences', () => {
    const { deck } = outline('## A\n\nText\n\n::: {.notes}\nSay this.\n:::\n\n## B\n\n::: columns\n::: {.column width="40%"}\nLeft\n:::\n::: column\nRight\n:::\n:::\n');
    expect(text((deck.slides[0]!.notes[0] as { runs: Inline[] }).runs)).toBe('Say this.');
    const columns = body(deck.slides[1]).find((block) => block.type === 'columns');
    expect(columns).toMatchObject({ columns: [{ widthPercent: 40 }, {}] });
  });

  it('reads the title block, authors split by semicolons', () => {
    const { deck } = outline('% Water\n% Ada Lovelace; Grace Hopper\n% 2024-05-01\n\n## One\n\nText\n');
    expect(deck.slides[0]).toMatchObject({ layout: 'title', author: 'Ada Lovelace, Grace Hopper', date: '2024-05-01' });
  });

  it('reads heading ids, links to them, and reports a link to no heading', () => {
    const { deck, messages } = outline('## Results {#res .big}\n\nText\n\n## Next\n\nSee [it](#res), [auto](#next) and [no](#none).\n');
    expect(deck.slides[0]!.anchors).toContain('res');
    const runs = (body(deck.slides[1])[0] as { runs: Inline[] }).runs;
    expect(runs.filter((run) => run.type === 'text' && run.href).map((run) => run.type === 'text' && run.href)).toEqual(['#res', '#next']);
    expect(messages.map((message) => message.ruleId)).toEqual(expect.arrayContaining(['broken-link', 'attribute-ignored']));
  });

  it('makes a slide jump for an internal link', async () => {
    const { pptx } = await markdownToPptx('## One\n\nSee [two](#two).\n\n## Two\n\nText\n', { path: join(process.cwd(), 'test', 'deck.md') });
    const parts = readPackage(pptx);
    expect(parts.get('ppt/slides/slide1.xml')).toContain('action="ppaction://hlinksldjump"');
    expect(parts.get('ppt/slides/_rels/slide1.xml.rels')).toMatch(/relationships\/slide" Target="slide2\.xml"/);
  });

  it('reads ^super^, ~sub~, spans and keeps ~~strike~~', () => {
    const { deck } = outline('## A\n\nH~2~O, x^2^, ~~old~~, [Caps]{.smallcaps} and [line]{.underline}.\n');
    const runs = (body(deck.slides[0])[0] as { runs: Inline[] }).runs;
    expect(runs).toEqual(
      expect.arrayContaining([
        { type: 'text', text: '2', subscript: true },
        { type: 'text', text: '2', superscript: true },
        { type: 'text', text: 'old', strike: true },
        { type: 'text', text: 'Caps', smallCaps: true },
        { type: 'text', text: 'line', underline: true },
      ]),
    );
  });

  it('reads an escaped space as a no-break space, inside ~sub~ too; keeps it in code and maths, and after an escaped backslash', () => {
    const { deck } = outline('## A\n\n25\\ cm, c~NaOH\\ stock~, `a\\ b`, $x\\ y$ and a\\\\ b\n\n## B\n\n\\ \n');
    const runs = (body(deck.slides[0])[0] as { runs: Inline[] }).runs;
    expect(text(runs)).toBe('25\u00A0cm, cNaOH\u00A0stock, a\\ b, x\\ y and a\\ b');
    expect(runs).toEqual(expect.arrayContaining([{ type: 'text', text: 'NaOH\u00A0stock', subscript: true }]));
    expect(text(runs)).not.toContain('\\\u00A0');
    // A body of one escaped space is empty, as pandoc's blank slides are.
    expect(body(deck.slides[1])).toEqual([]);
  });

  it('turns simple and multiline tables into native tables with their alignment, a cell\'s lines joined', () => {
    const simple = outline('## T\n\n  Right     Left     Center\n-------     ------ ----------\n     12     ab        cd\n');
    expect(body(simple.deck.slides[0])[0]).toMatchObject({ type: 'table', align: ['right', 'left', 'center'] });
    expect(simple.deck.slides).toHaveLength(1);
    const multiline = outline('## T\n\n----------------\nName    Value\n------  -------\nOne     First\n        line\n\nTwo     Second\n----------------\n');
    expect(body(multiline.deck.slides[0])[0]).toMatchObject({ type: 'table', align: ['left', 'left'] });
    const rows = (body(multiline.deck.slides[0])[0] as { rows: Inline[][][] }).rows.map((cells) => cells.map(text));
    expect(rows).toEqual([['One', 'First line'], ['Two', 'Second']]);
  });

  it('reads grid tables with their alignment, org-style pipe rules and captions; keeps a grid table with spans as drawn, with a warning', () => {
    const grid = outline('## G\n\n+------+-------+\n| A    | B     |\n+=====:+:=====:+\n| 1    | 2     |\n+------+-------+\n\nTable: Two columns.\n');
    expect(body(grid.deck.slides[0])).toMatchObject([{ type: 'table', align: ['right', 'center'] }, { type: 'paragraph', runs: [{ text: 'Two columns.' }] }]);
    const org = outline('## O\n\n: Items asked for.\n\n| Item | Count |\n|------+-------|\n| Gauge | 2 |\n');
    expect(body(org.deck.slides[0]).map((block) => block.type)).toEqual(['paragraph', 'table']);
    expect(text((body(org.deck.slides[0])[0] as { runs: Inline[] }).runs)).toBe('Items asked for.');
    const spans = outline('## S\n\n+------+-------+\n| A    | B     |\n|      +-------+\n|      | C     |\n+------+-------+\n');
    expect(body(spans.deck.slides[0])[0]).toMatchObject({ type: 'code' });
    expect(spans.messages.map((message) => message.ruleId)).toContain('table-not-converted');
  });

  it('drops pauses with an info message and keeps math source with a warning', () => {
    expect(rules('## A\n\nOne\n\n. . .\n\nTwo\n')).toContain('pause-ignored');
    const { deck, messages } = outline('## A\n\nIt costs $5 and $10, and $E=mc^2$ holds.\n');
    const runs = (body(deck.slides[0])[0] as { runs: Inline[] }).runs;
    expect(runs.find((run) => run.type === 'text' && run.code)).toMatchObject({ text: 'E=mc^2' });
    expect(text(runs)).toContain('$5 and $10');
    expect(messages.filter((message) => message.ruleId === 'math-not-rendered')).toHaveLength(1);
  });
});

describe("more of pandoc's forms", () => {
  it('reads inline notes as footnotes, numbered with the others, nested ones after their note, brackets inside kept', () => {
    const { deck, messages } = outline('## A\n\nOne^[A *first* note with [brackets] and ^[a nested one].], two[^n] and x^2^ and an open ^[ bracket.\n\n[^n]: Named.\n');
    const [paragraph] = body(deck.slides[0]);
    const slide = deck.slides[0]!;
    const footnotes = 'footnotes' in slide ? slide.footnotes : [];
    expect(text((paragraph as { runs: Inline[] }).runs)).toBe('One1, two2 and x2 and an open ^[ bracket.');
    expect(footnotes.map((note) => [note.label, text(note.runs)])).toEqual([
      ['1', 'A first note with [brackets] and 3.'],
      ['2', 'Named.'],
      ['3', 'a nested one'],
    ]);
    expect(footnotes[0]!.runs.find((run) => run.type === 'text' && run.text === 'first')).toMatchObject({ italic: true });
    expect(messages).toEqual([]);
  });

  it('reads a line block as lines: the bars go, indents stay as no-break spaces, a continuation joins its line', () => {
    const { deck, messages } = outline('## Letter\n\n| Dear *editor*,\n|     of the «Journal»\n|\n| from a student\n  of linguistics\n\n> | quoted\n> | lines\n\n| a | b |\n| - | - |\n| 1 | 2 |\n');
    const [letter, quote, table] = body(deck.slides[0]);
    expect(letter).toMatchObject({ type: 'paragraph' });
    expect(text((letter as { runs: Inline[] }).runs)).toBe('Dear editor,\n\u00A0\u00A0\u00A0\u00A0of the «Journal»\n\nfrom a student of linguistics');
    expect((letter as { runs: Inline[] }).runs.find((run) => run.type === 'text' && run.text === 'editor')).toMatchObject({ italic: true });
    expect(JSON.stringify(quote)).toContain('"text":"quoted"');
    expect(JSON.stringify(quote)).not.toContain('|');
    // A table stays a table.
    expect(table).toMatchObject({ type: 'table' });
    expect(messages).toEqual([]);
  });

  it('reads <div class="notes">, keeps a definition with attributes, reads ids with colons and drops TeX macros', () => {
    const { deck, messages } = outline(
      '## A {#sec:intro}\n\nText\n\n<div class="notes">\nSay it slowly.\n</div>\n\n\\newcommand{\\R}{\\mathbb{R}}\n\n![map][m]\n\n[m]: peers/images/sun.svg "Sun" {#fig:sun width=50%}\n',
    );
    expect(deck.slides[0]!.anchors).toEqual(['sec:intro']);
    expect(text((deck.slides[0]!.notes[0] as { runs: Inline[] }).runs)).toBe('Say it slowly.');
    expect(body(deck.slides[0]).map((block) => block.type)).toEqual(['paragraph', 'image']);
    expect(messages.map((message) => message.ruleId)).toEqual(expect.arrayContaining(['raw-dropped', 'attribute-ignored']));
  });

  it('keeps a deck with pandoc\'s aspectratio and reveal.js keys a pandoc deck, title slide and all', () => {
    const { deck } = outline('---\ntitle: Sun\naspectratio: 169\ntransition: fade\n---\n\n# Part\n\n## One\n\nText\n');
    expect(deck.slides.map((slide) => slide.layout)).toEqual(['title', 'section', 'content']);
  });
});

describe('the rest of what the compatibility section promises', () => {
  it('reads YAML closed by `...`, slide-level, picture widths, heading backgrounds, code languages from classes, and drops raw output', () => {
    const { deck, messages } = outline(
      '---\ntitle: T\nslide-level: 2\n...\n\n# Part\n\n## One {background-image="peers/images/steppe.jpg"}\n\n![Sun](peers/images/sun.svg){width=40%}\n\n```{.python .numberLines}\nx = 1\n```\n\n`<b>x</b>`{=html} and text\n\n```{=openxml}\n<p:sp/>\n```\n',
    );
    expect(deck.slides.map((slide) => slide.layout)).toEqual(['title', 'section', 'image']);
    expect(deck.slides[2]!.background).toEqual({ image: 'peers/images/steppe.jpg' });
    expect(body(deck.slides[2])).toMatchObject([{ type: 'image', widthPercent: 40 }, { type: 'code', lang: 'python' }, { type: 'paragraph' }]);
    expect(text((body(deck.slides[2])[2] as { runs: Inline[] }).runs)).toBe('and text');
    expect(messages.filter((message) => message.ruleId === 'raw-dropped')).toHaveLength(2);
    expect(rules('## A\n\n::: incremental\n- one\n:::\n')).toContain('pause-ignored');
  });

  it("reads Marp's picture keywords: beside the text, seen whole, sized; makes no title slide of the front matter's title", () => {
    const { deck } = outline('---\nmarp: true\ntitle: Talk\n---\n\n# A\n\n![bg left Sun](peers/images/sun.svg)\n\nText\n\n---\n\n![bg contain](peers/images/sun.svg)\n\n---\n\n![w:320 A dot](peers/images/dot.gif)\n');
    expect(deck.slides.map((slide) => slide.layout)).toEqual(['image', 'content', 'image']);
    expect(deck.meta.title).toBe('Talk');
    expect(body(deck.slides[0])).toContainEqual({ type: 'image', src: 'peers/images/sun.svg', alt: 'Sun' });
    expect(deck.slides[1]!.background).toEqual({ image: 'peers/images/sun.svg', fit: 'contain' });
    expect(body(deck.slides[2])).toEqual([{ type: 'image', src: 'peers/images/dot.gif', alt: 'A dot', widthPercent: 25 }]);
  });

  it("leaves out Slidev's hidden slides and template expressions, reports imports, and links to a slide by number", () => {
    const { deck, messages } = outline('---\nlayout: cover\n---\n\n# A\n\nPage {{ $slidev.nav.currentPage }}, see [two](#2)\n\n---\nhide: true\n---\n\n# Hidden\n\n---\nsrc: ./other.md\n---\n\n---\n\n# C\n');
    expect(deck.slides.map((slide) => text(slide.title))).toEqual(['A', 'C']);
    expect(text((body(deck.slides[0])[0] as { runs: Inline[] }).runs)).toBe('Page , see two');
    expect(messages.map((message) => message.ruleId)).toEqual(expect.arrayContaining(['html-dropped', 'unsupported-node', 'foreign-key']));
    expect(messages.map((message) => message.ruleId)).not.toContain('broken-link');
  });

  it('writes chart value labels with the decimals the source wrote', async () => {
    const { pptx } = await markdownToPptx('## C\n\n:::chart{type=bar}\n| Year | Share |\n|---|---:|\n| 2024 | 1.25 |\n| 2025 | 2.5 |\n:::\n', { path: join(process.cwd(), 'test', 'deck.md') });
    const chart = [...readPackage(pptx)].find(([name]) => /^ppt\/charts\/chart\d+\.xml$/.test(name))![1];
    expect(chart).toContain('formatCode="#,##0.00"');
  });
});

describe('what public decks need', () => {
  it('builds with a missing picture, showing its alt text in a frame, and finds pictures by web paths', async () => {
    const { pptx, messages } = await markdownToPptx('## A\n\n![The old map](maps/gone.png)\n\n## B\n\n![Dot](/peers/images/dot.gif) ![Dot](peers/images/dot.gif?width=200px)\n', { path: join(process.cwd(), 'test', 'deck.md') });
    expect(messages.filter((message) => message.ruleId === 'image-not-found').map((message) => message.fatal)).toEqual([false]);
    const parts = readPackage(pptx);
    expect(parts.get('ppt/slides/slide1.xml')).toContain('The old map');
    expect([...(parts.get('ppt/slides/slide2.xml') ?? '').matchAll(/<p:pic>/g)]).toHaveLength(2);
  });

  it('reads front matter values as Markdown, a lone `---` with a blank line as a rule, and the text of HTML blocks as Markdown', () => {
    const { deck } = outline('---\ntitle: "The *fast* path <small>(draft)</small>"\nauthor: "<b>Ana</b> Lima"\ndate: 8. März 2025\n---\n\n## A\n\n<div class="box">\n**Bold** and [a link](https://example.org)\n</div>\n');
    expect(deck.slides[0]).toMatchObject({ layout: 'title', author: 'Ana Lima', date: '8. März 2025' });
    expect(deck.slides[0]!.title).toEqual([{ type: 'text', text: 'The ' }, { type: 'text', text: 'fast', italic: true }, { type: 'text', text: ' path (draft)' }]);
    expect((body(deck.slides[1])[0] as { runs: Inline[] }).runs).toEqual(expect.arrayContaining([{ type: 'text', text: 'Bold', bold: true }, { type: 'text', text: 'a link', href: 'https://example.org' }]));
    const rule = outline('---\n\n## Scripted\n\nText\n');
    expect(rule.deck.slides.map((slide) => text(slide.title))).toEqual(['Scripted']);
  });

  it('keeps TeX in prose as text and symbols, and leaves layout commands out with a warning', () => {
    const { deck, messages } = outline('## A\n\n\\textbf{Bold} and a \\ldots{} b \\centering and C:\\Users\n');
    const runs = (body(deck.slides[0])[0] as { runs: Inline[] }).runs;
    expect(runs).toContainEqual({ type: 'text', text: 'Bold', bold: true });
    expect(text(runs)).toBe('Bold and a … b  and C:\\Users');
    expect(messages.map((message) => message.ruleId)).toContain('raw-tex');
  });

  it("reads reveal.js's <aside class=\"notes\"> and drops its attribute comments", () => {
    const { deck, messages } = outline('## A\n\nText <!-- .element: class="fragment" -->\n\n<aside class="notes">Say it twice.</aside>\n');
    expect(deck.slides[0]!.notes.map((block) => text((block as { runs: Inline[] }).runs))).toEqual(['Say it twice.']);
    expect(messages.map((message) => message.ruleId)).toContain('directive-comment');
  });

  it("reads remark.js decks: slide properties, ??? notes, content classes, and --- right after text", () => {
    const { deck } = outline('class: center, middle\n\n# Title\n\n---\nlayout: true\nname: base\n---\n.left-column[\n## Left\n]\n.right-column[\nSome .red[important] text\n]\n\n???\n\nSay hello.\n---\n\n# Last\n\n---\ndiagram: d1\n\nCustom properties feed remark.js templates.\n');
    expect(deck.slides.map((slide) => text(slide.title))).toEqual(['Title', 'Left', 'Last', '']);
    expect(text((body(deck.slides[3])[0] as { runs: Inline[] }).runs)).toBe('Custom properties feed remark.js templates.');
    expect(text((body(deck.slides[1])[0] as { runs: Inline[] }).runs)).toBe('Some important text');
    expect(text((deck.slides[1]!.notes[0] as { runs: Inline[] }).runs)).toBe('Say hello.');
  });

  it("hides md2pptx's one-line template setting", () => {
    const { deck, messages } = outline('template: Martin Template.pptx\n\n### Slide\n\nText\n');
    expect(deck.slides.map((slide) => text(slide.title))).toEqual(['Slide']);
    expect(messages.map((message) => message.ruleId)).toContain('foreign-key');
  });
});

describe('Marp, Slidev and md2pptx conventions', () => {
  it("shows md2pptx's inline maths, GitLab's $`…`$, as its TeX without the backticks", () => {
    const { deck, messages } = outline('## A\n\nPaid on what you put in: $`I = P r t`$ each year, and $x^2$ too\n');
    const runs = (body(deck.slides[0])[0] as { runs: Inline[] }).runs;
    expect(runs.filter((run) => run.type === 'text' && run.code).map((run) => (run as { text: string }).text)).toEqual(['I = P r t', 'x^2']);
    expect(messages.filter((message) => message.ruleId === 'math-not-rendered').map((message) => message.reason)).toEqual([
      'math $I = P r t$ is not typeset yet; its LaTeX source is shown in monospace',
      'math $x^2$ is not typeset yet; its LaTeX source is shown in monospace',
    ]);
  });

  it("reads md2pptx's picture file names with spaces, and its picture grids without their bars", () => {
    const { deck } = outline(
      '## A\n\n![A savings statement](images/my pic.png)\n\n![In brackets](<images/my pic.png>)\n\nSee ![inline](my pic.png) here\n\n![Titled](my pic.png "A title")\n\n|![One](a.png)|![Two](b.png)|\n|![Three](c.png)||\n\nA | bar in text stays.\n',
    );
    const blocks = body(deck.slides[0]).map((block) => (block.type === 'image' ? `image ${block.src} "${block.alt}"` : block.type === 'paragraph' ? `text ${text(block.runs)}` : block.type));
    expect(blocks).toEqual([
      'image images/my pic.png "A savings statement"',
      'image images/my pic.png "In brackets"',
      // In a sentence, or with a title CommonMark cannot read after spaces, it stays as written.
      'text See ![inline](my pic.png) here',
      'text ![Titled](my pic.png "A title")',
      'image a.png "One"',
      'image b.png "Two"',
      'image c.png "Three"',
      'text A | bar in text stays.',
    ]);
  });

  it("reads Marp's headingDivider from a directive comment, and a comment in a heading as a note", () => {
    const { deck } = outline('---\nmarp: true\n---\n\n<!--\ntheme: uncover\nheadingDivider: 2\n-->\n\n# One\n\nA\n\n## Two <!-- dates are provisional -->\n\nB\n');
    expect(deck.slides.map((slide) => text(slide.title))).toEqual(['One', 'Two']);
    expect(text((deck.slides[1]!.notes[0] as { runs: Inline[] }).runs)).toBe('dates are provisional');
  });

  it("places a described Marp background as a described picture behind the content, and several as pictures", async () => {
    const { pptx, deck } = await markdownToPptx('---\nmarp: true\n---\n\n![bg Open steppe](peers/images/steppe.jpg)\n\n# One\n\n---\n\n![bg](peers/images/sun.svg) ![bg](peers/images/dot.gif)\n\n# Two\n', { path: join(process.cwd(), 'test', 'deck.md') });
    expect(deck.slides[0]!.background).toEqual({ image: 'peers/images/steppe.jpg', alt: 'Open steppe' });
    expect(body(deck.slides[1]).filter((block) => block.type === 'image')).toHaveLength(2);
    const slide = readPackage(pptx).get('ppt/slides/slide1.xml')!;
    expect(slide).toMatch(/name="Background Picture" descr="Open steppe"/);
    expect(slide).toMatch(/<a:srcRect l="\d+" t="\d+" r="\d+" b="\d+"\/>/);
  });

  it("reads md2pptx's metadata, its heading levels and heading ids, and CriticMarkup", () => {
    const { deck, messages } = outline('template: Corporate.pptx\nbaseTextSize: 20\ntextLanguage: de-DE\n\n# Title\n\n## Section\n\n### Slide [target]\n\nWe meet {++ on Saturday ++} at {-- noon --} {~~ 9 ~> 10 ~~}.{>> check the room <<}\n\n### Next\n\nSee [back](#target).\n');
    expect(deck.meta.lang).toBe('de-DE');
    expect(deck.slides.filter((slide) => slide.layout === 'content').map((slide) => text(slide.title))).toEqual(['Slide', 'Next']);
    const slide = deck.slides.find((candidate) => text(candidate.title) === 'Slide')!;
    expect(slide.anchors).toEqual(['target']);
    const runs = (body(slide)[0] as { runs: Inline[] }).runs;
    expect(runs).toEqual(expect.arrayContaining([{ type: 'text', text: 'on Saturday', underline: true }, { type: 'text', text: 'noon', strike: true }, { type: 'text', text: '10', underline: true }]));
    expect(text((slide.notes[0] as { runs: Inline[] }).runs)).toBe('check the room');
    expect(messages.filter((message) => message.ruleId === 'broken-link')).toEqual([]);
  });

  it('makes comments speaker notes and drops directive comments with an info message', () => {
    const { deck, messages } = outline('---\nmarp: true\ntheme: gaia\n---\n\n# One\n\n<!-- _class: lead -->\n\nText\n\n<!-- Say hello first. -->\n\n---\n\n## Two\n\nMore\n');
    expect(deck.slides.map((slide) => text(slide.title))).toEqual(['One', 'Two']);
    expect(text((deck.slides[0]!.notes[0] as { runs: Inline[] }).runs)).toBe('Say hello first.');
    expect(messages.map((message) => message.ruleId)).toEqual(expect.arrayContaining(['directive-comment', 'foreign-theme']));
    expect(deck.meta.theme).toBe('default');
  });

  it('maps inline HTML to formatting and reports block HTML it leaves out', () => {
    const { deck, messages } = outline('## A\n\n<b>bold</b>, <sub>2</sub>, one<br>two, <span class="x">kept</span>\n\n<style>\nh1 { color: red }\n</style>\n');
    const runs = (body(deck.slides[0])[0] as { runs: Inline[] }).runs;
    expect(runs).toEqual(expect.arrayContaining([{ type: 'text', text: 'bold', bold: true }, { type: 'text', text: '2', subscript: true }, { type: 'break' }]));
    expect(text(runs)).toContain('kept');
    expect(messages.find((message) => message.ruleId === 'html-dropped')?.reason).toContain('<style>');
  });

  it('sizes line breaks like their paragraph, so lines of breaks are as tall as they were measured', async () => {
    const breaksOf = async (source: string) => {
      const { pptx, fit } = await markdownToPptx(source, { path: join(process.cwd(), 'test', 'deck.md') });
      return { fit: fit[0]!, breaks: [...readPackage(pptx).get('ppt/slides/slide1.xml')!.matchAll(/<a:br><a:rPr ([^>]*)\/><\/a:br>/g)].map((match) => match[1]) };
    };
    // At the body's size the breaks take it from their level, as the text does.
    const plain = await breaksOf('## A\n\n<br/><br/><br/>\n\nText\n');
    expect(plain.fit.bodyPt).toBeUndefined();
    expect(plain.breaks).toEqual(['lang="en-US"', 'lang="en-US"', 'lang="en-US"']);
    // Set smaller to fit, they say the size they were measured at.
    const shrunk = await breaksOf(`## A\n\n<br/><br/><br/>\n\n${'A long line of text that has to wrap. '.repeat(40)}\n`);
    expect(shrunk.fit.bodyPt).toBeDefined();
    expect(shrunk.breaks).toEqual(Array(3).fill(`lang="en-US" sz="${shrunk.fit.bodyPt! * 100}"`));
  });

  it("reads Slidev's per-slide front matter as settings, never as a title", () => {
    const { deck } = outline('---\ntheme: seriph\nlayout: cover\n---\n\n# Welcome\n\n---\nlayout: section\n---\n\n# Part two\n\n---\nlayout: two-cols\n---\n\n# Compare\n\nLeft\n\n::right::\n\nRight\n');
    expect(deck.slides.map((slide) => [slide.layout, text(slide.title)])).toEqual([
      ['content', 'Welcome'],
      ['section', 'Part two'],
      ['columns', 'Compare'],
    ]);
  });

  it("maps Slidev's quote, end and image-right layouts, Marp's headingDivider in the front matter, and reports picture filters", () => {
    const slidev = outline('---\nlayout: cover\n---\n\n# A\n\n---\nlayout: image-right\nimage: peers/images/sun.svg\n---\n\n# B\n\nText\n\n---\nlayout: quote\n---\n\n> Said once.\n\n---\nlayout: end\n---\n\n# Thanks\n');
    expect(slidev.deck.slides.map((slide) => slide.layout)).toEqual(['content', 'image', 'quote', 'end']);
    expect(body(slidev.deck.slides[1]).at(-1)).toEqual({ type: 'image', src: 'peers/images/sun.svg', alt: '' });
    const marp = outline('---\nmarp: true\nheadingDivider: 2\n---\n\n# One\n\n![sepia blur:5px A print](peers/images/dot.gif)\n\n## Two\n\nText\n');
    expect(marp.deck.slides.map((slide) => text(slide.title))).toEqual(['One', 'Two']);
    expect(marp.messages.find((message) => message.ruleId === 'attribute-ignored')?.reason).toContain('sepia blur:5px');
  });

  it("takes a Slidev theme folder (`theme: ./`) for another tool's theme, not a crash", () => {
    const { deck, messages } = outline('---\ntheme: ./\n---\n\n# A\n\nText\n');
    expect(deck.meta.theme).toBe('default');
    expect(messages.map((message) => message.ruleId)).toEqual(['foreign-theme']);
  });

  it('gives info, not a "did you mean", for other tools\' front matter keys, and reads paginate and size', () => {
    const { deck, messages } = outline('---\nmarp: true\npaginate: true\nsize: 4:3\ntransition: fade\n---\n\n# A\n\nText\n');
    expect(deck.meta).toMatchObject({ slideNumbers: true, aspect: '4:3' });
    expect(messages.map((message) => [message.ruleId, message.fatal])).toEqual([['foreign-key', undefined]]);
  });
});

describe('values as the author wrote them', () => {
  const chart = (lang: string, cell: string) => outline(`---\nlang: ${lang}\n---\n\n## C\n\n:::chart{type=bar}\n| Year | Value |\n|---|---:|\n| 2024 | ${cell} |\n:::\n`);

  it('reads chart cells by the deck language and refuses ambiguous ones', () => {
    expect(body(chart('en-US', '1,250').deck.slides[0])[0]).toMatchObject({ series: [{ values: [1250] }] });
    expect(body(chart('kk-KZ', '1,250').deck.slides[0])[0]).toMatchObject({ series: [{ values: [1.25] }], decimals: 3 });
    expect(chart('en-US', '1,5').messages.map((message) => message.ruleId)).toContain('ambiguous-number');
    expect(chart('kk-KZ', '1.5').messages.map((message) => message.ruleId)).toContain('ambiguous-number');
  });

  it('decodes percent-encoded picture paths and keeps empty alt text empty', async () => {
    const { pptx, messages } = await markdownToPptx('## A\n\n![](peers/images/my%20pic.png)\n', { path: join(process.cwd(), 'test', 'deck.md') });
    expect(messages.filter((message) => message.fatal === true)).toEqual([]);
    expect(readPackage(pptx).get('ppt/slides/slide1.xml')).toMatch(/<p:cNvPr id="\d+" name="Picture[^"]*" descr=""/);
  });

  it('builds a deck with a remote picture, showing its alt text in a frame', async () => {
    const { pptx, messages } = await markdownToPptx('## A\n\n![The harbour at dawn](https://example.org/harbour.jpg)\n', { path: join(process.cwd(), 'test', 'deck.md') });
    expect(messages.find((message) => message.ruleId === 'remote-image')?.fatal).toBe(false);
    const slide = readPackage(pptx).get('ppt/slides/slide1.xml')!;
    expect(slide).toContain('The harbour at dawn');
    expect(slide).toContain('prstDash val="dash"');
  });
});

describe('a build never harms the user\'s files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'deckdown-safety-'));
  const io = () => {
    const out = { stdout: '', stderr: '' };
    return { out, io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t), cwd: dir, env: {} } };
  };

  it('refuses a .pptx or other binary input with exit 1', async () => {
    const deck = join(dir, 'deck.pptx');
    writeFileSync(deck, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2]));
    const { out, io: ioValue } = io();
    expect(await run(['build', deck, '-o', join(dir, 'x.pptx')], ioValue)).toBe(1);
    expect(out.stderr).toContain('is not a text file');
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  it('never writes over an input, by name or through a hard link', async () => {
    const source = join(dir, 'talk.md');
    writeFileSync(source, '## A\n\nText\n');
    linkSync(source, join(dir, 'linked.pptx'));
    const outline = join(dir, 'outline.json');
    writeFileSync(outline, JSON.stringify({ meta: {}, slides: [{ layout: 'content', title: [], body: [] }] }));
    const attempts = [
      ['build', source, '-o', join(dir, 'linked.pptx')],
      ['build', outline, '-o', join(dir, 'o.pptx'), '--outline', outline],
    ];
    for (const argv of attempts) {
      const { out, io: ioValue } = io();
      expect(await run(argv, ioValue)).toBe(1);
      expect(out.stderr).toContain('never writes over an input');
    }
    expect(readFileSync(source, 'utf8')).toBe('## A\n\nText\n');
  });

  it('--strict turns a warning into exit 1', async () => {
    const source = join(dir, 'warned.md');
    writeFileSync(source, '---\ntheme: gaia\n---\n\n## A\n\nText\n');
    expect(await run(['build', source, '-o', join(dir, 'w.pptx')], io().io)).toBe(0);
    expect(await run(['build', source, '-o', join(dir, 'w.pptx'), '--strict'], io().io)).toBe(1);
  });
});
