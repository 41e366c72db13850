import type { PhrasingContent, Text } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.js';
import { parsePercent } from '../outline/attributes.js';
import { describeAttributes, leadingAttributes, type AttributeBlock } from './attribute-block.js';
import type { TextStyle } from './nodes.js';

/**
 * pandoc's inline extensions, read from the text remark leaves them in: `^super^`, `~sub~`,
 * bracketed spans `[text]{.smallcaps}`, and attributes after pictures, links and code.
 */

/** pandoc's rule: no white space inside, so "2 ^ 3" and "~ 5 km" stay text; an escaped space (a no-break space) may be. */
const SCRIPT = /\^((?:[^\s^]|\u00A0)+)\^|~((?:[^\s~]|\u00A0)+)~/g;

function scriptsIn(node: Text): PhrasingContent[] {
  if (!node.value.includes('^') && !node.value.includes('~')) return [node];
  const out: PhrasingContent[] = [];
  let last = 0;
  for (const match of node.value.matchAll(SCRIPT)) {
    if (match.index > last) out.push({ type: 'text', value: node.value.slice(last, match.index) });
    const style: TextStyle = match[1] !== undefined ? 'superscript' : 'subscript';
    out.push({ type: 'styled', style, children: [{ type: 'text', value: match[1] ?? match[2]! }] });
    last = match.index + match[0].length;
  }
  if (last === 0) return [node];
  if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) });
  return out;
}

/** What a span's classes mean on a slide; other classes are dropped with an info message. */
const SPAN_STYLES: Record<string, TextStyle> = { smallcaps: 'smallCaps', underline: 'underline', ul: 'underline' };

function spanNodes(children: PhrasingContent[], attributes: AttributeBlock, file: VFile, place: PhrasingContent | undefined): PhrasingContent[] {
  let result = children;
  for (const name of attributes.classes) {
    const style = SPAN_STYLES[name];
    if (style) result = [{ type: 'styled', style, children: result }];
  }
  const rest = describeAttributes(attributes, Object.keys(SPAN_STYLES).map((name) => `.${name}`));
  if (rest) report(file, 'attribute-ignored', `span attributes {${rest}} have no slide form; the text is kept`, place);
  return result;
}

const text = (value: string): Text => ({ type: 'text', value });

/** Neighbouring text nodes as one, so that a pattern can be read across what used to split them. */
function joinedText(nodes: readonly PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    const last = out.at(-1);
    if (node.type === 'text' && last?.type === 'text') out[out.length - 1] = { ...last, value: last.value + node.value };
    else out.push(node);
  }
  return out;
}
const kept = (nodes: PhrasingContent[]) => nodes.filter((node) => node.type !== 'text' || node.value !== '');

/** The `[` that opens a span closed at `close` in `children[at]`: the nearest one before it, in a text node. */
function openingBracket(children: readonly PhrasingContent[], at: number, close: number): [number, number] | undefined {
  for (let index = at; index >= 0; index--) {
    const node = children[index]!;
    if (node.type !== 'text') continue;
    const open = index === at ? node.value.lastIndexOf('[', close) : node.value.lastIndexOf('[');
    if (open >= 0) return [index, open];
  }
  return undefined;
}

/**
 * `[text]{attrs}`: the brackets may hold other inline nodes, so the first `]{…}` is found in the
 * text nodes, then the nearest `[` before it; the rest is read again for further spans.
 */
function bracketedSpans(children: PhrasingContent[], file: VFile): PhrasingContent[] {
  for (const [at, node] of children.entries()) {
    if (node.type !== 'text') continue;
    for (let close = node.value.indexOf(']{'); close >= 0; close = node.value.indexOf(']{', close + 1)) {
      const attached = leadingAttributes(node.value.slice(close + 1));
      const opening = attached && openingBracket(children, at, close);
      if (!attached || !opening) continue;
      const [openAt, open] = opening;
      const openNode = children[openAt] as Text;
      const inner = openAt === at ? [text(node.value.slice(open + 1, close))] : [text(openNode.value.slice(open + 1)), ...children.slice(openAt + 1, at), text(node.value.slice(0, close))];
      const before = [...children.slice(0, openAt), text(openNode.value.slice(0, open))];
      const after = [text(node.value.slice(close + 1 + attached.length)), ...children.slice(at + 1)];
      return kept([...before, ...spanNodes(kept(inner), attached.attributes, file, node), ...bracketedSpans(kept(after), file)]);
    }
  }
  return children;
}

