import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.js';
import { describeAttributes, trailingAttributes } from './attribute-block.js';
import { contentLines, rewriteFencedDivs } from './fenced-divs.js';

/**
 * pandoc syntax that CommonMark would misread as a whole block, rewritten in the source before
 * it is parsed. Every rewrite keeps the lines where they were, so positions stay true.
 */

/**
 * The front matter as pandoc reads it. A YAML block may end with `...` as well as `---`, which the
 * front matter parser does not know. A `---` followed by a blank line opens no YAML block: it is
 * a rule, so it is written as the other rule, `***`.
 */
export function closeFrontMatter(source: string): string {
  if (/^---[ \t]*\r?\n[ \t]*\r?\n/.test(source)) return `***${source.slice(3)}`;
  if (!/^---\r?\n/.test(source)) return source;
  const close = /^(---|\.\.\.)[ \t]*$/m.exec(source.slice(4));
  if (!close || close[1] !== '...') return source;
  const at = 4 + close.index;
  return `${source.slice(0, at)}---${source.slice(at + 3)}`;
}

// No `[ \t]*` before the braces: tried after every character the lazy `.*?` takes, it would make a
// long run of spaces quadratic.
const DEFINITION = /^( {0,3}\[[^\]\n]+\]:[ \t]+\S.*?)(\{[^{}\n]*\})[ \t]*$/;

/**
 * `[map]: map.png "Title" {width=50%}`: CommonMark takes a definition with attributes for a
 * paragraph, so the attributes are blanked (same length) and reported; the definition stays.
 */
export function blankDefinitionAttributes(source: string, skip: ReadonlySet<number>, file?: VFile): string {
  const lines = source.split('\n');
  lines.forEach((text, index) => {
    const match = skip.has(index + 1) ? null : DEFINITION.exec(text);
    const attributes = match && trailingAttributes(match[2]!);
    if (!match || !attributes) return;
    lines[index] = text.replace(match[2]!, ' '.repeat(match[2]!.length));
    const dropped = describeAttributes(attributes.attributes);
    if (file && dropped) report(file, 'attribute-ignored', `attributes {${dropped}} on a reference definition have no slide form; they are dropped`, { line: index + 1, column: text.indexOf(match[2]!) + 1 });
  });
  return lines.join('\n');
}

/**
 * pandoc also reads an org-mode table's rule, `|----+----|`, as a pipe table's delimiter row; GFM
 * does not, so the `+` joints become `|` (same length).
 */
export function orgTableRules(source: string, skip: ReadonlySet<number>): string {
  const lines = source.split('\n');
  lines.forEach((text, index) => {
    if (skip.has(index + 1) || !ORG_RULE.test(text) || !/^\s*\|/.test(lines[index - 1] ?? '')) return;
    lines[index] = text.replace(/\+/g, '|');
  });
  return lines.join('\n');
}

const ORG_RULE = /^\s*\|[-:]+(?:\+[-:]+)+\|\s*$/;
// As FENCE in fenced-divs.ts, the quote markers are taken atomically. In these whole-document
// patterns, white space is `[^\S\n]*`, not `\s*`, which would run over every blank line below each line.
const FENCE_CANDIDATE = /^(?=((?: {0,3}> ?)*))\1 {0,3}:{3,}/m;
const ORG_RULE_CANDIDATE = /^[^\S\n]*\|[-:]+\+[-:+]*\|[^\S\n]*$/m;
const DEFINITION_CANDIDATE = /^ {0,3}\[[^\]\n]+\]:[ \t]+\S.*\}[ \t]*$/m;

/**
 * Wraps the parser: the rewrites run before the real parse. Those that must not touch code find
 * it with a first parse, which only a deck that needs them pays for.
 */
export const remarkSourceRewrites: Plugin<[], Root> = function () {
  const parse = this.parser;
  if (!parse) throw new Error('remarkSourceRewrites needs a parser before it (remark-parse)');
  this.parser = (source, file) => {
    let document = closeFrontMatter(source);
    // A first look, blind to code, tells whether any fence needs rewriting at all.
    const fences = FENCE_CANDIDATE.test(document) && rewriteFencedDivs(document, new Set()) !== document;
    const definitions = DEFINITION_CANDIDATE.test(document);
    const orgTables = ORG_RULE_CANDIDATE.test(document);
    if (fences || definitions || orgTables) {
      const code = contentLines(parse(document, file) as Root, document);
      if (fences) document = rewriteFencedDivs(document, code, file);
      if (definitions) document = blankDefinitionAttributes(document, code, file);
      if (orgTables) document = orgTableRules(document, code);
    }
    // Later stages quote the source by offset, so the file holds the text that was parsed.
    if (document !== source) file.value = document;
    return parse(document, file);
  };
};
