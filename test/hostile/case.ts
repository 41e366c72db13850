/**
 * One hostile input: files a stranger could hand deckdown, the command run on them, and what
 * must come of it. The corpus runs every case through the bundled CLI in a child process,
 * under a time and memory limit, and checks what every case must satisfy besides its own
 * expectation (see `corpus.test.ts`).
 */

/** A file's content, or a link to another path, or a folder; functions are called when the case runs, so large inputs are generated, not committed. */
export type Content = string | Uint8Array | (() => string | Uint8Array) | { symlink: string } | { folder: true };

/** The deck was built: exit 0, every deck valid, and these rules among the messages. */
export interface Built {
  exit: 0;
  /** Rule ids each of which must appear in the messages, as `[rule-id]`. */
  rules?: string[];
  /** Decks written, relative to the project folder; `['deck.pptx']` unless said. Empty for commands that write none. */
  decks?: string[];
  /** The deck goes to stdout (`-o -`). */
  stdoutDeck?: boolean;
  /** Matched against stderr, for what the messages must say. */
  message?: RegExp;
}

/** The input was refused: exit 1 (or 2 for a usage error), with a message saying why and where. */
export interface Refused {
  exit: 1 | 2;
  /** Matched against stderr. */
  message: RegExp;
  /** What the message must point at, such as `deck.md:3:1` or `theme.yaml:2:9`. */
  at?: string;
}

export interface HostileCase {
  /** What the case tries, as the test's name. */
  name: string;
  /**
   * Files by path relative to the project folder, which has a `package.json` and is the working
   * directory. `../name` is outside the project, beside `../secret.txt`, whose words must never
   * appear in any output.
   */
  files: Record<string, Content>;
  /** The command line after `deckdown`; `['build', 'deck.md']` unless said. */
  args?: string[];
  stdin?: string | Uint8Array | (() => string | Uint8Array);
  env?: Record<string, string>;
  expect: Built | Refused;
  /** Seconds before the case counts as hung; 30 unless said. */
  timeout?: number;
  /** The case lets the deck read outside the project (`--allow-outside-root`), so the secret may be in it. */
  outsideAllowed?: boolean;
}

/** What a file outside the project holds; no output may contain it unless the case allows reading outside. */
export const SECRET = 'SECRET-c0ffee-do-not-quote';
