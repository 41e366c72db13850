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
  /<!--(?:\s*_?[A-Za-z][\w-]*\s*:[^\n]*?\r?\n?)+\s*-->/g, // directives: comments of `key: value` lines only
  /<!--\s*fit\s*-->/gi,
  /\{\{[^{}]*\}\}/g, // template expressions
  /\]\([^)\n]*\)/g, // link targets and picture paths, with a title or, as md2pptx writes them, spaces
  /^ {0,3}\[[^\]\n]+\]:.*(?:\r?\n\s+["'(].*)?$/gm, // reference definitions, with a title on the next line
  /\]\[[^\]\n]*\]/g, // reference labels
  /\[\^[^\]\n]+\]/g, // footnote labels
  /&(?:[A-Za-z]+|#\d+|#x[\da-f]+);/gi, // character references
  /<[A-Za-z/!](?:[^>"']|"[^"]*"|'[^']*')*>/g, // tags, which may run over several lines and hold `>` in quotes (their text stays)
  /^\s*\\(?:re)?newcommand.*$/gm, // TeX macro definitions, for math
  /\\[A-Za-z]+(?=[{[])/g, // TeX command names (their text arguments stay)
  /\{[^{}\n]*\}/g, // attribute blocks
  /https?:\/\/\S+/g,
  /^\s*```\S*.*$/gm, // fence lines and their info strings
  /^(?: {0,3}> ?)* {0,3}:{3,}.*$/gm, // fenced div lines: their class names are markup
  /^\s*::[\w-]*(?:::)?.*$/gm, // Slidev's slot markers and block components (`::right::`, `::code-group`)
  /^ {0,3}(?:Table)?:\s/gm, // the word that opens a pandoc table caption
];

/** Marp's picture keywords in alt text (`![bg left:40% sepia]`): settings, not description. */
const MARP_KEYWORD = /\b(?:bg|left|right|contain|cover|fit|auto|vertical|horizontal|blur|brightness|contrast|drop-shadow|grayscale|hue-rotate|invert|opacity|saturate|sepia|w|h|width|height)(?::\S*)?(?=[\s\]])/g;

/** A Slidev slide whose front matter says `hide: true` or `disabled: true` is left out of the deck, on purpose. */
const HIDDEN_SLIDE = /^---\r?\n(?:[\w-]+:.*\r?\n)*(?:hide|disabled):\s*true\s*\r?\n(?:[\w-]+:.*\r?\n)*---\s*\r?\n[\s\S]*?(?=^---\s*$|(?![\s\S]))/gm;

/** Slidev's per-slide front matter: `---`, `key: value` lines, `---`. */
const SLIDE_SETTINGS = /^---\r?\n((?:[\w-]+:.*\r?\n|\s+.*\r?\n)+)---\s*$/gm;

/** md2pptx's settings: `key: value` lines that open the file, up to the first blank line. */
const METADATA = /^(?:[A-Za-z][\w.-]*:.*\r?\n)+/;

export function proseOf(source: string): string {
  // md2pptx's `### Title [id]`: the id names the slide for links.
  let text = source
    .replace(HIDDEN_SLIDE, '')
    .replace(/!\[[^\]\n]*\]/g, (alt) => alt.replace(MARP_KEYWORD, ' '))
    .replace(SLIDE_SETTINGS, '')
    .replace(METADATA, '').replace(/^(#{1,6}\s.*?)\s\[[\w-]+\]\s*$/gm, '$1');
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
    const directive = body.split(/\r?\n/).every((line) => /^\s*_?[A-Za-z][\w-]*\s*:/.test(line) || line.trim() === '');
    if (directive || /^fit$/i.test(body) || wordsOf(body).length < 2) continue;
    blocks.push(body);
  }
  return blocks;
}

/** Markup that no slide may show outside code. */
export const MARKUP = [
  { name: 'fenced div', pattern: /(^|\s):::/ },
  { name: 'attribute block', pattern: /\{[#.=][^}]*\}/ },
  { name: 'CriticMarkup', pattern: /\{(\+\+|--|~~|>>)|(\+\+|--|~~|<<)\}/ },
  { name: 'HTML tag', pattern: /<\/?[A-Za-z][\w-]*(\s[^>]*)?\/?>/ },
  { name: 'HTML comment', pattern: /<!--|-->/ },
  { name: 'bracketed span', pattern: /\]\{/ },
  { name: 'display math fence', pattern: /\$\$/ },
  { name: 'title block', pattern: /^%\s/ },
  { name: 'slot marker', pattern: /^::[\w-]+::$/ },
  { name: 'template expression', pattern: /\{\{|\}\}/ },
  { name: 'directive', pattern: /^_?(class|paginate|backgroundColor|layout|theme):\s/ },
  { name: 'inline note', pattern: /\^\[/ },
  { name: 'line block bar', pattern: /^\|\s/m },
  { name: 'picture', pattern: /!\[/ },
  { name: 'link destination', pattern: /\]\(/ },
  { name: 'strong emphasis', pattern: /\*\*/ },
];
