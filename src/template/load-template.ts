import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PlacedTemplate } from '../layout/frames.js';
import { DEFAULT_LIMITS, overLimit, type Limits } from '../limits.js';
import type { LayoutName } from '../outline/schema.js';
import type { Theme } from '../theme/schema.js';
import { blankLayout, chooseLayouts, type LayoutChoice } from './layout-choice.js';
import { openTemplate, TemplateError } from './open-template.js';
import { templateTheme } from './template-theme.js';

/**
 * A deck on a template draws the template's decorations, not deckdown's: no accent rule under
 * the titles of its body slides (a theme imported from the template keeps it).
 */
function withoutRules(theme: Theme): Theme {
  const layouts = Object.fromEntries(Object.entries(theme.layouts).map(([name, boxes]) => [name, 'body' in boxes ? { ...boxes, rule: undefined } : boxes]));
  return { ...theme, layouts: layouts as Theme['layouts'] };
}

/** A deck's theme and layouts on a template, and the deckdown layouts the template lacks. */
export interface TemplateBuild {
  theme: Theme;
  placed: PlacedTemplate;
  choice: Record<LayoutName, LayoutChoice>;
}

/**
 * Read the template at `path` (relative to `baseDir`) and derive what the deck is laid out
 * with. A file that is missing or is no PowerPoint template throws a TemplateError that names it.
 */
export function loadTemplate(path: string, baseDir: string, base: Theme, limits: Limits = DEFAULT_LIMITS): TemplateBuild {
  const file = resolve(baseDir, path);
  let bytes: Uint8Array;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new TemplateError(`reference doc "${path}" is not a file`);
    // Refused before it is read: the size budget bounds memory too.
    if (stat.size > limits.archiveBytes) throw new TemplateError(`reference doc "${path}": ${overLimit(`an archive of ${stat.size.toLocaleString('en')} bytes`, 'archiveBytes', limits)}`);
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof TemplateError) throw error;
    throw new TemplateError(`reference doc "${path}" cannot be read: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
  let template;
  try {
    template = openTemplate(bytes, file, limits);
  } catch (error) {
    if (error instanceof TemplateError) throw new TemplateError(`reference doc "${path}": ${error.message}`);
    throw error;
  }
  const choice = chooseLayouts(template.layouts);
  const layouts = Object.fromEntries(Object.entries(choice).map(([name, chosen]) => [name, chosen.layout])) as PlacedTemplate['layouts'];
  return { theme: withoutRules(templateTheme(template, choice, base)), placed: { template, layouts, blank: blankLayout(template.layouts) }, choice };
}
