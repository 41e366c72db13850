import type { BlockContent, DefinitionContent, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { append } from '../arrays.js';
import { isAllowedLink } from '../link-targets.js';
import { report } from '../diagnostics/report.js';
import { commentToNotes } from './comments.js';
import type { Context } from './context.js';
import type { Inline, TextRun } from './schema.js';

const GITLAB_MATH = /^`([^`]+)`$/;

type Marks = Omit<TextRun, 'type' | 'text'>;

/** The original source of a node, for constructs that are kept as they were written. */
export function sourceOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }, file: VFile): string | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : String(file.value).slice(start, end);
}

/**
 * mdast phrasing content → runs. Marks accumulate down the tree, so `**a *b***` gives
 * a bold run and a bold italic run. Soft line breaks become spaces: a slide reflows text.
 */
export function phrasingToRuns(nodes: readonly PhrasingContent[], ctx: Context, marks: Marks = {}): Inline[] {
  const { file } = ctx;
  const runs: Inline[] = [];
  const text = (value: string, extra: Marks = {}) => {
    // The lookbehind starts a run of spaces at its first one: from each of them, a long run without a
    // line break would be quadratic.
    if (value) runs.push({ type: 'text', text: value.replace(/(?<![ \t])[ \t]*\r?\n[ \t]*/g, ' '), ...marks, ...extra });
  };
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        text(node.value);
        break;
      case 'strong':
        append(runs, phrasingToRuns(node.children, ctx, { ...marks, bold: true }));
        break;
      case 'emphasis':
        append(runs, phrasingToRuns(node.children, ctx, { ...marks, italic: true }));
        break;
      case 'delete':
        append(runs, phrasingToRuns(node.children, ctx, { ...marks, strike: true }));
        break;
      case 'inlineCode':
        text(node.value, { code: true });
        break;
      case 'link':
        append(runs, phrasingToRuns(node.children, ctx, linked(marks, node.url, node, ctx)));
        break;
      case 'linkReference': {
        // The parser makes a reference only when its definition exists.
        const url = ctx.definition(node.identifier)?.url;
        append(runs, phrasingToRuns(node.children, ctx, url ? linked(marks, url, node, ctx) : marks));
        break;
      }
      case 'break':
        runs.push({ type: 'break' });
        break;
      case 'footnoteReference':
        if (ctx.footnotes.has(node.identifier)) {
          const label = ctx.footnotes.reference(node.identifier);
          runs.push({ type: 'text', text: label, ...marks, superscript: true });
        } else {
          report(file, 'unsupported-node', `footnote [^${node.label ?? node.identifier}] has no definition; the reference is kept as text`, node);
          text(`[^${node.label ?? node.identifier}]`);
        }
        break;
      case 'image':
      case 'imageReference':
        report(file, 'unsupported-node', 'an image inside a sentence is shown as its alt text; put it in a paragraph of its own to place the picture', node);
        text(node.alt ?? '');
        break;
      case 'styled':
        append(runs, phrasingToRuns(node.children, ctx, { ...marks, [node.style === 'code' ? 'code' : node.style]: true }));
        break;
      case 'comment':
        // A comment inside a paragraph is a speaker note, like one on its own line.
        append(ctx.notes, commentToNotes(node, ctx));
        break;
      case 'inlineMath': {
        // GitLab's and md2pptx's $`…`$: the backticks mark the TeX out, they are not part of it.
        const tex = GITLAB_MATH.exec(node.value)?.[1] ?? node.value;
        report(file, 'math-not-rendered', `math $${tex.replace(/\s+/g, ' ')}$ is not typeset yet; its LaTeX source is shown in monospace`, node);
        text(tex, { code: true });
        break;
      }
      case 'textDirective': {
        // A bare `:name` is a colon in prose ("10:30", "a:b"): kept as written, nothing to report.
        const source = sourceOf(node, file) ?? `:${node.name}`;
        if (source !== `:${node.name}`) report(file, 'unsupported-node', `unknown text directive ":${node.name}" is kept as plain text`, node);
        text(source);
        break;
      }
      default:
        report(file, 'unsupported-node', `inline ${node.type} is not supported yet; its text is kept`, node);
        text('alt' in node && typeof node.alt === 'string' ? node.alt : toString(node));
    }
  }
  return mergeRuns(runs);
}

/** The marks of a link's text: with its target, unless the target is one a deck does not link to. */
function linked(marks: Marks, url: string, node: PhrasingContent, ctx: Context): Marks {
  if (isAllowedLink(url)) return { ...marks, href: url };
  report(ctx.file, 'unsafe-link', `the link to "${url.length > 80 ? `${url.slice(0, 80)}…` : url}" is not to a web page, an e-mail address or a slide of this deck; its text is kept without the link`, node);
  return marks;
}

/** A footnote's paragraphs as one line of runs. */
export function footnoteRuns(children: readonly (BlockContent | DefinitionContent)[], ctx: Context): Inline[] {
  return children.flatMap((child, index) => [
    ...(index > 0 ? [{ type: 'text' as const, text: ' ' }] : []),
    ...(child.type === 'paragraph' ? phrasingToRuns(child.children, ctx) : [{ type: 'text' as const, text: toString(child) }]),
  ]);
}

/** Runs have the same marks when every field but the text agrees, whatever marks the schema grows. */
function sameMarks(a: TextRun, b: TextRun): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('text');
  return [...keys].every((key) => a[key as keyof TextRun] === b[key as keyof TextRun]);
}

/** Adjacent runs with the same marks become one: fewer runs, same text. */
function mergeRuns(runs: Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if (last?.type === 'text' && run.type === 'text' && sameMarks(last, run)) {
      merged[merged.length - 1] = { ...last, text: last.text + run.text };
    } else {
      merged.push(run);
    }
  }
  return merged;
}

/** Plain text of runs, for titles in reports and document properties. */
export function runsToText(runs: readonly Inline[]): string {
  return runs.map((run) => (run.type === 'text' ? run.text : ' ')).join('');
}

/** Runs without the white space at their two ends. */
export function trimRuns(runs: readonly Inline[]): Inline[] {
  const trimmed = [...runs];
  const first = trimmed[0];
  if (first?.type === 'text') trimmed[0] = { ...first, text: first.text.trimStart() };
  const last = trimmed.at(-1);
  if (last?.type === 'text') trimmed[trimmed.length - 1] = { ...last, text: last.text.trimEnd() };
  return trimmed.filter((run) => run.type !== 'text' || run.text !== '');
}
