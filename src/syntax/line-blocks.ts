import type { Paragraph, PhrasingContent } from 'mdast';
import type { VFile } from 'vfile';
import { sourceOf } from '../outline/inline.js';

/**
 * pandoc's line blocks: lines that begin with `| ` keep their breaks and their indentation, and a
 * line that begins with a space continues the one above.
 *
 *     | Главному редактору журнала
 *     |     «Вестник молодых исследователей»
 *     | от аспиранта второго года обучения
 *       П. Н. Иванова
 *
 * CommonMark reads them as one paragraph with the bars in its text; here the bars go, each line
 * ends in a line break, and the spaces that indent a line become no-break spaces, as in pandoc.
 */

const LINE = /^\|(?: |$)/;
const CONTINUATION = /^[ \t]+\S/;
const BAR = /^\| ?( *)/;

/** Each source line of the paragraph as a line of the block (true) or a continuation (false); undefined when it is no line block. */
function lineKinds(paragraph: Paragraph, file: VFile): boolean[] | undefined {
  const source = sourceOf(paragraph, file);
  const column = paragraph.position?.start.column;
  if (source === undefined || column === undefined || !LINE.test(source)) return undefined;
  const kinds: boolean[] = [];
  for (const [index, raw] of source.split(/\r?\n/).entries()) {
    // Later lines carry the container's prefix (`> `, a list item's indent) before the paragraph's column.
    const prefix = raw.slice(0, column - 1);
    const line = index > 0 && /^[ \t>]*$/.test(prefix) ? raw.slice(column - 1) : raw;
    if (LINE.test(line)) kinds.push(true);
    else if (index > 0 && CONTINUATION.test(line)) kinds.push(false);
    else return undefined;
  }
  return kinds;
}

/** The paragraph as pandoc reads it when it is a line block; the paragraph itself otherwise. */
export function lineBlock(paragraph: Paragraph, file: VFile): Paragraph {
  const kinds = lineKinds(paragraph, file);
  if (!kinds) return paragraph;
  let line = 0;
  // A line of the block begins with its bar, as text: it is dropped, and the spaces after it
  // kept as no-break spaces.
  let expectBar = true;
  let broken = false;
  const rewrite = (children: readonly PhrasingContent[]): PhrasingContent[] | undefined => {
    const out: PhrasingContent[] = [];
    for (const child of children) {
      if (child.type === 'break') {
        line++;
        expectBar = kinds[line] === true;
        out.push(child);
        continue;
      }
      if (child.type !== 'text') {
        // Code, HTML and math that run over a line end hide it from the count.
        const spans = child.position !== undefined && child.position.start.line !== child.position.end.line;
        if (expectBar || (spans && !('children' in child))) return undefined;
        if ('children' in child) {
          const inner = rewrite(child.children as PhrasingContent[]);
          if (!inner) return undefined;
          out.push({ ...child, children: inner } as PhrasingContent);
        } else out.push(child);
        continue;
      }
      child.value.split('\n').forEach((text, index) => {
        let piece = text;
        if (index > 0) {
          line++;
          expectBar = kinds[line] === true;
          if (expectBar) out.push({ type: 'break' });
          else piece = ` ${piece}`;
        }
        if (expectBar) {
          if (!BAR.test(piece)) broken = true;
          piece = piece.replace(BAR, (_bar, spaces: string) => '\u00A0'.repeat(spaces.length));
          expectBar = false;
        }
        if (piece) out.push({ type: 'text', value: piece });
      });
    }
    return out;
  };
  const children = rewrite(paragraph.children);
  if (!children || broken || line !== kinds.length - 1) return paragraph;
  return { ...paragraph, children };
}
