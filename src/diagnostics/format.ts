import type { VFileMessage } from 'vfile-message';

function severityOf(message: VFileMessage): string {
  if (message.fatal === true) return 'error';
  if (message.fatal === false) return 'warning';
  return 'info';
}

/**
 * Characters a terminal acts on rather than shows: C0 and C1 controls (the escape that starts a
 * colour or moves the cursor above all), line breaks, which would split a message, and the bidi
 * overrides and isolates, which would reorder what is shown. Quoted from a file, they come out as
 * escapes (`\x1B`, `\u202E`), so no input can write to the terminal through a message.
 */
const UNPRINTABLE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Text with every character a terminal would act on written as an escape. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => {
    const code = char.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase()}`;
  });
}

/**
 * `file:line:col: severity: reason [rule-id]`, the form editors and CI logs link up. `fileName`
 * names the input; a message about another file, such as a theme file, names that file.
 */
export function formatMessage(message: VFileMessage, fileName?: string): string {
  const name = printable(message.file || fileName || '<input>');
  const line = message.line ?? 1;
  const column = message.column ?? 1;
  const rule = message.ruleId ? ` [${message.ruleId}]` : '';
  return `${name}:${line}:${column}: ${severityOf(message)}: ${printable(message.reason)}${rule}`;
}

/** Messages as the CLI prints them, one per line. */
export function formatMessages(messages: readonly VFileMessage[], fileName?: string): string {
  return messages.map((message) => formatMessage(message, fileName)).join('\n');
}
