import { VFile } from 'vfile';
import { report } from '../diagnostics/report.js';
import { limitsWith, overLimit } from '../limits.js';
import type { DeckChoice } from './args.js';
import { FileError } from './file-error.js';
import { STDIN } from './inputs.js';
import { decodeText, readAtMost, readFileAtMost } from './read-input.js';

/** What reading an input needs of the process: stdin, and the folder stdin's deck is in. */
export interface InputIo {
  cwd: string;
  /** What `-` reads; an empty input without it. */
  stdin?: AsyncIterable<Uint8Array> | Iterable<Uint8Array> | undefined;
}

/** The input's bytes, within the input budget: stdin for `-`, else the file, device or pipe. */
async function readInput(path: string, choice: DeckChoice, io: InputIo): Promise<Uint8Array | undefined> {
  const { inputBytes } = limitsWith(choice.limits);
  if (path === STDIN) return readAtMost(io.stdin ?? [], inputBytes);
  try {
    return await readFileAtMost(path, inputBytes);
  } catch (error) {
    throw new FileError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

/** The source as text, or the file with the error saying why it is not: too large, binary or not UTF-8. */
export async function readSource(path: string, choice: DeckChoice, io: InputIo): Promise<{ file: VFile; text?: string }> {
  // The deck on stdin is "<stdin>" in messages; its relative paths resolve against the working directory.
  const file = new VFile(path === STDIN ? { path: STDIN, cwd: io.cwd } : { path });
  const bytes = await readInput(path, choice, io);
  if (!bytes) {
    report(file, 'input-too-large', overLimit("the input's size in bytes", 'inputBytes', limitsWith(choice.limits)));
    return { file };
  }
  const decoded = decodeText(bytes);
  if ('problem' in decoded) {
    report(file, 'invalid-encoding', decoded.problem, decoded.line ? { line: decoded.line, column: decoded.column ?? 1 } : undefined);
    return { file };
  }
  file.value = decoded.text;
  return { file, text: decoded.text };
}
