import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pptxgenjs from 'pptxgenjs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { mostLegible } from '../src/theme/contrast.js';
import { buildOutline, contrastWarnings, defineTheme, importTemplate, listThemes, loadTheme, markdownToPptx, planSlides, ThemeError } from '../src/index.js';
import type { Theme } from '../src/theme/schema.js';
import { loadLocatedTheme } from '../src/theme/load.js';
import { templatesDir } from '../src/theme/registry.js';
import { run } from '../src/cli/run.js';
import { readPackage, slideNames } from './helpers/package.js';
import { hasPandoc, referencePptx } from './helpers/pandoc.js';

const lecturePath = new URL('../content/lecture.md', import.meta.url).pathname;
const lecture = readFileSync(lecturePath, 'utf8');
const tmp = () => mkdtempSync(join(tmpdir(), 'deckdown-themes-'));

describe('built-in themes', () => {
  it('are at least the light default, a dark theme and the lecture theme', () => {
    expect(listThemes()).toEqual(expect.arrayContaining(['default', 'dark', 'lecture']));
  });

  for (const name of ['default', 'dark', 'lecture']) {
    it(`${name}: complete for every layout and WCAG AA for text on its backgrounds`, () => {
      const theme = loadTheme(name);
      expect(Object.keys(theme.layouts).sort()).toEqual(['agenda', 'chart', 'columns', 'content', 'end', 'image', 'quote', 'section', 'stat', 'title']);
      expect(contrastWarnings(theme)).toEqual([]);
    });
  }

  it('read as JSON, give the theme and the positions they give read as documents with positions, as any other file is', () => {
    for (const name of listThemes()) {
      const copy = join(mkdtempSync(join(tmpdir(), 'deckdown-own-theme-')), name);
      cpSync(join(templatesDir, name), copy, { recursive: true });
      const own = loadLocatedTheme(name);
      const other = loadLocatedTheme(join(copy, 'theme.json'));
      expect(JSON.parse(JSON.stringify(own.theme).replaceAll(join(templatesDir, name), copy))).toEqual(other.theme);
      const text = readFileSync(join(templatesDir, name, 'theme.json'), 'utf8');
      const line = text.split('\n').findIndex((row) => row.includes('"accent"')) + 1;
      expect(own.place(['colors', 'accent'])).toEqual({ file: join(templatesDir, name, 'theme.json'), line, column: expect.any(Number) });
      expect(own.place(['colors', 'accent'])).toEqual({ ...other.place(['colors', 'accent']), file: join(templatesDir, name, 'theme.json') });
    }
  });

  it('are visibly distinct', () => {
    const looks = ['default', 'dark', 'lecture'].map((name) => {
      const { colors } = loadTheme(name);
      return `${colors.background}/${colors.titleBackground}/${colors.sectionBackground}`;
    });
    expect(new Set(looks).size).toBe(3);
  });

  it('lecture: the flag\'s sky blue and gold, with the ram\'s-horn band on the title and closing slides, shown through', async () => {
    const theme = loadTheme('lecture');
    expect(theme.colors.titleBackground).toBe('00AFCA');
    expect(theme.colors.titleAccent).toBe('FEC50C');
    expect(Object.keys(theme.backgrounds ?? {}).sort()).toEqual(['end', 'title']);
    const { pptx } = await markdownToPptx('---\ntitle: Лекция\n---\n\n# Бөлім\n\n## Слайд\n\nМәтін.\n\n# Рақмет\n', { theme: 'lecture' });
    const parts = readPackage(pptx);
    const layouts = [...parts.keys()].filter((name) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(name));
    const titleLayout = layouts.find((name) => parts.get(name)!.includes('name="Title Slide"'))!;
    expect(parts.get(titleLayout)).toMatch(/<p:bg><p:bgPr><a:blipFill/);
    // The title slide paints no background of its own, so the layout's band shows.
    expect(parts.get('ppt/slides/slide1.xml')).not.toContain('<p:bg>');
  });
});

