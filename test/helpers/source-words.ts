import { parse } from 'yaml';

/**
 * What the audience or the presenter should find of a deck written for another tool, worked
 * out from the source alone, independently of deckdown's parser: the prose words, the notes
 * blocks, and the markup that must never be printed on a slide.
 */

/** The regions of a source that are not prose: settings, styling, raw output and hidden slides. */
const NOT_PROSE: RegExp[] = [
  /^---\r?\n[\s\S]*?\r?\n---\s*$/m, // the first front matter (its values are checked apart)
  /<style[\s\S]*?<\/style>/gi,
  /<script[\s\S]*?<\/script>/gi,
  /<template[\s\S]*?<\/template>/gi,
  /```\s*\{=[\s\S]*?```/g, // raw blocks for another format
  /`[^`\n]*`\{=[^}]*\}/g, // raw inline content
  /<!--\s*_?[A-Za-z][\w-]*\s*:[^\n]*?-->/g, // one-line directives
  /<!--\s*fit\s*-->/gi,
  /\{\{[^{}]*\}\}/g, // template expressions
  /\]\([^)\s]*(?:\s+"[^"]*")?\)/g, // link targets and picture paths
  /<[^>\n]*>/g, // tags (their text stays)
  /\{[^{}\n]*\}/g, // attribute blocks
  /https?:\/\/\S+/g,
  /^\s*```\S*.*$/gm, // fence lines and their info strings
  /^(?: {0,3}> ?)* {0,3}:{3,}.*$/gm, // fenced div lines: their class names are markup
];

/** Slidev's per-slide front matter: `---`, `key: value` lines, `---`. */
const SLIDE_SETTINGS = /^---\r?\n((?:[\w-]+:.*\r?\n|\s+.*\r?\n)+)---\s*$/gm;

export function proseOf(source: string): string {
  let text = source.replace(SLIDE_SETTINGS, '');
  for (const pattern of NOT_PROSE) text = text.replace(pattern, ' ');
  return text;
}

/** Words of four letters or more: short words recur too often to prove anything. */
export function wordsOf(text: string): string[] {
  return [...new Set((text.normalize('NFC').match(/\p{L}{4,}/gu) ?? []).map((word) => word.toLowerCase()))];
}

/** The deck's own settings that show on slides or in the document properties. */
export function frontMatterWords(source: string): string[] {
  const block = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)/.exec(source)?.[1] ?? '';
  let values: Record<string, unknown> = {};
  try {
    values = (parse(block) as Record<string, unknown> | null) ?? {};
  } catch {
    values = {};
  }
  return wordsOf(['title', 'subtitle', 'author', 'date', 'footer'].map((key) => JSON.stringify(values[key] ?? '')).join(' '));
}

/** The speaker notes a deck holds in its tool's own ways: `::: notes` blocks and prose comments. */
export function notesBlocks(source: string): string[] {
  const blocks: string[] = [];
  for (const match of source.matchAll(/^ {0,3}:{3,}\s*\{?\.?notes\}?\s*\r?\n([\s\S]*?)^ {0,3}:{3,}\s*$/gm)) blocks.push(match[1]!);
  const code = /```[\s\S]*?```/g;
  for (const match of source.replace(code, '').matchAll(/<!--([\s\S]*?)-->/g)) {
    const body = match[1]!.trim();
    if (/^_?[A-Za-z][\w-]*\s*:[^\n]*$/.test(body) || /^fit$/i.test(body) || wordsOf(body).length < 2) continue;
    blocks.push(body);
  }
  return blocks;
}

/** Markup that no slide may show outside code. */
export const MARKUP = [
  { name: 'fenced div', pattern: /(^|\s):::/ },
  { name: 'attribute block', pattern: /\{[#.=][^}]*\}/ },
  { name: 'HTML tag', pattern: /<\/?[A-Za-z][\w-]*(\s[^>]*)?\/?>/ },
  { name: 'HTML comment', pattern: /<!--|-->/ },
  { name: 'bracketed span', pattern: /\]\{/ },
  { name: 'display math fence', pattern: /\$\$/ },
  { name: 'title block', pattern: /^%\s/ },
  { name: 'slot marker', pattern: /^::[\w-]+::$/ },
  { name: 'template expression', pattern: /\{\{|\}\}/ },
  { name: 'directive', pattern: /^_?(class|paginate|backgroundColor|layout|theme):\s/ },
];
