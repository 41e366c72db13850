import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, limitFlag, limitsWith, overLimit, parseLimits } from '../src/limits.js';
import { COMMAND_HELP } from '../src/cli/usage.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('budgets', () => {
  it('are read from --limit settings, with k, M and G', () => {
    expect(parseLimits(['slides=500', 'input-bytes=20M', 'image-pixels=2.5k'])).toEqual({ slides: 500, inputBytes: 20 * 1024 * 1024, imagePixels: 2500 });
    expect(parseLimits(['slide=5'])).toMatch(/expected name=number, with a name among input-bytes, depth/);
    expect(parseLimits(['slides=-1'])).toMatch(/expected name=number/);
    expect(limitsWith({ slides: 3 })).toEqual({ ...DEFAULT_LIMITS, slides: 3 });
  });

  it('say how to raise the one exceeded', () => {
    expect(overLimit('the deck’s 30 slides', 'slides', limitsWith({ slides: 20 }))).toBe('the deck’s 30 slides exceeds the limit of 20 (--limit slides=<n> raises it)');
  });

  it('are all in the README’s table with their defaults, and in the build help', () => {
    const rows = readme.slice(readme.indexOf('### Budgets')).split('\n').filter((line) => /^\| `[a-z-]+` \|/.test(line));
    expect(rows.map((row) => row.split('|')[1]!.trim())).toEqual(Object.keys(DEFAULT_LIMITS).map((key) => `\`${limitFlag(key as keyof typeof DEFAULT_LIMITS).replace(/^--limit |=$/g, '')}\``));
    for (const [index, [key, value]] of Object.entries(DEFAULT_LIMITS).entries()) {
      const cells = rows[index]!.split('|').map((cell) => cell.trim());
      expect(cells[2]).toBe(`\`${key}\``);
      const written = cells[3]!.replace(/,/g, '').replace(/^(\d+) ([MG])iB$/, (_, n: string, unit: string) => String(Number(n) * 1024 ** (unit === 'G' ? 3 : 2)));
      expect(Number(written), key).toBe(value);
    }
    for (const key of Object.keys(DEFAULT_LIMITS)) expect(COMMAND_HELP.build).toContain(limitFlag(key as keyof typeof DEFAULT_LIMITS).replace(/^--limit |=$/g, ''));
  });
});
