/**
 * Characters a terminal acts on rather than shows: C0 and C1 controls (the escape that starts a
 * colour or moves the cursor above all; 0x9B starts a sequence too) and the bidi overrides and
 * isolates, which would reorder what is shown. Written as JSON writes them (`\u001b`, `\u202e`),
 * so no input can drive the terminal, and a JSON report stays valid JSON.
 */
const TERMINAL_ACTS_ON = '\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069';
const IN_OUTPUT = new RegExp(`[${TERMINAL_ACTS_ON}]`, 'g');
/** Within one message, a tab or a line break would split it too. */
const IN_A_LINE = new RegExp(`[${TERMINAL_ACTS_ON}\\t\\n]`, 'g');

const escaped = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Output with every character a terminal would act on escaped; its lines and tabs kept. */
export function escapeControls(text: string): string {
  return text.replace(IN_OUTPUT, escaped);
}

/** Text quoted in one line of a message (a reason, a file name), with line breaks and tabs escaped too. */
export function printable(text: string): string {
  return text.replace(IN_A_LINE, escaped);
}

/** Quoted text longer than this is cut in the middle: a message names what it is about, it need not repeat all of it. */
const QUOTE_MAX = 120;
/** Linear: a quote mark, then a run that cannot contain one. */
const LONG_QUOTE = new RegExp(`"([^"]{${QUOTE_MAX + 1},})"`, 'g');

/** The first and last characters of a long text, whole characters only (never half a surrogate pair). */
function clipped(text: string): string {
  // 80 characters are at most 160 UTF-16 units; what is cut off the end of the slice is not looked at.
  const head = Array.from(text.slice(0, 161)).slice(0, 80).join('');
  const tail = Array.from(text.slice(-61)).slice(-30).join('');
  return `${head}…${tail}`;
}

/** A message with each quoted text over 120 characters shortened to its ends and its length, so a 100,000-character title is not printed whole. */
export function clipQuotes(reason: string): string {
  return reason.replace(LONG_QUOTE, (_, inner: string) => `"${clipped(inner)}" (${Array.from(inner).length.toLocaleString('en')} characters)`);
}
