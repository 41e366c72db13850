import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { FontSet } from '../fonts/font-set.js';
import type { Theme } from '../theme/schema.js';

/** The families a theme draws with, fallbacks included. */
export function themeFamilies(theme: Theme): string[] {
  return [...new Set([theme.fonts.heading, theme.fonts.body, theme.fonts.mono, ...theme.fonts.fallback])];
}

/** Where fontconfig (LibreOffice on Linux) looks for a user's fonts. */
export function userFontDir(env: Record<string, string | undefined>): string {
  return join(env.XDG_DATA_HOME ?? join(env.HOME ?? homedir(), '.local', 'share'), 'fonts', 'deckdown');
}

/**
 * Copy the exact files the layout measures with to where renderers find them, so a deck is
 * drawn with the metrics it was fitted with. Returns the files copied.
 */
export function installFonts(theme: Theme, target: string): string[] {
  const files = new FontSet(theme.fonts.files).files(themeFamilies(theme));
  mkdirSync(target, { recursive: true });
  for (const file of files) copyFileSync(file, join(target, basename(file)));
  try {
    execFileSync('fc-cache', ['-f', target], { stdio: 'ignore' });
  } catch {
    // Without fontconfig (Windows, macOS) the fonts are picked up on the next start of the application.
  }
  return files.map((file) => join(target, basename(file)));
}
