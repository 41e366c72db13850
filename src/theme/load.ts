import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import { builtInThemePath, listThemes } from './registry.js';
import { ThemeSchema, type Theme } from './schema.js';

/** A theme that cannot be used, with every reason; the caller decides how to report it. */
export class ThemeError extends Error {
  constructor(
    message: string,
    readonly ruleId: 'unknown-theme' | 'invalid-theme',
  ) {
    super(message);
    this.name = 'ThemeError';
  }
}

/** A value names a file rather than a built-in theme when it looks like a path. */
export function isThemePath(value: string): boolean {
  return /[\\/]/.test(value) || /\.json$/i.test(value);
}

/** Whether a theme name or path exists at all. */
function missingTheme(value: string, baseDir: string): string | undefined {
  if (isThemePath(value)) {
    return existsSync(resolve(baseDir, value)) ? undefined : `theme file "${value}" does not exist`;
  }
  const available = listThemes();
  return available.includes(value) ? undefined : `unknown theme "${value}"; available themes: ${available.join(', ')}`;
}

export function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

/** Font files are written relative to the theme file; from here on they are absolute. */
function withAbsoluteFontFiles(theme: Theme, dir: string): Theme {
  const files = theme.fonts.files;
  if (!files) return theme;
  const absolute = Object.fromEntries(
    Object.entries(files).map(([family, faces]) => [family, Object.fromEntries(Object.entries(faces).map(([face, file]) => [face, resolve(dir, file as string)]))]),
  );
  return { ...theme, fonts: { ...theme.fonts, files: absolute as typeof files } };
}

/** Load a built-in theme by name, or a theme file by path, and validate it. */
export function loadTheme(value: string, baseDir = process.cwd()): Theme {
  const problem = missingTheme(value, baseDir);
  if (problem) throw new ThemeError(problem, 'unknown-theme');
  const path = isThemePath(value) ? resolve(baseDir, value) : builtInThemePath(value);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ThemeError(`theme file "${path}" is not valid JSON: ${(error as Error).message}`, 'invalid-theme');
  }
  const parsed = ThemeSchema.safeParse(data);
  if (!parsed.success) throw new ThemeError(`theme "${value}" is invalid: ${formatIssues(parsed.error.issues)}`, 'invalid-theme');
  return withAbsoluteFontFiles(parsed.data, dirname(path));
}

/** Why a theme cannot be used (missing, or invalid), or nothing: the full check, without throwing. */
export function themeProblem(value: string, baseDir = process.cwd()): { ruleId: ThemeError['ruleId']; reason: string } | undefined {
  try {
    loadTheme(value, baseDir);
    return undefined;
  } catch (error) {
    if (error instanceof ThemeError) return { ruleId: error.ruleId, reason: error.message };
    throw error;
  }
}
