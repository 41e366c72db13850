/**
 * The link targets a deck writes as hyperlinks: web pages (http, https), e-mail addresses
 * (mailto) and the deck's own slides (`#id`). Anything else (`javascript:`, `file:`, `data:`, a
 * program's scheme, a path on the author's disk) would run something or open a local file when a
 * viewer clicks it, so its text is kept without the link.
 */
const ALLOWED = /^(?:https?:|mailto:|#)/i;

export function isAllowedLink(url: string): boolean {
  return ALLOWED.test(url);
}
