import type { Definition, FootnoteDefinition, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import type { Node, Point } from 'unist';
import type { VFile } from 'vfile';

/**
 * The Markdown parser (micromark) does more work per line the longer the document is: lists,
 * containers and tables cost it time that grows with the square of the document's size. A deck
 * is parsed instead in pieces of a few kilobytes, cut where nothing can span the cut, and the
 * pieces' trees are joined with their positions moved to where the pieces are. The joined tree
 * is the tree of the whole, node for node and position for position (tested on every deck and
 * fixture the project has, cut at every place it may be).
 */

/** Pieces are at least this long: parsing one has a fixed cost, the rest grows with its square. */
export const CHUNK_CHARS = 8 * 1024;

/** A piece of the source: its text, and where it starts in the whole. */
interface Chunk {
  text: string;
  line: number;
  offset: number;
  /** The piece ends inside something still open (only the last can: the source ends there). */
  endsOpen?: boolean;
}

const BLANK = /^[ \t]*\r?$/;
/** An ATX heading at the margin: it ends every list, quote, table and paragraph above it. */
const HEADING = /^#{1,6}(?:[ \t]|\r?$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const CONTAINER = /^ {0,3}(:{3,})(.*)$/;
const FRONT_MATTER_FENCE = /^(?:---|\.\.\.)[ \t]*\r?$/;
const HTML_START = /^ {0,3}</;
/** HTML blocks that end at a marker of their own rather than at a blank line, with that marker. */
const HTML_ENDS: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/** What the lines read so far leave open, which a cut must not fall inside. */
interface Open {
  frontMatter: boolean;
  fence?: { char: string; length: number } | undefined;
  /** Colons of each container directive open, innermost last. */
  containers: number[];
  /** An HTML block: the marker that ends it, or a blank line. */
  html?: RegExp | 'blank' | undefined;
}

function isOpen(open: Open): boolean {
  return open.frontMatter || open.fence !== undefined || open.containers.length > 0 || open.html !== undefined;
}

/** Read one line: what it opens or closes. Anything unsure counts as open, which only means fewer cuts. */
function readLine(open: Open, text: string, index: number): void {
  if (open.frontMatter) {
    if (index > 0 && FRONT_MATTER_FENCE.test(text)) open.frontMatter = false;
    return;
  }
  if (open.fence) {
    const close = FENCE.exec(text);
    if (close && close[1]![0] === open.fence.char && close[1]!.length >= open.fence.length && BLANK.test(close[2]!)) open.fence = undefined;
    return;
  }
  if (open.html) {
    if (open.html === 'blank' ? BLANK.test(text) : open.html.test(text)) open.html = undefined;
    return;
  }
  const fence = FENCE.exec(text);
  if (fence && !(fence[1]![0] === '`' && fence[2]!.includes('`'))) {
    open.fence = { char: fence[1]![0]!, length: fence[1]!.length };
    return;
  }
  const container = CONTAINER.exec(text);
  if (container) {
    if (BLANK.test(container[2]!)) open.containers.pop();
    else open.containers.push(container[1]!.length);
    return;
  }
  if (HTML_START.test(text)) {
    const kind = HTML_ENDS.find(([start]) => start.test(text));
    // The end marker may be on the opening line itself, after the opening.
    if (kind && kind[1].test(text.replace(kind[0], ''))) return;
    open.html = kind ? kind[1] : 'blank';
  }
}

/**
 * The source cut into pieces of at least `minChars`, each (after the first) starting at a heading
 * at the margin that follows a blank line, outside front matter, fenced code, container
 * directives and HTML blocks.
 */
export function cutSource(source: string, minChars: number = CHUNK_CHARS): Chunk[] {
  const lines = source.split('\n');
  const open: Open = { frontMatter: FRONT_MATTER_FENCE.test(lines[0] ?? '') && lines[0]!.startsWith('---'), containers: [] };
  const chunks: Chunk[] = [];
  let start = { line: 1, offset: 0 };
  let offset = 0;
  for (const [index, text] of lines.entries()) {
    if (index > 0 && offset - start.offset >= minChars && !isOpen(open) && HEADING.test(text) && BLANK.test(lines[index - 1]!)) {
      chunks.push({ text: source.slice(start.offset, offset), ...start });
      start = { line: index + 1, offset };
    }
    readLine(open, text, index);
    offset += text.length + 1;
  }
  chunks.push({ text: source.slice(start.offset), ...start, endsOpen: isOpen(open) });
  return chunks;
}

/** The point just past the end of a text. */
function endPoint(text: string, from: Point = { line: 1, column: 1, offset: 0 }): Point {
  const lines = text.split('\n');
  const last = lines[lines.length - 1]!;
  return { line: from.line + lines.length - 1, column: lines.length === 1 ? from.column + last.length : last.length + 1, offset: (from.offset ?? 0) + text.length };
}

/** Every node's position moved from the piece's start to where the piece is in the whole. */
function moveTo(tree: Root, chunk: Chunk): void {
  const stack: Node[] = [tree];
  const move = (point: Point) => {
    point.line += chunk.line - 1;
    if (point.offset !== undefined) point.offset += chunk.offset;
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.position) {
      move(node.position.start);
      move(node.position.end);
    }
    if ('children' in node && Array.isArray(node.children)) stack.push(...(node.children as Node[]));
  }
}

