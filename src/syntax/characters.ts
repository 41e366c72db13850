import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.js';
import { withoutXmlIllegal, xmlIllegalIn } from '../xml-chars.js';

/** Places reported one by one; past them, one message counts the rest. */
const MOST_REPORTED = 20;

/**
 * Characters a PowerPoint file cannot hold (control characters, U+FFFE, U+FFFF, lone surrogates)
 * are taken out of the source before it is parsed, so that no slide text, title, note, alt text,
 * front matter value or chart cell carries one; each is a warning at its place. Columns after one
 * on the same line move one to the left in later messages.
 */
export function removeXmlIllegal(file: VFile): void {
  if (typeof file.value !== 'string') return;
  const { places, count } = xmlIllegalIn(file.value, MOST_REPORTED + 1);
  if (count === 0) return;
  for (const { codePoint, line, column } of places.slice(0, MOST_REPORTED)) {
    report(file, 'invalid-character', `the character ${codePoint} cannot be written to a PowerPoint file; it is removed`, { line, column });
  }
  if (count > MOST_REPORTED) {
    const { line, column } = places[MOST_REPORTED]!;
    report(file, 'invalid-character', `${(count - MOST_REPORTED).toLocaleString('en')} more characters that cannot be written to a PowerPoint file, from here on, are removed`, { line, column });
  }
  file.value = withoutXmlIllegal(file.value);
}
