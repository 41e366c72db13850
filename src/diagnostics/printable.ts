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
