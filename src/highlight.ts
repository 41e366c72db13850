import { common, createLowlight } from 'lowlight';

/** One highlighter for the whole process: the common languages of highlight.js, all offline. */
export const lowlight = createLowlight(common);

export function isKnownLanguage(lang: string): boolean {
  return lowlight.registered(lang);
}
