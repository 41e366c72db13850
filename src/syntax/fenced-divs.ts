import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.js';
import { parseAttributeBlock } from './attribute-block.js';

/**
 * pandoc's fenced divs (`::: notes`, `::: {.column width="40%"}`, nested divs all closed by `:::`)
 * become remark-directive containers (`:::notes`, `:::column{width="40%"}`). The fences are
 * rewritten in the source before it is parsed, line for line, so every position stays on its line.
 * remark-directive closes a container only with a fence at least as long as its opening one,
 * while pandoc closes the innermost div with any fence; so fences are re-counted by depth.
 */

// A fence may stand inside a blockquote (`> ::: notes`): the `>` markers are kept as they are.
// The markers are taken atomically (a lookahead, then a back-reference to what it took): the
// space after a `>` may also begin the next marker's indent, and trying every split of a line
// of `> > > …` is exponential.
const FENCE = /^(?=((?: {0,3}> ?)*))(\1 {0,3})(:{3,})(.*)$/;
const NATIVE = /^[A-Za-z][\w-]*(?:\[[^\]\n]*\])?(?:\{[^}\n]*\})?\s*$/;

interface Fence {
  line: number;
  indent: string;
  /** For an opener, the directive it becomes (name and attributes); undefined for a closer. */
  opener?: string | undefined;
  /** Colons of the fence this opener is closed with, decided once the nesting is known. */
  height: number;
  closer?: Fence | undefined;
}

/** A fence line as a directive opener (`name{attrs}`), a closer (''), or undefined when it is no fence. */
function classify(rest: string): string | undefined {
  // The run is tried from its first character only (the lookbehind): from each of its characters, it is quadratic.
  const trimmed = rest.replace(/(?<![\s:])[\s:]*$/, '').trim();
  if (trimmed === '') return '';
  // deckdown's own form, name right after the colons.
  if (!/^\s/.test(rest) && NATIVE.test(rest)) return rest.trim();
  if (!/^\s/.test(rest)) return undefined;
  if (/^[A-Za-z][\w-]*$/.test(trimmed)) return trimmed;
  if (trimmed.startsWith('{') && trimmed.endsWith('}')) {
    const attributes = parseAttributeBlock(trimmed.slice(1, -1));
    if (!attributes) return undefined;
    const [name = 'div', ...classes] = attributes.classes;
    const parts = [...(attributes.id ? [`#${attributes.id}`] : []), ...classes.map((value) => `.${value}`), ...Object.entries(attributes.pairs).map(([key, value]) => `${key}="${value.replace(/"/g, '&quot;')}"`)];
    return parts.length > 0 ? `${name}{${parts.join(' ')}}` : name;
  }
  return undefined;
}

/** The source with pandoc's fences as directive fences; `skip` holds the lines inside code, HTML and math. */
export function rewriteFencedDivs(source: string, skip: ReadonlySet<number>, file?: VFile): string {
  const lines = source.split('\n');
  const fences: Fence[] = [];
  const open: Fence[] = [];
  let changed = false;
  lines.forEach((text, index) => {
    const line = index + 1;
    if (skip.has(line)) return;
    const match = FENCE.exec(text.replace(/\r$/, ''));
    if (!match) return;
    const kind = classify(match[4]!);
    if (kind === undefined) return;
    const fence: Fence = { line, indent: match[2]!, height: 1, ...(kind ? { opener: kind } : {}) };
    if (kind) {
      if (/^\s/.test(match[4]!)) changed = true;
      open.push(fence);
      fences.push(fence);
      return;
    }
    const innermost = open.pop();
    if (!innermost) {
      if (file) report(file, 'invalid-directive', 'this closing fence has no opening fence; it is dropped', { line, column: 1 });
      lines[index] = '';
      changed = true;
      return;
    }
    innermost.closer = fence;
    fences.push(fence);
    // A parent must be taller than every child.
    const parent = open.at(-1);
    if (parent) parent.height = Math.max(parent.height, innermost.height + 1);
  });
  // Unclosed divs run to the end, innermost first, so each parent still outgrows its child.
  for (let depth = open.length - 1; depth >= 0; depth--) {
    const unclosed = open[depth]!;
    if (file) report(file, 'invalid-directive', `the fenced div "${unclosed.opener}" is never closed; it runs to the end of the document`, { line: unclosed.line, column: 1 });
    const parent = open[depth - 1];
    if (parent) parent.height = Math.max(parent.height, unclosed.height + 1);
  }
  if (!changed && !needsRecount(fences, lines)) return source;
  for (const fence of fences) {
    if (!fence.opener) continue;
    const colons = ':'.repeat(fence.height + 2);
    lines[fence.line - 1] = `${fence.indent}${colons}${fence.opener}`;
    if (fence.closer) lines[fence.closer.line - 1] = `${fence.closer.indent}${colons}`;
  }
  return lines.join('\n');
}

