import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { missingFontFiles } from '../fonts/theme-fonts.js';
import { contrastWarnings } from '../theme/contrast.js';
import { importTemplate, type ImportedTemplate } from '../theme/import.js';
import { loadLocatedTheme, loadTheme } from '../theme/load.js';
import type { Options } from './args.js';
import { EXIT } from './exit.js';
import { attempt, FileError } from './file-error.js';
import type { Io } from './io.js';
import type { Terminal } from './terminal.js';
import { UsageError } from './usage.js';
import { writeFileAtomic } from './write-atomic.js';

/** `deckdown theme import`: a corporate template's colours, fonts, size and logo as a theme file. */
export function themeImport(inputs: string[], values: Options, io: Io, term: Terminal): number {
  if (inputs.length !== 1) throw new UsageError('theme import takes one template', 'theme');
  const template = resolve(io.cwd, inputs[0]!);
  if (!statSync(template, { throwIfNoEntry: false })?.isFile()) throw new UsageError(`template "${inputs[0]}" does not exist`, 'theme');
  if (!values.output || !/\.(json|ya?ml)$/i.test(values.output)) throw new UsageError('theme import needs -o <theme.json>', 'theme');
  const target = resolve(io.cwd, values.output);
  const name = basename(target).replace(/\.(json|ya?ml)$/i, '');
  let imported: ImportedTemplate;
  try {
    imported = importTemplate(attempt(`read ${template}`, () => readFileSync(template)), loadTheme('default'), name);
  } catch (error) {
    if (error instanceof FileError) throw error;
    term.err(`deckdown: cannot import ${template}: ${(error as Error).message}\n`);
    return EXIT.input;
  }
  if (imported.logo) attempt(`write the logo`, () => writeFileAtomic(join(dirname(target), `${name}-logo.${imported.logo!.extension}`), imported.logo!.data));
  attempt(`write ${target}`, () => writeFileAtomic(target, `${JSON.stringify(imported.theme, null, 2)}\n`));
  for (const note of imported.notes) term.err(`deckdown: ${note}\n`);
  const { theme, place } = loadLocatedTheme(target, io.cwd);
  for (const warning of contrastWarnings(theme)) term.err(`${target}: warning: ${warning} [low-contrast]\n`);
  for (const font of missingFontFiles(theme)) {
    const at = place(font.key);
    term.err(`${at.file}:${at.line}:${at.column}: warning: ${font.reason} [missing-font-file]\n`);
  }
  term.out(`wrote ${target}\n`);
  return EXIT.ok;
}
