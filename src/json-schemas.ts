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
  const theme = schema(ThemeSchema, 'deckdown theme') as { properties: Record<string, unknown> };
  return {
    'deck.schema.json': schema(DeckSchema, 'deckdown slide outline'),
    // A theme file may extend another and override any part of it, so nothing in it is required.
    'theme.schema.json': withoutRequired({
      ...theme,
      properties: { extends: { type: 'string', description: 'A built-in theme name or a theme file (relative to this one) whose settings this file overrides.' }, ...theme.properties },
    }),
  };
}

function withoutRequired(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRequired);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'required').map(([key, inner]) => [key, withoutRequired(inner)]));
}

export function jsonSchemaText(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** Writes the schemas into templates/, where the package ships them. */
export function writeJsonSchemas(): void {
  for (const [name, schema] of Object.entries(jsonSchemas())) writeFileSync(join(templatesDir, name), jsonSchemaText(schema));
}