describe('custom themes', () => {
  it('a YAML file extends a built-in theme and overrides any part', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'mine.yaml'), 'extends: lecture\nname: mine\ncolors:\n  heading: "112233"\nsizes:\n  body: 26\n');
    const theme = loadTheme(join(dir, 'mine.yaml'));
    expect(theme.name).toBe('mine');
    expect(theme.colors.heading).toBe('112233');
    expect(theme.colors.titleAccent).toBe(loadTheme('lecture').colors.titleAccent);
    expect(theme.sizes.body).toBe(26);
  });

  it('a theme can extend another theme file, with paths relative to each file', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'base'));
    writeFileSync(join(dir, 'base', 'base.json'), JSON.stringify({ extends: 'default', name: 'base', logo: { path: 'logo.png', box: { x: 12, y: 0.2, w: 1, h: 0.5 } } }));
    writeFileSync(join(dir, 'base', 'logo.png'), PNG.sync.write(new PNG({ width: 2, height: 1 })));
    writeFileSync(join(dir, 'child.json'), JSON.stringify({ extends: 'base/base.json', name: 'child' }));
    expect(loadTheme(join(dir, 'child.json')).logo?.path).toBe(join(dir, 'base', 'logo.png'));
  });

  it('an invalid theme file gives errors at the line and column of the value, with what was expected', () => {
    const dir = tmp();
    const path = join(dir, 'bad.yaml');
    writeFileSync(path, 'extends: default\nname: bad\ncolors:\n  text: blue\nsizes:\n  body: -3\n');
    const error = (() => {
      try {
        loadTheme(path);
      } catch (caught) {
        return caught as ThemeError;
      }
      throw new Error('the theme should be rejected');
    })();
    expect(error.problems.map((problem) => [problem.line, problem.column, problem.reason])).toEqual([
      [4, 9, 'colors.text: a six-digit hex colour such as "1F2933"'],
      [6, 9, 'sizes.body: Too small: expected number to be >=1'],
    ]);
    expect(error.message).toContain(`${path}:4:9: colors.text`);
  });

  it('themes that extend each other in a circle are refused', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ extends: 'b.json' }));
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ extends: 'a.json' }));
    expect(() => loadTheme(join(dir, 'a.json'))).toThrow(/extend each other in a circle/);
  });

  it('defineTheme() merges overrides over a theme and validates them', () => {
    const theme = defineTheme({ extends: 'dark', name: 'code', colors: { accent: 'FF8800' } });
    expect(theme.colors.accent).toBe('FF8800');
    expect(theme.colors.background).toBe(loadTheme('dark').colors.background);
    expect(() => defineTheme({ colors: { accent: 'orange' } })).toThrow(/colors\.accent: a six-digit hex colour/);
  });

  it('a theme with too little contrast builds, with a warning naming the colours and the ratio', async () => {
    const theme = defineTheme({ name: 'pale', colors: { text: 'BBBBBB' } });
    expect(contrastWarnings(theme)).toEqual(['theme "pale": colors.text #BBBBBB on colors.background #FFFFFF has a contrast of 1.92:1; WCAG AA needs 4.5:1', 'theme "pale": colors.text #BBBBBB on colors.tableStripe #EEF3F8 has a contrast of 1.72:1; WCAG AA needs 4.5:1']);
    const dir = tmp();
    writeFileSync(join(dir, 'pale.json'), JSON.stringify({ extends: 'default', name: 'pale', colors: { text: 'BBBBBB' } }));
    const { messages } = await markdownToPptx('---\ntheme: pale.json\n---\n\n# A\n\nb\n', { path: join(dir, 'talk.md') });
    expect(messages.filter((m) => m.ruleId === 'low-contrast')).toHaveLength(2);
  });

  it('warns, with the slide and the ratio, for a doughnut slice on which no label colour reads', () => {
    const doughnut = '# Shares\n\n:::chart{type=doughnut}\n| Part | Share |\n|---|--:|\n| One | 1 |\n| Two | 2 |\n:::\n';
    const grey = defineTheme({ name: 'grey', colors: { accents: ['808080', '1D70B8', 'F2B631', '24754A', 'C0392B', '6C5CE7'] } });
    const { messages } = planSlides(buildOutline(doughnut).deck, { theme: grey });
    expect(messages.filter((message) => message.ruleId === 'low-contrast').map((message) => message.reason)).toEqual([
      expect.stringMatching(/^slide 1: the label of doughnut slice "One" on #808080 has a contrast of \d\.\d\d:1 at best; WCAG AA needs 4\.5:1$/),
    ]);
    for (const name of ['default', 'dark', 'lecture']) {
      const { messages: none } = planSlides(buildOutline(doughnut.replace('| Two | 2 |', '| Two | 2 |\n| Three | 3 |\n| Four | 4 |\n| Five | 5 |\n| Six | 6 |')).deck, { theme: name });
      expect(none.filter((message) => message.ruleId === 'low-contrast'), name).toEqual([]);
    }
  });

  it('picks, of several text colours, the one that reads best on every background', () => {
    expect(mostLegible(['FFFFFF', '1F2933'], ['F2B631'])).toBe('1F2933');
    expect(mostLegible(['FFFFFF', '1F2933'], ['0B3C5D'])).toBe('FFFFFF');
    // Blue and gold slices: dark text reads on both (3.2:1 at worst), white fails on gold (1.9:1).
    expect(mostLegible(['FFFFFF', '1F2933'], ['1D70B8', 'F2B631'])).toBe('1F2933');
  });
});

