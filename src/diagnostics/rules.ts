/**
 * Every problem deckdown reports has a stable rule id, so that authors can search for it
 * and tools can filter on it. The severity is part of the rule: errors stop a build.
 */
export const rules = {
  'empty-document': { severity: 'error', summary: 'the document has no content to make slides from' },
  'invalid-front-matter': { severity: 'error', summary: 'the front matter is not valid YAML or a value has the wrong type' },
  'unknown-key': { severity: 'warning', summary: 'the front matter has a key deckdown does not know' },
  'unknown-theme': { severity: 'error', summary: 'the theme named is neither built in nor a readable file' },
  'invalid-theme': { severity: 'error', summary: 'a theme file does not match the theme schema' },
  'invalid-outline': { severity: 'error', summary: 'a deck outline (JSON) does not match the outline schema' },
  'unsupported-node': { severity: 'warning', summary: 'a construct that has no slide form yet; its text is kept' },
  'empty-slide': { severity: 'warning', summary: 'a slide has neither a title nor content' },
} as const;

export type RuleId = keyof typeof rules;
export type Severity = (typeof rules)[RuleId]['severity'];

export const SOURCE = 'deckdown';