/** Attributes right after a picture, a link or inline code: read where they mean something, dropped otherwise. */
function attributesAfterNodes(children: PhrasingContent[], file: VFile): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const child of children) {
    const previous = out.at(-1);
    const attached = child.type === 'text' && previous && (previous.type === 'image' || previous.type === 'link' || previous.type === 'inlineCode' || previous.type === 'imageReference' || previous.type === 'linkReference') ? leadingAttributes(child.value) : undefined;
    if (!attached || !previous) {
      out.push(child);
      continue;
    }
    const { attributes, length } = attached;
    const keep: string[] = [];
    if (previous.type === 'image' || previous.type === 'imageReference') {
      const width = parsePercent(attributes.pairs.width);
      if (width !== undefined && attributes.pairs.width?.trim().endsWith('%')) {
        previous.data = { ...previous.data, widthPercent: width };
        keep.push('width');
      }
    }
    if (attributes.raw !== undefined && previous.type === 'inlineCode') {
      // `<b>x</b>`{=html}: raw output for another format, as pandoc drops it from slides.
      report(file, 'raw-dropped', `raw ${attributes.raw} inline content is for another output format; it is left out`, previous);
      out.pop();
    } else {
      const rest = describeAttributes(attributes, keep);
      if (rest) report(file, 'attribute-ignored', `attributes {${rest}} have no slide form; they are dropped`, previous);
    }
    const remainder = (child as Text).value.slice(length);
    if (remainder) out.push({ type: 'text', value: remainder });
  }
  return out;
}

const TEMPLATE = /\{\{[^{}\n]*\}\}/g;

/** Slidev's `{{ $slidev.nav.currentPage }}`: a value its app computes while presenting; here there is none to show. */
function templateExpressions(children: PhrasingContent[], file: VFile): PhrasingContent[] {
  return children.map((child) => {
    if (child.type !== 'text' || !child.value.includes('{{')) return child;
    const found = child.value.match(TEMPLATE);
    if (!found) return child;
    report(file, 'html-dropped', `template expression${found.length > 1 ? 's' : ''} ${found.join(', ')} ${found.length > 1 ? 'are' : 'is'} computed by another tool while presenting; left out`, child);
    return { ...child, value: child.value.replace(TEMPLATE, '') };
  });
}

/**
 * What the parser took for syntax but is prose, as text again, joined to its neighbours:
 * - `$` by pandoc's rule: "$5 and $10" is no math, since math has no space just inside its
 *   dollars and no digit right after the closing one;
 * - a bare `:name`, as in "10:30" or pandoc-crossref's `{#fig:map}`, which is no directive;
 *   in a picture's alt text (Marp's `![w:320](…)`) the parser has already dropped it, so the alt
 *   text is taken from the source again.
 */
function backToText(children: PhrasingContent[], file: VFile): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const child of children) {
    let node = child;
    if (child.type === 'image' && child.position?.start.offset !== undefined && child.position.end.offset !== undefined) {
      const label = /^!\[([^\]\n]*)\]\(/.exec(String(file.value).slice(child.position.start.offset, child.position.end.offset))?.[1];
      if (label?.includes(':') && !child.alt?.includes(':')) child.alt = label;
    }
    const start = child.position?.start.offset;
    const end = child.position?.end.offset;
    if ((child.type === 'inlineMath' || child.type === 'textDirective') && start !== undefined && end !== undefined) {
      const source = String(file.value).slice(start, end);
      const after = String(file.value).charAt(end);
      const prose =
        child.type === 'inlineMath' ? !source.startsWith('$$') && (/^\s|\s$/.test(child.value) || /\d/.test(after)) : source === `:${child.name}`;
      if (prose) node = { type: 'text', value: source };
    }
    out.push(node);
  }
  return joinedText(out);
}