describe('aspect ratio', () => {
  it('front matter aspect: 4:3 resizes the theme and scales its frames', async () => {
    const { pptx, messages } = await markdownToPptx('---\naspect: "4:3"\n---\n\n# A slide\n\n- a point\n');
    expect(messages).toEqual([]);
    const parts = readPackage(pptx);
    expect(parts.get('ppt/presentation.xml')).toContain('<p:sldSz cx="9144000" cy="6858000"');
    // The slide's body is its layout's placeholder, frame and all.
    expect(parts.get('ppt/slides/slide1.xml')).toMatch(/name="Body"\/>.*?<\/p:nvSpPr><p:spPr\/>/);
    const layout = parts.get('ppt/slides/_rels/slide1.xml.rels')!.match(/Target="\.\.\/slideLayouts\/(slideLayout\d+\.xml)"/)![1]!;
    const body = parts.get(`ppt/slideLayouts/${layout}`)!.match(/name="Text Placeholder".*?<a:ext cx="(\d+)"/)![1]!;
    expect(Number(body) / 914400).toBeCloseTo((12.1 * 10) / 13.333, 2);
  });
});

describe('real slide layouts', () => {
  it('every layout is named, has a title placeholder, and slides use theirs', async () => {
    const { pptx } = await markdownToPptx(lecture, { path: lecturePath, theme: 'lecture' });
    const parts = readPackage(pptx);
    const layouts = [...parts.keys()].filter((name) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(name));
    const names = layouts.map((name) => parts.get(name)!.match(/<p:cSld name="([^"]+)"/)?.[1]);
    // The lecture's titles on two lines are on the variant of their layout for them.
    expect(names.sort()).toEqual(['Agenda', 'Big Number', 'Chart', 'Closing', 'Columns', 'Picture and Text', 'Quote', 'Section Header', 'Title Slide', 'Title and Content', 'Title and Content, Two-Line Title'].sort());
    for (const name of layouts) expect(parts.get(name), name).toContain('<p:ph type="title"/>');
    for (const name of slideNames(parts)) {
      const xml = parts.get(name)!;
      expect(xml, name).toMatch(/name="Title"\/><p:cNvSpPr><a:spLocks noGrp="1"\/><\/p:cNvSpPr><p:nvPr><p:ph type="title"\/>/);
    }
  });

  it('the theme part carries the theme\'s colours and fonts', async () => {
    const { pptx } = await markdownToPptx('# A\n\nb\n', { theme: 'dark' });
    const xml = readPackage(pptx).get('ppt/theme/theme1.xml')!;
    const dark = loadTheme('dark');
    expect(xml).toContain(`<a:clrScheme name="dark"><a:dk1><a:srgbClr val="${dark.colors.text}"/></a:dk1><a:lt1><a:srgbClr val="${dark.colors.background}"/></a:lt1>`);
    expect(xml).toContain(`<a:accent1><a:srgbClr val="${dark.colors.accents[0]}"/></a:accent1>`);
    expect(xml).toContain(`<a:majorFont><a:latin typeface="${dark.fonts.heading}"/>`);
    expect(xml).not.toContain('Office Theme');
  });
});