/** True when an opener's colons are not more than each child's, so remark-directive would close it early. */
function needsRecount(fences: readonly Fence[], lines: readonly string[]): boolean {
  const colons = (line: number) => FENCE.exec(lines[line - 1]!)?.[3]!.length ?? 0;
  const stack: Fence[] = [];
  for (const fence of fences) {
    if (fence.opener) {
      const parent = stack.at(-1);
      if (parent && colons(parent.line) <= colons(fence.line)) return true;
      if (fence.closer && colons(fence.closer.line) < colons(fence.line)) return true;
      stack.push(fence);
    } else {
      stack.pop();
    }
  }
  return false;
}

/** A block of fenced code, HTML, math or front matter: its first and last lines, and whether its own closing line ended it. */
export interface ContentBlock {
  start: number;
  end: number;
  /**
   * Whether the block ended itself: at its closing fence or `$$`, or, for HTML, at an end marker
   * (`-->`, `?>`, `</pre>`…) or the blank line after it. False when its container or the
   * document ended it.
   */
  closed: boolean;
}

/** HTML blocks that end at a marker (CommonMark's kinds 1 to 5); the others end at a blank line. */
const HTML_END = /-->|\?>|\]\]>|<\/(?:script|pre|style|textarea)>/i;
const DECLARATION = /^<![A-Za-z]/;
/** Block quote markers before a line's content. */
const QUOTED = /^(?: {0,3}> ?)*/;

/**
 * Blocks of fenced code, HTML, math or front matter, where a run of colons or dashes is
 * content. Indented code is left out: a table's rows or a div's content may be indented.
 */
export function contentBlocks(tree: Root, source: string): ContentBlock[] {
  const lines = source.split('\n');
  const blocks: ContentBlock[] = [];
  visit(tree, (node, _index, parent) => {
    if (!['code', 'html', 'math', 'yaml'].includes(node.type) || !node.position) return;
    // Inline HTML and math sit inside a line of text, which stays text.
    if ((node.type === 'html' || node.type === 'inlineMath') && parent && 'children' in parent && !['root', 'blockquote', 'listItem', 'containerDirective', 'footnoteDefinition'].includes(parent.type)) return;
    const offset = node.position.start.offset;
    const opening = offset === undefined ? '' : source.slice(offset, offset + 3);
    if (node.type === 'code' && !/^[`~]{3}/.test(opening)) return;
    const { start, end } = node.position;
    const last = (lines[end.line - 1] ?? '').replace(QUOTED, '').trim();
    const closed =
      node.type === 'yaml' ||
      (end.line > start.line && node.type === 'code' && last.startsWith(opening) && /^([`~])\1*$/.test(last)) ||
      (end.line > start.line && node.type === 'math' && /^\$\$+$/.test(last)) ||
      (node.type === 'html' && (HTML_END.test(last) || (DECLARATION.test(opening) && last.includes('>')) || (lines[end.line] ?? '').replace(QUOTED, '').trim() === ''));
    blocks.push({ start: start.line, end: end.line, closed });
  });
  return blocks;
}

/** The lines of `contentBlocks`. */
export function contentLines(tree: Root, source: string): Set<number> {
  const lines = new Set<number>();
  for (const block of contentBlocks(tree, source)) for (let line = block.start; line <= block.end; line++) lines.add(line);
  return lines;
}
