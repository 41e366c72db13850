/**
 * Characters XML 1.0 cannot hold, in any escaped form: C0 controls other than tab, line feed and
 * carriage return; U+FFFE and U+FFFF; and surrogates that are not half of a pair. A package with
 * one of them is not well formed, and PowerPoint refuses it.
 */
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text without the characters XML cannot hold. */
export function withoutXmlIllegal(text: string): string {
  return text.replace(NOT_IN_XML, '');
}

/** One character XML cannot hold: which, and where, as a line and column (from 1) of the text. */
export interface IllegalCharacter {
  codePoint: string;
  line: number;
  column: number;
}

/**
 * The characters of `text` that XML cannot hold: the places of the first `most`, and how many
 * there are in all. One scan, whatever the text: lines are counted on from the last place found.
 */
export function xmlIllegalIn(text: string, most = Infinity): { places: IllegalCharacter[]; count: number } {
  const places: IllegalCharacter[] = [];
  let count = 0;
  let line = 1;
  let lineStart = 0;
  let nextBreak = text.indexOf('\n');
  for (const match of text.matchAll(NOT_IN_XML)) {
    count += 1;
    if (places.length >= most) continue;
    while (nextBreak !== -1 && nextBreak < match.index) {
      line += 1;
      lineStart = nextBreak + 1;
      nextBreak = text.indexOf('\n', lineStart);
    }
    places.push({ codePoint: `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, line, column: match.index - lineStart + 1 });
  }
  return { places, count };
}
