import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseLimits, type Limits } from '../limits.js';
import { isThemePath } from '../theme/theme-path.js';
import { UsageError, type Command } from './usage.js';

/** The options the command line takes; which command takes which is in each command's help. */
const OPTIONS = {
  output: { type: 'string', short: 'o' },
  theme: { type: 'string', short: 't' },
  'reference-doc': { type: 'string' },
  outline: { type: 'string' },
  limit: { type: 'string', multiple: true },
  'allow-outside-root': { type: 'boolean' },
  watch: { type: 'boolean', short: 'w' },
  json: { type: 'boolean' },
  install: { type: 'boolean' },
  strict: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export interface Options {
  output?: string | undefined;
  theme?: string | undefined;
  'reference-doc'?: string | undefined;
  outline?: string | undefined;
  limit?: string[] | undefined;
  'allow-outside-root'?: boolean | undefined;
  watch?: boolean | undefined;
  json?: boolean | undefined;
  install?: boolean | undefined;
  strict?: boolean | undefined;
  help?: boolean | undefined;
  version?: boolean | undefined;
}

export interface CommandLine {
  /** The first word, which names the command, or a deck for a build. */
  command: string | undefined;
  /** The words after it. */
  inputs: string[];
  values: Options;
}

/** argv → the command, its inputs and its options; an option it does not know is a usage error. */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS });
    const [command, ...inputs] = positionals;
    return { command, inputs, values };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** A theme path on the command line is relative to the working directory, like every other path there. */
export function themeOption(values: Options, cwd: string): string | undefined {
  return values.theme && isThemePath(values.theme) ? resolve(cwd, values.theme) : values.theme;
}

/** What a deck is built with, from the command line: the options the API takes. */
export interface DeckChoice {
  theme: string | undefined;
  referenceDoc: string | undefined;
  /** The budgets `--limit` changes; the API fills in the rest. */
  limits: Partial<Limits>;
  /** `false` with --allow-outside-root; otherwise the API's default root. */
  resourceRoot: false | undefined;
}

export function deckChoice(values: Options, cwd: string): DeckChoice {
  const template = values['reference-doc'];
  const limits = parseLimits(values.limit ?? []);
  if (typeof limits === 'string') throw new UsageError(limits);
  return {
    theme: themeOption(values, cwd),
    referenceDoc: template ? resolve(cwd, template) : undefined,
    limits,
    resourceRoot: values['allow-outside-root'] ? false : undefined,
  };
}

/** The options each command takes besides --help and --version. */
const TAKES: Record<Command, readonly (keyof Options)[]> = {
  build: ['output', 'outline', 'watch', 'theme', 'reference-doc', 'limit', 'allow-outside-root', 'json', 'strict'],
  check: ['theme', 'reference-doc', 'limit', 'allow-outside-root', 'json', 'strict'],
  preview: ['output', 'theme', 'reference-doc', 'limit', 'allow-outside-root'],
  themes: [],
  theme: ['output'],
  fonts: ['theme', 'install', 'allow-outside-root'],
  help: [],
};

const flagOf = (key: keyof Options) => `--${key}`;

/** An option the command does not take is a mistake worth saying, not one to ignore. */
export function checkOptions(command: Command, values: Options): void {
  const stray = (Object.keys(values) as (keyof Options)[]).find((key) => key !== 'help' && key !== 'version' && !TAKES[command].includes(key));
  if (stray) throw new UsageError(`${flagOf(stray)} is not an option of ${command}`, command);
}
