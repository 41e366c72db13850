import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.js';
import { describeAttributes, trailingAttributes } from './attribute-block.js';
import { contentBlocks, contentLines, rewriteFencedDivs } from './fenced-divs.js';

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
const FENCE_LINE = new RegExp(FENCE_CANDIDATE.source);
const ORG_RULE_CANDIDATE = /^[^\S\n]*\|[-:]+\+[-:+]*\|[^\S\n]*$/m;
const DEFINITION_CANDIDATE = /^ {0,3}\[[^\]\n]+\]:[ \t]+\S.*\}[ \t]*$/m;

interface Needed {
  fences: boolean;
  definitions: boolean;
  orgTables: boolean;
}

/** The rewrites a document needs, made everywhere but on the lines of `code`; `file` takes their reports. */
function rewrite(document: string, needed: Needed, code: ReadonlySet<number>, file?: VFile): string {
  if (needed.fences) document = rewriteFencedDivs(document, code, file);
  if (needed.definitions) document = blankDefinitionAttributes(document, code, file);
  if (needed.orgTables) document = orgTableRules(document, code);
  return document;
}

/**
 * Whether a text rewritten blind to code is the text rewritten around its code. A rewritten
 * line never opens code, and never ends it but one way: as a closing fence, it closes the
 * container that holds a block of code, and the block with it. So it holds when, in the tree of
 * the rewritten text, no line a rewrite reads is code, and no block of code that its own closing
 * line did not end is followed by such a line; and when no rewrite left a line blank (a stray
 * closing fence), which could end an HTML block. The code of that tree is then the code of the
 * source, and the rewrites read what they would have read around it.
 */
function blindRewriteHolds(start: string, blind: string, tree: Root): boolean {
  const before = start.split('\n');
  const after = blind.split('\n');
  if (before.length !== after.length) return false;
  const read = (line: number) => FENCE_LINE.test(before[line - 1] ?? '') || DEFINITION.test(before[line - 1] ?? '') || ORG_RULE.test(before[line - 1] ?? '');
  const blank = (line: number) => (after[line - 1] ?? '').trim() === '';
  if (before.some((line, index) => after[index] !== line && blank(index + 1))) return false;
  return contentBlocks(tree, blind).every((block) => {
    for (let line = block.start; line <= block.end; line++) if (read(line)) return false;
    if (block.closed) return true;
    let next = block.end + 1;
    while (next <= after.length && blank(next)) next++;
    return next > after.length || !read(next);
  });
}

const NO_LINES: ReadonlySet<number> = new Set();

/** How a processor parses a text: the parser the rewrites wrap. */
type Parse = (text: string, file: VFile) => Root;

/**
 * The source with pandoc's block syntax rewritten, and its tree when parsing was already done.
 * The rewrites must not touch code, which only a parse finds. So they are first made blind to
 * code and that text parsed: when that holds (see `blindRewriteHolds`), its tree is the deck's,
 * in one parse. Otherwise, or with `codeFirst`, the source is parsed first to find its code.
 * Only a deck that needs a rewrite pays for any of this.
 */
export function rewriteSource(source: string, parse: Parse, file: VFile, codeFirst = false): { document: string; tree?: Root | undefined } {
  const start = closeFrontMatter(source);
  // A first look, blind to code, tells whether any fence needs rewriting at all.
  const fenced = FENCE_CANDIDATE.test(start) ? rewriteFencedDivs(start, NO_LINES) : start;
  const needed = { fences: fenced !== start, definitions: DEFINITION_CANDIDATE.test(start), orgTables: ORG_RULE_CANDIDATE.test(start) };
  if (!needed.fences && !needed.definitions && !needed.orgTables) return { document: start };
  if (!codeFirst) {
    // The fences are already rewritten blind, in the first look.
    const blind = rewrite(fenced, { ...needed, fences: false }, NO_LINES);
    const tree = parse(blind, file);
    // Made again for its reports: the text is the same.
    if (blindRewriteHolds(start, blind, tree)) return { document: rewrite(start, needed, NO_LINES, file), tree };
  }
  return { document: rewrite(start, needed, contentLines(parse(start, file), start), file) };
}

/** Wraps the parser: the rewrites run before the real parse. */
export const remarkSourceRewrites: Plugin<[], Root> = function () {
  const parse = this.parser;
  if (!parse) throw new Error('remarkSourceRewrites needs a parser before it (remark-parse)');
  const parseRoot: Parse = (text, file) => parse(text, file) as Root;
  this.parser = (source, file) => {
    const { document, tree } = rewriteSource(source, parseRoot, file);
    // Later stages quote the source by offset, so the file holds the text that was parsed.
    if (document !== source) file.value = document;
    return tree ?? parseRoot(document, file);
  };
};
