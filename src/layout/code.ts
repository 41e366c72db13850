import type { ElementContent, Root as HastRoot } from 'hast';
import { highlighter, isKnownLanguage } from '../highlight.js';
import type { Theme } from '../theme/schema.js';

type SyntaxRole = keyof Theme['colors']['syntax'];

/** highlight.js token classes → the theme's colour roles; unlisted tokens keep the code colour. */
const ROLES: Record<string, SyntaxRole> = {
  keyword: 'keyword',
  'selector-tag': 'keyword',
  literal: 'keyword',
  section: 'keyword',
  string: 'string',
  regexp: 'string',
  symbol: 'string',
  'template-tag': 'string',
  addition: 'string',
  comment: 'comment',
  quote: 'comment',
  deletion: 'comment',
  number: 'number',
  title: 'function',
  'title.function': 'function',
  'title.function.invoke': 'function',
  function: 'function',
  'title.class': 'type',
  'title.class.inherited': 'type',
  type: 'type',
  class: 'type',
  built_in: 'type',
  meta: 'meta',
  attr: 'function',
  attribute: 'function',
  'selector-class': 'function',
  variable: 'meta',
  'template-variable': 'meta',
  property: 'function',
};

export interface Token {
  text: string;
  color: string;
}

function roleOf(classNames: unknown): SyntaxRole | undefined {
  if (!Array.isArray(classNames)) return undefined;
  // "hljs-title function_" → "title.function", the way highlight.js names scopes.
  const scope = classNames
    .map(String)
    .map((name) => name.replace(/^hljs-/, '').replace(/_+$/, ''))
    .join('.');
  return ROLES[scope] ?? ROLES[scope.split('.')[0]!];
}

function walk(nodes: readonly ElementContent[], color: string, theme: Theme, tokens: Token[]): void {
  for (const node of nodes) {
    if (node.type === 'text') tokens.push({ text: node.value, color });
    else if (node.type === 'element') {
      const role = roleOf(node.properties.className);
      walk(node.children, role ? theme.colors.syntax[role] : color, theme, tokens);
    }
  }
}

/** Fitting measures the same code many times over; it is highlighted once per theme. */
const highlighted = new WeakMap<Theme['colors']['syntax'], Map<string, Token[][]>>();

/** Code → lines of coloured tokens. An unknown or missing language gives plain lines. */
export function highlightCode(source: string, lang: string | undefined, theme: Theme): Token[][] {
  let cache = highlighted.get(theme.colors.syntax);
  if (!cache) highlighted.set(theme.colors.syntax, (cache = new Map()));
  const key = `${lang ?? ''}\u0000${theme.colors.code}\u0000${source}`;
  let lines = cache.get(key);
  if (!lines) cache.set(key, (lines = tokenize(source, lang, theme)));
  return lines;
}

function tokenize(source: string, lang: string | undefined, theme: Theme): Token[][] {
  const text = source.replace(/\r\n?/g, '\n');
  const tokens: Token[] = [];
  if (lang && isKnownLanguage(lang)) {
    const tree: HastRoot = highlighter().highlight(lang, text);
    walk(tree.children as ElementContent[], theme.colors.code, theme, tokens);
  } else {
    tokens.push({ text, color: theme.colors.code });
  }
  const lines: Token[][] = [[]];
  for (const token of tokens) {
    token.text.split('\n').forEach((piece, index) => {
      if (index > 0) lines.push([]);
      if (piece) lines.at(-1)!.push({ text: piece, color: token.color });
    });
  }
  return lines;
}
