import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { DeckdownError, markdownToPptx } from '../src/index.js';
import { readPackage, structuralProblems } from './helpers/package.js';

interface Example {
  markdown: string;
  section: string;
  number: number;
}

const { tests } = createRequire(import.meta.url)('commonmark-spec') as { tests: Example[] };
/** The only errors a spec example may give: its pictures point at files that do not exist. */
const EXPECTED_ERRORS = new Set(['image-not-found', 'remote-image', 'not-an-image']);

describe('every CommonMark spec example, wrapped as a deck', () => {
  it(`builds without a crash, and each deck passes the structural check (${tests.length} examples)`, async () => {
    const failures: string[] = [];
    let rendered = 0;
    for (const example of tests) {
      const source = `---\ntitle: Example ${example.number}\n---\n\n${example.markdown.replace(/→/g, '\t')}`;
      try {
        const { pptx } = await markdownToPptx(source, { path: `example-${example.number}.md` });
        const problems = structuralProblems(readPackage(pptx));
        if (problems.length > 0) failures.push(`#${example.number} (${example.section}): ${problems.join('; ')}`);
        rendered += 1;
      } catch (error) {
        const unexpected = error instanceof DeckdownError ? error.messages.filter((m) => m.fatal && !EXPECTED_ERRORS.has(String(m.ruleId))) : [error];
        if (unexpected.length > 0) failures.push(`#${example.number} (${example.section}): ${unexpected.map(String).join('; ')}`);
      }
    }
    expect(failures).toEqual([]);
    // Nearly all examples have no picture; they must all have produced a deck.
    expect(rendered).toBeGreaterThan(tests.length - 40);
  });
});
