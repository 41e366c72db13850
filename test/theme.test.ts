import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listThemes, loadTheme, ThemeError } from '../src/index.js';

describe('themes', () => {
  it('lists the built-in themes and loads each one', () => {
    expect(listThemes()).toContain('default');
    for (const name of listThemes()) expect(loadTheme(name).name).toBe(name);
  });

  it('the default theme is 16:9 and names fonts that cover Kazakh Cyrillic', () => {
    const theme = loadTheme('default');
    expect(theme.slide.widthInches / theme.slide.heightInches).toBeCloseTo(16 / 9, 2);
    expect(theme.fonts).toEqual({ heading: 'Noto Sans', body: 'Noto Sans', mono: 'Noto Sans Mono', fallback: ['Noto Emoji'] });
  });

  it('rejects an unknown name, listing the available themes', () => {
    expect(() => loadTheme('nope')).toThrow(new ThemeError('unknown theme "nope"; available themes: dark, default, lecture', 'unknown-theme'));
  });

  it('rejects an invalid theme file with the path of each problem', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'deckdown-theme-')), 'bad.json');
    writeFileSync(path, JSON.stringify({ name: 'bad', slide: { widthInches: -1, heightInches: 7.5 } }));
    expect(() => loadTheme(path)).toThrow(/slide\.widthInches: Too small.*colors: Invalid input/);
  });
});
