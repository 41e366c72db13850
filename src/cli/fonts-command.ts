import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { METRIC_COMPATIBLE } from '../fonts/catalog.js';
import { themeFonts, themeFontSet, withoutFile } from '../fonts/theme-fonts.js';
import { isTemplatePath, templateFonts } from '../theme/import.js';
import { defineTheme, loadTheme, ThemeError } from '../theme/load.js';
import { listThemes } from '../theme/registry.js';
import type { Theme } from '../theme/schema.js';
import { themeOption, type Options } from './args.js';
import { EXIT } from './exit.js';
import { attempt, FileError } from './file-error.js';
import { installFonts, userFontConfig, userFontDir } from './fonts.js';
import type { Io } from './io.js';
import type { Terminal } from './terminal.js';
import { UsageError } from './usage.js';

/** The theme a template imports as, as far as fonts go: its heading and body fonts over `default`. */
function templateFontTheme(path: string): Theme {
  const bytes = attempt(`read ${path}`, () => readFileSync(path));
  try {
    return defineTheme({ fonts: templateFonts(bytes) });
  } catch (error) {
    throw new FileError(`cannot read the fonts of ${path}: ${(error as Error).message}`);
  }
}

/**
 * The themes `fonts` covers: the theme or template given, else every built-in theme and the
 * Office families templates name, drawn with their metric-compatible stand-ins.
 */
function fontThemes(values: Options, io: Io): Theme[] {
  const value = themeOption(values, io.cwd);
  if (value === undefined) return [...listThemes().map((name) => loadTheme(name)), defineTheme({ fonts: { fallback: Object.keys(METRIC_COMPATIBLE) } })];
  return [isTemplatePath(value) ? templateFontTheme(resolve(io.cwd, value)) : attemptTheme(value, io.cwd, values['allow-outside-root'] ? false : undefined)];
}

/** `deckdown fonts`: the themes' families and their files; with --install, copied where renderers look. */
export function fonts(values: Options, io: Io, term: Terminal): number {
  const themes = fontThemes(values, io);
  const set = themeFontSet(themes);
  for (const font of themeFonts(themes)) {
    const resolved = set.resolve(font.family);
    const stand = resolved && resolved !== font.family ? ` (measured with ${resolved}, metric-compatible)` : '';
    term.out(`${font.family}${stand}: ${resolved ? set.files([font.family]).join(', ') : `no font file; ${withoutFile(font)}`}\n`);
  }
  if (values.install) {
    const target = userFontDir(io.env);
    const copied = installFonts(themes, target, userFontConfig(io.env));
    term.out(`installed ${copied.length} font files into ${target}\n`);
  }
  return EXIT.ok;
}

/** A theme named on the command line; one that does not exist is a usage error, one that cannot be used an input error. */
function attemptTheme(value: string, cwd: string, root: false | undefined): Theme {
  try {
    return loadTheme(value, cwd, { root });
  } catch (error) {
    if (error instanceof ThemeError) throw error.ruleId === 'unknown-theme' ? new UsageError(error.message, 'fonts') : new FileError(error.message);
    throw error;
  }
}
