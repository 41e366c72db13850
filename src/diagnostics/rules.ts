/**
 * Every problem deckdown reports has a stable rule id, so that authors can search for it
 * and tools can filter on it. The severity is part of the rule: errors stop a build.
 */
export type Severity = 'error' | 'warning' | 'info';

/** Every rule deckdown reports by, with its severity and what it means. */
export const rules = {
  'invalid-encoding': { severity: 'error', summary: 'an input is not text: binary data, a zip package, or bytes that are not UTF-8 (nor UTF-16 with a byte order mark)' },
  'input-too-large': { severity: 'error', summary: 'an input is larger than the input budget (--limit input-bytes)' },
  'empty-document': { severity: 'error', summary: 'the document has no content to make slides from' },
  'invalid-front-matter': { severity: 'error', summary: 'the front matter is not valid YAML or a value has the wrong type' },
  'unknown-key': { severity: 'warning', summary: 'the front matter has a key deckdown does not know' },
  'unknown-theme': { severity: 'error', summary: 'the theme named is neither built in nor a readable file' },
  'invalid-template': { severity: 'error', summary: 'a reference doc or template is missing, or is not a PowerPoint presentation or template' },
  'aspect-ignored': { severity: 'warning', summary: 'the deck asks for an aspect ratio, but it is built on a template, whose slide size decides' },
  'template-layout-missing': { severity: 'warning', summary: 'the template lacks a layout deckdown looks for; its slides use the template\'s content layout' },
  'invalid-theme': { severity: 'error', summary: 'a theme file does not match the theme schema' },
  'missing-font-file': { severity: 'warning', summary: 'a theme names a font deckdown has no file for; its text is measured with a stand-in, so lines may break elsewhere' },
  'low-contrast': { severity: 'warning', summary: 'a theme, or a chart on a slide, puts text on a background with less contrast than WCAG AA asks for' },
  'invalid-outline': { severity: 'error', summary: 'a deck outline (JSON) does not match the outline schema' },
  'unsupported-node': { severity: 'warning', summary: 'a construct that has no slide form yet; its text is kept' },
  'empty-slide': { severity: 'warning', summary: 'a slide has neither a title nor content' },
  'image-not-found': { severity: 'warning', summary: 'an image file does not exist; the slide shows its alt text in a frame instead' },
  'outside-root': { severity: 'error', summary: 'a deck or theme names a file outside the project folder (or a device); it is not read unless the user allows it' },
  'remote-image': { severity: 'warning', summary: 'an image is a URL; remote images are not fetched, and the slide shows the alt text in a frame instead' },
  'not-an-image': { severity: 'warning', summary: 'a file used as an image is not a PNG, JPEG, GIF or SVG image; the slide shows its alt text in a frame instead' },
  'image-over-limit': { severity: 'warning', summary: 'a picture exceeds a budget (pixels, SVG bytes, elements or nesting); the slide shows its alt text in a frame instead' },
  'svg-filter-skipped': { severity: 'warning', summary: 'an SVG picture uses filters or markers, which take unbounded time to rasterise; its PNG fallback is drawn without them' },
  'invalid-font-file': { severity: 'warning', summary: 'a file a theme names under fonts.files is not a font or cannot be read; its family is measured as if it had no file' },
  'invalid-chart': { severity: 'error', summary: 'a chart has an unknown type, no table, or a cell that is not a number' },
  'unknown-layout': { severity: 'error', summary: 'a slide asks for a layout the theme does not have' },
  'invalid-directive': { severity: 'warning', summary: 'a directive is used in a way it does not support; its content is kept' },
  'unknown-language': { severity: 'info', summary: 'a code block names a language the highlighter does not know; it is shown plain' },
  'font-fallback': { severity: 'warning', summary: 'characters the chosen font lacks are drawn with a fallback font, or with none of the theme\'s' },
  'unmeasured-contrast': { severity: 'warning', summary: 'a slide puts text on a background picture whose colours deckdown cannot read (SVG, GIF, or one that does not decode), so the contrast of that text is not known' },
  'text-on-picture': { severity: 'info', summary: 'text over a background picture was given another colour, or a scrim, to meet WCAG AA against the picture under it' },
  'text-shrunk': { severity: 'info', summary: 'a slide\'s text was set smaller than the theme\'s size so that it fits' },
  'slide-continued': { severity: 'info', summary: 'a slide\'s content continues on further slides' },
  'text-overflow': { severity: 'warning', summary: 'content does not fit its slide even at the smallest size and after splitting' },
  'foreign-key': { severity: 'info', summary: 'a setting of another tool (Marp, Slidev, pandoc) that has no meaning here; it is ignored' },
  'foreign-theme': { severity: 'warning', summary: 'the deck names a theme of another tool; the default theme is used' },
  'attribute-ignored': { severity: 'info', summary: 'pandoc attributes or Marp picture keywords that have no slide form; the content is kept' },
  'html-stripped': { severity: 'info', summary: 'HTML tags that are not drawn; their text is kept' },
  'html-dropped': { severity: 'warning', summary: 'HTML whose content is not for slides (style, script, embedded media); it is left out' },
  'raw-dropped': { severity: 'warning', summary: 'raw content marked for another output format (`{=html}`, `{=latex}`); it is left out' },
  'directive-comment': { severity: 'info', summary: 'an HTML comment that is a directive to another tool (Marp, md2pptx); it is not a speaker note' },
  'pause-ignored': { severity: 'info', summary: 'a pause or an incremental list; a static deck shows everything at once' },
  'raw-tex': { severity: 'warning', summary: 'TeX commands in prose: symbols and text are kept, layout commands left out' },
  'math-not-rendered': { severity: 'warning', summary: 'LaTeX math is not typeset yet; its source is shown in a monospace run' },
  'table-not-converted': { severity: 'warning', summary: 'a pandoc grid table with cells spanning rows or columns, kept as preformatted text on one slide' },
  'broken-link': { severity: 'warning', summary: 'an internal link names a heading that does not exist; it is kept as text' },
  'ambiguous-number': { severity: 'error', summary: 'a chart cell could be read two ways in the deck\'s language' },
  'unreferenced-footnote': { severity: 'warning', summary: 'a footnote is defined but never referenced, so it is on no slide' },
  'unsafe-link': { severity: 'warning', summary: 'a link whose target is not a web page (http, https), an e-mail address (mailto) or a slide of the deck, such as javascript: or file:; its text is kept without the link' },
  'invalid-character': { severity: 'warning', summary: 'a character that a PowerPoint file cannot hold (a control character, U+FFFE, U+FFFF or half a surrogate pair); it is removed' },
  'over-limit': { severity: 'error', summary: 'the input goes over one of the budgets that bound a build (size, nesting, slides, table cells, chart values); the message names the limit and how to raise it' },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

/** The id of a rule, as messages carry it in `ruleId`. */
export type RuleId = keyof typeof rules;
export const SOURCE = 'deckdown';
