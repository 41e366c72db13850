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

/** Every character of `text` that XML cannot hold, with its place; one scan, whatever the text. */
export function xmlIllegalIn(text: string): IllegalCharacter[] {
  const found: IllegalCharacter[] = [];
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (const match of text.matchAll(NOT_IN_XML)) {
    // Lines are counted from the last character found, so the text is read once in all.
    for (let at = text.indexOf('\n', scanned); at !== -1 && at < match.index; at = text.indexOf('\n', at + 1)) {
      line += 1;
      lineStart = at + 1;
    }
    scanned = match.index;
    found.push({ codePoint: `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, line, column: match.index - lineStart + 1 });
  }
  return found;
}
