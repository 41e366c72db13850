import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeckdownError, listThemes, markdownToPptx } from '../src/index.js';
import { readPackage } from './helpers/package.js';
import { partViolations, schemaViolations } from './helpers/schema-validity.js';

/**
 * Every part of every deck validates against the ECMA-376 transitional schemas: a part that
 * does not is what PowerPoint offers to "repair". The peer decks, the CommonMark corpus and
 * the render tests are validated too, through the structural check they all run.
 */
const content = new URL('../content/', import.meta.url).pathname;
const fixtures = new URL('./fixtures/', import.meta.url).pathname;

async function violations(path: string, theme?: string): Promise<string[]> {
  const { pptx } = await markdownToPptx(readFileSync(path, 'utf8'), { path, ...(theme ? { theme } : {}) });
  return schemaViolations(readPackage(pptx));
}

describe('validity by the ECMA-376 schemas', () => {
  it('reports what the schemas forbid, by line', () => {
    // The notes master list after the slide list: the order pptxgenjs writes.
    const presentation =
      '<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\n' +
      '<p:sldIdLst><p:sldId id="256" r:id="rId2"/></p:sldIdLst><p:notesMasterIdLst><p:notesMasterId r:id="rId3"/></p:notesMasterIdLst><p:sldSz cx="9144000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>';
    expect(partViolations(presentation)).toEqual([expect.stringMatching(/^2: Element '\{[^}]+\}notesMasterIdLst': This element is not expected/)]);
    expect(partViolations('<unknown/>')).toEqual([expect.stringContaining('no schema')]);
  });

  it('ignores Office extensions, as Office does, but not what they hide in standard elements', () => {
    const extended = '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x" name="t"><a:themeElements/></a:theme>';
    // The schema requires colour, font and format schemes inside themeElements.
    expect(partViolations(extended).join('\n')).toMatch(/clrScheme/);
  });

  for (const theme of listThemes()) {
    it(`the lecture in the ${theme} theme`, async () => {
      expect(await violations(join(content, 'lecture.md'), theme)).toEqual([]);
    });
  }

  it('content/syntax.md, with charts, pictures, tables and code', async () => {
    expect(await violations(join(content, 'syntax.md'))).toEqual([]);
  });

  for (const name of readdirSync(fixtures).sort()) {
    const input = join(fixtures, name, 'input.md');
    if (!existsSync(input)) continue;
    it(`fixture ${name}`, async () => {
      const built = await markdownToPptx(readFileSync(input, 'utf8'), { path: input }).then(
        (result) => schemaViolations(readPackage(result.pptx)),
        // Fixtures of errors build no deck; their errors are tested with the outline.
        (error: unknown) => {
          if (error instanceof DeckdownError) return [];
          throw error;
        },
      );
      expect(built).toEqual([]);
    });
  }
});