/** A corporate-style template: Office's colour scheme and fonts, 4:3, a logo on its master. */
async function corporateTemplate(): Promise<Uint8Array> {
  const Pptx = pptxgenjs as unknown as typeof pptxgenjs.default;
  const pptx = new Pptx();
  pptx.layout = 'LAYOUT_4x3';
  pptx.defineSlideMaster({ title: 'Corporate', objects: [{ image: { x: 8.8, y: 0.2, w: 1, h: 1, path: new URL('../content/images/dot.gif', import.meta.url).pathname } }] });
  pptx.addSlide({ masterName: 'Corporate' });
  return (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
}

describe('import from a corporate template', () => {
  it('takes over the colour scheme, fonts, slide size and logo, over the default theme', async () => {
    const imported = importTemplate(await corporateTemplate(), loadTheme('default'), 'corp');
    expect(imported.theme).toMatchObject({
      extends: 'default',
      name: 'corp',
      slide: { widthInches: 10, heightInches: 7.5 },
      fonts: { heading: 'Calibri Light', body: 'Calibri' },
      colors: { text: '000000', background: 'FFFFFF', heading: '44546A', accent: '4472C4', link: '0563C1' },
      logo: { path: 'corp-logo.gif', box: { x: 8.8, y: 0.2, w: 1, h: 1 } },
    });
    expect(imported.logo?.extension).toBe('gif');
    const layouts = imported.theme.layouts as { content: { body: { w: number } } };
    expect(layouts.content.body.w).toBeCloseTo((12.1 * 10) / 13.333, 2);
  });

  it('deckdown theme import writes a theme and its logo that the lecture builds with', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'corp.potx'), await corporateTemplate());
    let stdout = '';
    let stderr = '';
    const io = { stdout: (text: string) => (stdout += text), stderr: (text: string) => (stderr += text), cwd: dir, env: {} };
    expect(await run(['theme', 'import', 'corp.potx', '-o', 'corp.json'], io)).toBe(0);
    expect(stdout).toContain(`wrote ${join(dir, 'corp.json')}`);
    expect(stderr).toMatch(new RegExp(`^${join(dir, 'corp.json')}:\\d+:\\d+: warning: font "Calibri Light" has no file; measuring with "Noto Sans" made 10 % wider instead \\(add it under fonts\\.files\\) \\[missing-font-file\\]$`, 'm'));
    expect(readFileSync(join(dir, 'corp-logo.gif')).subarray(0, 3).toString()).toBe('GIF');
    const { pptx } = await markdownToPptx(lecture, { path: lecturePath, theme: join(dir, 'corp.json') });
    const parts = readPackage(pptx);
    expect(parts.get('ppt/presentation.xml')).toContain('<p:sldSz cx="9144000" cy="6858000"');
    expect([...parts.keys()].some((name) => name.startsWith('ppt/media/'))).toBe(true);
  });

  it.skipIf(!hasPandoc())('imports pandoc\'s own reference.pptx', async () => {
    const imported = importTemplate(referencePptx(), loadTheme('default'), 'pandoc');
    expect(imported.theme).toMatchObject({ slide: { widthInches: 10, heightInches: 5.625 }, fonts: { heading: 'Calibri', body: 'Calibri' }, colors: { heading: '1F497D', accent: '4F81BD' } });
    // The frames of the template's own placeholders, and its master's text sizes.
    const { layouts, sizes } = imported.theme as unknown as Theme;
    expect(layouts.content.title).toEqual({ x: 0.5, y: 0.225, w: 9, h: 0.938 });
    expect(layouts.content.body).toEqual({ x: 0.5, y: 1.313, w: 9, h: 3.712 });
    expect(layouts.columns.body).toEqual({ x: 0.5, y: 1.313, w: 9, h: 3.712 });
    expect(sizes.body).toBeLessThan(loadTheme('default').sizes.body);
    // Frames and sizes made for the slide: few lecture slides need smaller text (18 of 30 with frames merely scaled).
    const dir = tmp();
    writeFileSync(join(dir, 'pandoc.json'), JSON.stringify(imported.theme));
    const { fit } = await markdownToPptx(lecture, { path: lecturePath, theme: join(dir, 'pandoc.json') });
    expect(fit.filter((slide) => slide.bodyPt !== undefined || slide.titlePt !== undefined).length).toBeLessThanOrEqual(8);
  });
});
