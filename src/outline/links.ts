import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.js';
import type { Block, Inline, Slide } from './schema.js';

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Every run list of a block, however deeply nested. */
function blockRuns(block: Block): Inline[][] {
  switch (block.type) {
    case 'paragraph':
    case 'subheading':
      return [block.runs];
    case 'list':
      return block.items.flatMap((item) => item.blocks.flatMap(blockRuns));
    case 'quote':
      return [...block.blocks.flatMap(blockRuns), ...(block.attribution ? [block.attribution] : [])];
    case 'columns':
      return block.columns.flatMap((column) => column.blocks.flatMap(blockRuns));
    case 'table':
      return [...block.header, ...block.rows.flat()];
    case 'stat':
      return [block.caption];
    default:
      return [];
  }
}

function slideRuns(slide: Slide): Inline[][] {
  const body = 'body' in slide ? slide.body : [];
  const footnotes = 'footnotes' in slide ? slide.footnotes.map((note) => note.runs) : [];
  return [slide.title, ...[...body, ...slide.notes].flatMap(blockRuns), ...footnotes];
}

/**
 * `[see](#results)` links to the slide of the heading with that id. A link to an id that no
 * heading has would do nothing when clicked: it is reported and kept as text.
 */
export function checkInternalLinks(slides: Slide[], file: VFile): void {
  const anchors = new Set(slides.flatMap((slide) => slide.anchors ?? []));
  // Marp and Slidev link to a slide by its number: `[back](#2)`.
  const numbered = (href: string) => {
    const number = /^#(\d+)$/.exec(href)?.[1];
    const slide = number ? slides[Number(number) - 1] : undefined;
    if (!slide || anchors.has(number!)) return false;
    (slide.anchors ??= []).push(number!);
    anchors.add(number!);
    return true;
  };
  for (const slide of slides) {
    for (const runs of slideRuns(slide)) {
      runs.forEach((run, index) => {
        if (run.type !== 'text' || !run.href?.startsWith('#')) return;
        if (anchors.has(run.href.slice(1)) || anchors.has(safeDecode(run.href.slice(1))) || numbered(run.href)) return;
        report(file, 'broken-link', `the link to "${run.href}" names no heading of this deck; it is kept as text`, slide.position);
        const { href: _dropped, ...rest } = run;
        runs[index] = rest;
      });
    }
  }
}
