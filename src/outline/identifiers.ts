/**
 * The identifiers a heading can be linked to with `[text](#id)`: pandoc's automatic identifier
 * ("Results & Findings" → "results-findings"), and the GitHub-style slug that Marp and
 * md2pptx decks use (which keeps leading digits).
 */
export function headingIdentifiers(text: string): string[] {
  const slug = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}_\-.\s]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
  const pandoc = slug.replace(/^[^\p{L}]+/u, '') || 'section';
  const github = slug.replace(/\./g, '');
  return [...new Set([pandoc, github].filter(Boolean))];
}
