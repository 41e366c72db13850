import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DeckSchema } from './outline/schema.js';
import { templatesDir } from './theme/registry.js';
import { ThemeSchema } from './theme/schema.js';

/**
 * JSON Schemas generated from the zod schemas, so editors can complete and check outline and
 * theme files. They describe what an author writes: fields with defaults are optional.
 */
export function jsonSchemas(): Record<string, unknown> {
  const schema = (zod: z.ZodType, title: string) => ({ ...z.toJSONSchema(zod, { io: 'input', unrepresentable: 'any' }), title });
  return {
    'deck.schema.json': schema(DeckSchema, 'deckdown slide outline'),
    'theme.schema.json': schema(ThemeSchema, 'deckdown theme'),
  };
}

export function jsonSchemaText(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** Writes the schemas into templates/, where the package ships them. */
export function writeJsonSchemas(): void {
  for (const [name, schema] of Object.entries(jsonSchemas())) writeFileSync(join(templatesDir, name), jsonSchemaText(schema));
}
