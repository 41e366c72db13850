import type { VFileMessage } from 'vfile-message';
import { formatMessages } from './format.js';

/**
 * Thrown by the API when the input cannot become a deck. It carries every message,
 * so a caller can show them all at once instead of fixing one problem per run.
 */
export class DeckdownError extends Error {
  readonly messages: readonly VFileMessage[];
  constructor(messages: readonly VFileMessage[], fileName?: string) {
    super(formatMessages(messages.filter((m) => m.fatal === true), fileName));
    this.name = 'DeckdownError';
    this.messages = messages;
  }
}
