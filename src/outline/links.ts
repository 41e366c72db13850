import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.js';
import { percentDecode } from '../percent-decode.js';
import { blockRuns } from './block-runs.js';
import type { Inline, Slide } from './schema.js';

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
        const id = percentDecode(run.href.slice(1));
        // The link keeps the id as the heading has it, so the renderer finds the slide by it.
        if (anchors.has(id)) runs[index] = { ...run, href: `#${id}` };
        if (anchors.has(id) || numbered(run.href)) return;
        report(file, 'broken-link', `the link to "${run.href}" names no heading of this deck; it is kept as text`, slide.position);
        const { href: _dropped, ...rest } = run;
        runs[index] = rest;
      });
    }
  }
}
