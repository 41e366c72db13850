import { common, createLowlight } from 'lowlight';

let lowlight: ReturnType<typeof createLowlight> | undefined;

/**
 * One highlighter for the whole process: the common languages of highlight.js, all offline.
 * Made on first use: registering the languages runs each grammar's definition, which a deck
 * without code need not wait for.
 */
export function highlighter(): ReturnType<typeof createLowlight> {
  return (lowlight ??= createLowlight(common));
}

export function isKnownLanguage(lang: string): boolean {
  return highlighter().registered(lang);
}
