import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas, jsonSchemaText } from '../src/json-schemas.js';
import { templatesDir } from '../src/theme/registry.js';

describe('shipped JSON Schemas', () => {
  for (const [name, schema] of Object.entries(jsonSchemas())) {
    it(`templates/${name} is generated from the current zod schema (npm run schemas)`, () => {
      expect(readFileSync(join(templatesDir, name), 'utf8')).toBe(jsonSchemaText(schema));
    });
  }

  it('describes the outline: its slide layouts and block types', () => {
    const text = jsonSchemaText(jsonSchemas()['deck.schema.json']);
    for (const name of ['"title"', '"section"', '"agenda"', '"quote"', '"stat"', '"chart"', '"columns"', '"image"', '"table"', '"code"']) expect(text).toContain(name);
  });
});
