/**
 * What the CLI prints, made safe and readable for a terminal: control characters from file
 * names and contents escaped, colour for severities and positions, and a progress line that is
 * rewritten in place. Colour and progress only where a person reads: see `colourWanted` and
 * `progressWanted`.
 */
import { escapeControls } from '../diagnostics/printable.js';

type Env = Record<string, string | undefined>;

/**
 * Colour on a terminal. NO_COLOR (any non-empty value, no-color.org) turns it off whatever else
 * says; FORCE_COLOR (non-empty, not 0 or false) turns it on in a pipe; TERM=dumb turns it off.
 */
export function colourWanted(env: Env, isTTY: boolean | undefined): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY === true && env.TERM !== 'dumb';
}

/** A progress line only for a person watching a terminal: never in a pipe, a log file or CI. */
export function progressWanted(env: Env, isTTY: boolean | undefined): boolean {
  return isTTY === true && !env.CI && env.TERM !== 'dumb';
}

const SGR = { bold: [1, 22], red: [31, 39], yellow: [33, 39], cyan: [36, 39] } as const;
const paint = (style: keyof typeof SGR, text: string) => `\x1b[${SGR[style][0]}m${text}\x1b[${SGR[style][1]}m`;
const SEVERITY = { error: 'red', warning: 'yellow', info: 'cyan' } as const;

/** `file:line:col: severity:` at the start of a line, as `formatMessage` writes it (the position is optional). */
const DIAGNOSTIC = /^(.*?(?::\d+:\d+)?): (error|warning|info): /;

/** The position in bold and the severity in its colour, line by line. */
function colourise(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const match = DIAGNOSTIC.exec(line);
      if (!match) return line;
      const [whole, place, severity] = match as unknown as [string, string, keyof typeof SEVERITY];
      return `${paint('bold', place)}: ${paint('bold', paint(SEVERITY[severity], severity))}: ${line.slice(whole.length)}`;
    })
    .join('\n');
}

export interface TerminalIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Env;
  /** Whether stderr is a terminal: colour and progress. */
  stderrIsTTY?: boolean | undefined;
}

/** The widest progress line, so that it never wraps (a wrapped line cannot be rewritten). */
const PROGRESS_WIDTH = 72;

export interface Terminal {
  /** Text for stdout: results, listings, reports. */
  out(text: string): void;
  /** Text for stderr: diagnostics and notes, coloured where wanted. */
  err(text: string): void;
  /** Replace the progress line, on a terminal; nothing elsewhere. */
  progress(text: string): void;
  /** Remove the progress line. */
  clear(): void;
}

export function terminal(io: TerminalIo): Terminal {
  const colour = colourWanted(io.env, io.stderrIsTTY);
  const showProgress = progressWanted(io.env, io.stderrIsTTY);
  let shown = false;
  const clear = () => {
    if (shown) io.stderr('\r\x1b[K');
    shown = false;
  };
  return {
    out(text) {
      clear();
      io.stdout(escapeControls(text));
    },
    err(text) {
      clear();
      const safe = escapeControls(text);
      io.stderr(colour ? colourise(safe) : safe);
    },
    progress(text) {
      if (!showProgress) return;
      const line = escapeControls(text);
      io.stderr(`\r\x1b[K${line.length > PROGRESS_WIDTH ? `${line.slice(0, PROGRESS_WIDTH - 1)}…` : line}`);
      shown = true;
    },
    clear,
  };
}
