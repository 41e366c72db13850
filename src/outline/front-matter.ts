import { closest, distance } from 'fastest-levenshtein';
import type { Yaml } from 'mdast';
import type { VFile } from 'vfile';
import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { z } from 'zod';
import { report } from '../diagnostics/report.js';
import { LangSchema, type Position } from './schema.js';

/** The deck-wide settings an author may write in the YAML front matter. */
export const FrontMatterSchema = z.strictObject({
  title: z.string().optional(),
  subtitle: z.string().optional(),
  author: z.string().optional(),
  date: z.union([z.string(), z.number().transform(String)]).optional(),
  lang: LangSchema.optional(),
  theme: z.string().optional(),
  slideLevel: z.int().min(1).max(6).optional(),
  footer: z.string().optional(),
  slideNumbers: z.boolean().optional(),
  toc: z.boolean().optional(),
  aspect: z.enum(['16:9', '4:3']).optional(),
});
export type FrontMatter = z.infer<typeof FrontMatterSchema>;

const knownKeys = Object.keys(FrontMatterSchema.shape);
/** Unknown keys further than this from every known key get no suggestion. */
const SUGGESTION_DISTANCE = 3;

export interface ParsedFrontMatter {
  values: FrontMatter;
  /** Where each key's value stands, so later stages can point at the value of `theme:` for instance. */
  places: Partial<Record<keyof FrontMatter, Position>>;
}

/**
 * Parse and validate the front matter. Invalid values are reported at their own line and
 * dropped; unknown keys are reported with the nearest known key.
 */
export function parseFrontMatter(node: Yaml | undefined, file: VFile): ParsedFrontMatter {
  const empty: ParsedFrontMatter = { values: {}, places: {} };
  if (!node) return empty;
  const lineCounter = new LineCounter();
  const document = parseDocument(node.value, { lineCounter, prettyErrors: false });
  // The YAML text starts on the line after the opening `---`.
  const firstLine = (node.position?.start.line ?? 1) + 1;
  const placeAt = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: firstLine + line - 1, column: col };
  };

  if (document.errors.length > 0) {
    for (const error of document.errors) {
      report(file, 'invalid-front-matter', `invalid YAML in front matter: ${error.message.split('\n')[0]}`, placeAt(error.pos[0]));
    }
    return empty;
  }
  if (document.contents === null) return empty;
  if (!isMap(document.contents)) {
    report(file, 'invalid-front-matter', 'front matter must be a mapping of keys to values', placeAt(document.contents.range?.[0] ?? 0));
    return empty;
  }

  const values: Record<string, unknown> = {};
  const places: ParsedFrontMatter['places'] = {};
  for (const pair of document.contents.items as Pair<YamlNode, YamlNode>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const place = placeAt(pair.key?.range?.[0] ?? 0);
    if (!knownKeys.includes(key)) {
      const suggestion = closest(key, knownKeys);
      const hint = distance(key, suggestion) <= SUGGESTION_DISTANCE ? `; did you mean "${suggestion}"?` : '';
      report(file, 'unknown-key', `unknown front matter key "${key}"${hint} (known keys: ${knownKeys.join(', ')})`, place);
      continue;
    }
    const field = FrontMatterSchema.shape[key as keyof FrontMatter];
    const value: unknown = pair.value ? pair.value.toJSON() : null;
    const checked = field.safeParse(value);
    if (!checked.success) {
      const expected = checked.error.issues.map((issue) => issue.message).join('; ');
      report(file, 'invalid-front-matter', `front matter "${key}" has the wrong value ${JSON.stringify(value)}: ${expected}`, pair.value?.range ? placeAt(pair.value.range[0]) : place);
      continue;
    }
    values[key] = checked.data;
    // Later reports are about the value, so they point at it.
    places[key as keyof FrontMatter] = pair.value?.range ? placeAt(pair.value.range[0]) : place;
  }
  return { values: values as FrontMatter, places };
}
