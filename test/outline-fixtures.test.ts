import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { buildOutline, formatMessages } from '../src/index.js';

/**
 * Each fixture is a directory with input.md, the expected outline.json and messages.txt.
 * `UPDATE_FIXTURES=1 npx vitest run test/outline-fixtures.test.ts` rewrites the expectations;
 * review the diff before committing it.
 */
const root = new URL('./fixtures/', import.meta.url).pathname;
const update = process.env.UPDATE_FIXTURES === '1';

describe('outline fixtures', () => {
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    if (!existsSync(join(dir, 'input.md'))) continue;
    it(name, () => {
      const file = new VFile({ path: 'input.md', cwd: dir, value: readFileSync(join(dir, 'input.md'), 'utf8') });
      const { deck, messages } = buildOutline(file);
      const outline = `${JSON.stringify(deck, null, 2)}\n`;
      const report = messages.length > 0 ? `${formatMessages(messages)}\n` : '';
      if (update) {
        writeFileSync(join(dir, 'outline.json'), outline);
        writeFileSync(join(dir, 'messages.txt'), report);
      }
      expect(outline).toBe(readFileSync(join(dir, 'outline.json'), 'utf8'));
      expect(report).toBe(readFileSync(join(dir, 'messages.txt'), 'utf8'));
    });
  }
});
