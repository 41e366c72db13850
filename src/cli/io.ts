import type { InputIo } from './read-source.js';
import type { TerminalIo } from './terminal.js';

/**
 * Everything the command line touches of the process, so that `run` can be called from a test:
 * output and the terminal (`TerminalIo`), the working directory and stdin (`InputIo`), and these.
 */
export interface Io extends TerminalIo, InputIo {
  /** Where `-o -` writes the deck's bytes; without it, `-o -` is a usage error. */
  stdoutBytes?: ((bytes: Uint8Array) => void) | undefined;
  /** Whether stdout is a terminal: `-o -` refuses to write a deck's bytes there. */
  stdoutIsTTY?: boolean | undefined;
  /**
   * Aborted on an interrupt: running renderers are stopped, temporary folders removed and a
   * watch ended. The caller exits right after aborting it.
   */
  signal?: AbortSignal | undefined;
  /**
   * Build each deck in a worker thread, within the heap and time budgets, as the deckdown
   * command does; code that runs the CLI where worker threads cannot load it goes without.
   */
  isolate?: boolean | undefined;
}
