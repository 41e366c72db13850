import { existsSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { FileError } from './file-error.js';
import { inputName, STDIN } from './inputs.js';
import { UsageError } from './usage.js';

/** `-o -`: the deck goes to stdout. */
export const STDOUT = '-';

/**
 * Where one input's output goes: next to it by default, the named file for a single input,
 * inside the named folder, or stdout for `-o -`.
 */
function targetPath(input: string, option: string | undefined, extension: '.pptx' | '.json', flag: string, count: number, cwd: string): string {
  const name = `${inputName(input)}${extension}`;
  if (option === STDOUT) {
    if (count > 1) throw new UsageError(`${flag} - writes one deck to stdout, but there are ${count} inputs; give a folder instead`, 'build');
    return STDOUT;
  }
  if (!option) {
    if (input === STDIN) throw new UsageError(`a deck read from stdin has no folder to be written next to; give ${flag} <file${extension}>, or ${flag} - for stdout`, 'build');
    return join(dirname(input), name);
  }
  const target = resolve(cwd, option);
  if (extname(target).toLowerCase() !== extension) return join(target, name);
  if (count > 1) throw new UsageError(`${flag} ${option} names one file, but there are ${count} inputs; give a folder instead`, 'build');
  return target;
}

/** The same file, by path or through a hard link. */
function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  if (!existsSync(a) || !existsSync(b)) return false;
  const [first, second] = [statSync(a), statSync(b)];
  return first.dev === second.dev && first.ino === second.ino;
}

/** Every input's output, refusing two outputs in one place and an output over an input. */
export function targetPaths(inputs: string[], option: string | undefined, extension: '.pptx' | '.json', flag: string, cwd: string): string[] {
  const targets = inputs.map((input) => targetPath(input, option, extension, flag, inputs.length, cwd));
  const clash = targets.find((target, index) => targets.indexOf(target) !== index);
  if (clash) throw new UsageError(`two inputs would both be written to ${clash}; build them into different folders`, 'build');
  // An output is never written over an input, whatever name it is reached by.
  const overwritten = targets.find((target) => target !== STDOUT && inputs.some((input) => input !== STDIN && sameFile(input, target)));
  if (overwritten) throw new FileError(`${overwritten} is an input; deckdown never writes over an input file, so choose another output with -o`);
  return targets;
}