type Labelled = Definition | FootnoteDefinition;

/** A definition, and how many container directives it is in. */
interface Defined {
  definition: Labelled;
  depth: number;
}

/**
 * The definitions a piece makes (link references and footnotes), by kind and identifier, each at
 * the least depth of container directives it is made at. The parser reads a container's content
 * after the text around it, so a definition in a container is not yet defined for text outside
 * it, wherever it stands: a definition counts for text as deep as it or deeper.
 */
function definitionsIn(tree: Root): Map<string, Defined> {
  const found = new Map<string, Defined>();
  const stack: { node: Node; depth: number }[] = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node.type === 'definition' || node.type === 'footnoteDefinition') {
      const definition = node as Labelled;
      const key = `${node.type} ${definition.identifier}`;
      if ((found.get(key)?.depth ?? Infinity) > depth) found.set(key, { definition, depth });
    }
    const inner = node.type === 'containerDirective' ? depth + 1 : depth;
    if ('children' in node && Array.isArray(node.children)) stack.push(...(node.children as Node[]).map((child) => ({ node: child, depth: inner })));
  }
  return found;
}

/** A definition that makes references to its label references, at its depth of containers, and nothing else. */
function stub({ definition, depth }: Defined): string {
  const line = definition.type === 'definition' ? `[${definition.label ?? definition.identifier}]: #` : `[^${definition.label ?? definition.identifier}]: x`;
  // Outer containers take more colons than those inside them.
  const fences = Array.from({ length: depth }, (_, level) => ':'.repeat(3 + depth - 1 - level));
  return [...fences.map((fence) => `${fence}stub`), line, ...fences.reverse()].join('\n');
}

/** Definitions taken into `into`, each kind and label at its least depth. */
function addShallowest(into: Map<string, Defined>, definitions: Map<string, Defined>): Map<string, Defined> {
  for (const [key, defined] of definitions) if ((into.get(key)?.depth ?? Infinity) > defined.depth) into.set(key, defined);
  return into;
}

/** Whether a piece's text may refer to a definition: it holds the label's first word. */
function mayReferTo(text: string, { definition }: Defined): boolean {
  return text.includes(definition.identifier.split(/\s/)[0]!);
}

/**
 * The parser given, run on pieces of the source: `(document, file) => tree`. The parser decides
 * whether `[text]` is a reference by whether its label is defined, and in what order it reads the
 * definitions and the text matters: a piece that may refer to labels defined in other pieces is
 * parsed again between stand-in definitions of them, those of pieces before it before it and
 * those after it after it, at the same depth, which are then taken out.
 */
export function parseInChunks(parse: (document: string, file: VFile) => Root, minChars: number = CHUNK_CHARS) {
  return (document: string, file: VFile): Root => {
    const chunks = cutSource(document, minChars);
    if (chunks.length === 1) return parse(document, file);
    const trees = chunks.map((chunk) => parse(chunk.text, file));
    const defined = trees.map(definitionsIn);
    // What the pieces before each define, and what those after it define.
    const earlier = new Map<string, Defined>();
    const later: Map<string, Defined>[] = [];
    if (defined.some((definitions) => definitions.size > 0)) {
      for (let index = chunks.length - 1, seen = new Map<string, Defined>(); index >= 0; index -= 1) {
        later[index] = new Map(seen);
        addShallowest(seen, defined[index]!);
      }
    }
    const children: RootContent[] = [];
    for (const [index, chunk] of chunks.entries()) {
      let tree = trees[index]!;
      let at: Chunk = chunk;
      const lower = later[index] && chunk.text.includes('[') ? chunk.text.toLowerCase() : undefined;
      const before = lower === undefined ? [] : [...earlier.values()].filter((found) => mayReferTo(lower, found));
      const after = lower === undefined ? [] : [...later[index]!.values()].filter((found) => mayReferTo(lower, found));
      addShallowest(earlier, defined[index]!);
      if (before.length > 0 || after.length > 0) {
        // Stand-ins after a piece that ends inside a fence or a container would become part of it.
        if (after.length > 0 && chunk.endsOpen) return parse(document, file);
        // Each after a blank line: a line under a footnote's would continue its paragraph.
        const head = before.map((found) => `${stub(found)}\n\n`).join('');
        const tail = after.map((found) => `\n\n${stub(found)}`).join('');
        tree = parse(`${head}${chunk.text}${tail}${tail ? '\n' : ''}`, file);
        tree.children = tree.children.filter((node) => {
          const offset = node.position?.start.offset ?? head.length;
          return offset >= head.length && offset < head.length + chunk.text.length;
        });
        at = { ...chunk, line: chunk.line - (head.split('\n').length - 1), offset: chunk.offset - head.length };
      }
      moveTo(tree, at);
      children.push(...tree.children);
    }
    return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(document) } };
  };
}

/** The parser, parsing in pieces; the first plugin after remark-parse, so every later one parses this way. */
export const remarkChunkedParse: Plugin<[{ minChars?: number }?], Root> = function (options) {
  const parse = this.parser;
  if (!parse) throw new Error('remarkChunkedParse needs a parser before it (remark-parse)');
  this.parser = parseInChunks((document, file) => parse(document, file) as Root, options?.minChars);
};
