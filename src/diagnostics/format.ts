import type { VFileMessage } from 'vfile-message';
import { printable } from './printable.js';

function severityOf(message: VFileMessage): string {
  if (message.fatal === true) return 'error';
  if (message.fatal === false) return 'warning';
  return 'info';
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