/** CriticMarkup, which md2pptx reads: `{++ added ++}`, `{-- removed --}`, `{~~ old ~> new ~~}`, `{== marked ==}`, `{>> comment <<}`. */
// The body stops at the next opening mark: an unclosed `{++` scanning to the end of the text from
// every opening would be quadratic.
const CRITIC = /\{(\+\+|--|~~|==|>>)((?:(?!\{(?:\+\+|--|~~|==|>>))[\s\S])*?)(\+\+|--|~~|==|<<)\}/g;
const CRITIC_CLOSE: Record<string, string> = { '++': '++', '--': '--', '~~': '~~', '==': '==', '>>': '<<' };

function criticMarkup(children: PhrasingContent[], file: VFile): PhrasingContent[] {
  return children.flatMap((child): PhrasingContent[] => {
    if (child.type !== 'text' || !child.value.includes('{')) return [child];
    const out: PhrasingContent[] = [];
    let last = 0;
    for (const match of child.value.matchAll(CRITIC)) {
      const [whole, open, body, close] = match;
      if (CRITIC_CLOSE[open!] !== close) continue;
      if (match.index > last) out.push(text(child.value.slice(last, match.index)));
      const inner = body!.trim();
      if (open === '++') out.push({ type: 'styled', style: 'underline', children: [text(inner)] });
      else if (open === '--') out.push({ type: 'delete', children: [text(inner)] });
      else if (open === '==') out.push(text(inner));
      else if (open === '>>') out.push({ type: 'comment', value: inner, directive: false });
      else {
        const [before, after = ''] = inner.split('~>');
        out.push({ type: 'delete', children: [text(before!.trim())] }, text(' '), { type: 'styled', style: 'underline', children: [text(after.trim())] });
      }
      last = match.index + whole.length;
    }
    if (last === 0) return [child];
    if (last < child.value.length) out.push(text(child.value.slice(last)));
    report(file, 'attribute-ignored', 'CriticMarkup: additions are underlined, deletions struck through, comments become speaker notes', child);
    return out;
  });
}

/** TeX symbols written in prose, and what they draw. */
const TEX_SYMBOLS: Record<string, string> = {
  ldots: '…', dots: '…', cdots: '⋯', vert: '|', mid: '∣', cup: '∪', cap: '∩', times: '×', cdot: '·', pm: '±', le: '≤', leq: '≤', ge: '≥', geq: '≥',
  ne: '≠', neq: '≠', approx: '≈', infty: '∞', to: '→', rightarrow: '→', leftarrow: '←', Rightarrow: '⇒', Leftarrow: '⇐', in: '∈', sum: '∑', LaTeX: 'LaTeX', TeX: 'TeX',
};
/** TeX commands whose text argument is formatting. */
const TEX_STYLES: Record<string, 'strong' | 'emphasis' | TextStyle> = { textbf: 'strong', emph: 'emphasis', textit: 'emphasis', underline: 'underline', textsc: 'smallCaps', texttt: 'code' };
/** Commands that only lay out a page (beamer, LaTeX): nothing to keep without arguments. */
const TEX_LAYOUT = new Set(['centering', 'raggedright', 'raggedleft', 'noindent', 'newline', 'newpage', 'clearpage', 'pause', 'vfill', 'hfill', 'medskip', 'smallskip', 'bigskip', 'linebreak', 'hline', 'tableofcontents', 'maketitle', 'small', 'footnotesize', 'scriptsize', 'tiny', 'large', 'Large', 'LARGE', 'huge', 'Huge', 'normalsize', 'bfseries', 'itshape', 'today']);
/** Commands whose arguments are no text: files, lengths, labels. */
const TEX_NO_TEXT = new Set(['includegraphics', 'vspace', 'hspace', 'label', 'input', 'include', 'setlength', 'usepackage', 'usetheme', 'usecolortheme', 'definecolor', 'setbeamertemplate', 'setbeamercolor', 'color']);
// An optional argument stops at the next `[`: an unclosed one scanning the rest of the line from
// every command would be quadratic.
const TEX_COMMAND = /\\([A-Za-z]+)(\[[^[\]\n]*\])?((?:\{[^{}\n]*\})*)/g;

/**
 * TeX in prose, as beamer decks write it: symbols become their characters, `\textbf{…}` and the
 * like become formatting, layout commands are left out and other commands keep their text. A
 * backslash before a word that is no TeX command (`C:\Users`) stays as written.
 */
function texInProse(children: PhrasingContent[], file: VFile): PhrasingContent[] {
  // Commands nest (`\\centerline{\\includegraphics{…}}`): the innermost go first, then the ones around them.
  let nodes = children;
  for (let depth = 0; depth < 3; depth++) nodes = joinedText(texCommands(nodes, file));
  return nodes;
}

function texCommands(children: PhrasingContent[], file: VFile): PhrasingContent[] {
  return children.flatMap((child): PhrasingContent[] => {
    if (child.type !== 'text' || !child.value.includes('\\')) return [child];
    const out: PhrasingContent[] = [];
    const read: string[] = [];
    // Pieces keep the place of the text they come from, for the message of a later pass.
    const text = (value: string): Text => ({ type: 'text', value, ...(child.position ? { position: child.position } : {}) });
    let last = 0;
    for (const match of child.value.matchAll(TEX_COMMAND)) {
      const [whole, name, , args = ''] = match;
      const argument = args.replace(/^\{|\}$/g, '').replace(/\}\{/g, ' ');
      const symbol = TEX_SYMBOLS[name!];
      const known = symbol !== undefined || TEX_LAYOUT.has(name!) || args !== '';
      if (!known) continue;
      if (match.index > last) out.push(text(child.value.slice(last, match.index)));
      last = match.index + whole.length;
      read.push(`\\${name}`);
      if (symbol !== undefined) out.push(text(symbol));
      else if (TEX_NO_TEXT.has(name!) || TEX_LAYOUT.has(name!) || !argument) continue;
      else if (TEX_STYLES[name!]) {
        const style = TEX_STYLES[name!]!;
        out.push(style === 'strong' || style === 'emphasis' ? { type: style, children: [text(argument)] } : { type: 'styled', style, children: [text(argument)] });
      } else out.push(text(argument));
    }
    if (read.length === 0) return [child];
    if (last < child.value.length) out.push(text(child.value.slice(last)));
    report(file, 'raw-tex', `TeX commands ${[...new Set(read)].join(', ')} in prose are not typeset; symbols and text are kept, layout commands left out`, child);
    return out;
  });
}

/** remark.js's content classes: `.red[text]`, `.footnote[.bold[Note:] …]`, opened after a space or at the start. */
const CONTENT_CLASS = /(^|[\s([])\.[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)*\[/;

/**
 * remark.js's `.class[…]`: the class has no slide form, the content stays. The closing `]` may
 * be in a later text node when the content is formatted (`.red[**important**]`).
 */
function contentClasses(children: PhrasingContent[], file: VFile): PhrasingContent[] {
  const nodes = [...children];
  let found = false;
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!;
    if (node.type !== 'text') continue;
    const open = CONTENT_CLASS.exec(node.value);
    if (!open) continue;
    const start = open.index + open[1]!.length;
    const after = start + open[0].length - open[1]!.length;
    // The closing bracket: in this text after the opener, or in a later text node.
    const same = node.value.indexOf(']', after);
    const later = same >= 0 ? -1 : nodes.findIndex((candidate, at) => at > index && candidate.type === 'text' && candidate.value.includes(']'));
    if (same < 0 && later < 0) continue;
    found = true;
    if (same >= 0) {
      nodes[index] = { ...node, value: node.value.slice(0, start) + node.value.slice(after, same) + node.value.slice(same + 1) };
    } else {
      const closing = nodes[later] as Text;
      nodes[later] = { ...closing, value: closing.value.replace(']', '') };
      nodes[index] = { ...node, value: node.value.slice(0, start) + node.value.slice(after) };
    }
    index--;
  }
  if (found) report(file, 'attribute-ignored', 'remark.js content classes (.class[…]) have no slide form; the content is kept', children.find((node) => node.position));
  return found ? nodes.filter((node) => node.type !== 'text' || node.value !== '') : children;
}

/** Every inline extension, in the order pandoc reads them. */
export function inlineSyntaxToMdast(children: readonly PhrasingContent[], file: VFile): PhrasingContent[] {
  const attributed = attributesAfterNodes(contentClasses(texInProse(criticMarkup(templateExpressions(backToText([...children], file), file), file), file), file), file);
  const spans = bracketedSpans(attributed, file);
  return spans.flatMap((child) => (child.type === 'text' ? scriptsIn(child) : [child]));
}
