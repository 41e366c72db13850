import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { installedFontName, METRIC_COMPATIBLE, readFontFile } from '../fonts/catalog.js';
import { themeFonts, themeFontSet } from '../fonts/theme-fonts.js';
import type { Theme } from '../theme/schema.js';

/** Where fontconfig (LibreOffice on Linux) looks for a user's fonts. */
export function userFontDir(env: Record<string, string | undefined>): string {
  return join(env.XDG_DATA_HOME ?? join(env.HOME ?? homedir(), '.local', 'share'), 'fonts', 'deckdown');
}

/** Where fontconfig reads a user's configuration. */
export function userFontConfig(env: Record<string, string | undefined>): string {
  return join(env.XDG_CONFIG_HOME ?? join(env.HOME ?? homedir(), '.config'), 'fontconfig', 'conf.d', '30-deckdown-metric-aliases.conf');
}

/** fontconfig rules that draw each Office family with its metric-compatible stand-in. */
function aliasConfig(families: readonly string[]): string {
  const aliases = families
    .filter((family) => METRIC_COMPATIBLE[family])
    .map((family) => `  <alias binding="same"><family>${family}</family><accept><family>${METRIC_COMPATIBLE[family]}</family></accept></alias>`);
  return `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<!-- Written by deckdown: Office fonts are drawn with the open fonts they were measured with. -->\n<fontconfig>\n${aliases.join('\n')}\n</fontconfig>\n`;
}

/**
 * Write the exact fonts the layout measures the themes with to where renderers find them, so a
 * deck is drawn with the metrics it was fitted with; Office families are aliased to their
 * stand-ins. Returns the files written.
 */
export function installFonts(themes: readonly Theme[], target: string, configFile?: string): string[] {
  const families = themeFonts(themes).map((font) => font.family);
  const files = themeFontSet(themes).files(families);
  mkdirSync(target, { recursive: true });
  const installed = files.map((file) => {
    const path = join(target, installedFontName(file));
    writeFileSync(path, readFontFile(file));
    return path;
  });
  if (configFile && families.some((family) => METRIC_COMPATIBLE[family])) {
    mkdirSync(dirname(configFile), { recursive: true });
    writeFileSync(configFile, aliasConfig(Object.keys(METRIC_COMPATIBLE)));
  }
  try {
    execFileSync('fc-cache', ['-f', target], { stdio: 'ignore' });
  } catch {
    // Without fontconfig (Windows, macOS) the fonts are picked up on the next start of the application.
  }
  return installed;
}
