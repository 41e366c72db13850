import type { Theme } from '../theme/schema.js';
import { runStyle, type ImageFrame, type LayoutName, type LayoutVariant, type PlacedLayout, type PlacedParagraph, type PlacedPlaceholder, type PlacedScheme, type PlacedTableStyle, type RectFrame, type RunStyle } from './frames.js';
import { TITLE_RULE } from './layout-shapes.js';
import { lineStyle, listLevelLooks, plainLook, textStyle } from './paragraphs.js';

/** PowerPoint's own names where it has the layout, so users find them where they expect. */
const DISPLAY_NAMES: Record<LayoutName, string> = {
  title: 'Title Slide',
  section: 'Section Header',
  agenda: 'Agenda',
  content: 'Title and Content',
  columns: 'Columns',
  image: 'Picture and Text',
  quote: 'Quote',
  stat: 'Big Number',
  chart: 'Chart',
  end: 'Closing',
};

export const LAYOUT_ORDER: LayoutName[] = ['title', 'section', 'agenda', 'content', 'columns', 'image', 'quote', 'stat', 'chart', 'end'];

const DATE_WIDTH_INCHES = 2.5;

/** Dark layouts take the title slide's colours. */
function isDark(layout: LayoutName): boolean {
  return layout === 'title' || layout === 'end';
}

function placedLayout(layout: LayoutName, theme: Theme): PlacedLayout {
  const { colors, fonts, sizes, layouts, logo, backgrounds } = theme;
  const dark = isDark(layout);
  const section = layout === 'section';
  const textColor = dark ? colors.titleText : section ? colors.sectionText : colors.text;
  const background = dark ? colors.titleBackground : section ? colors.sectionBackground : colors.background;
  const boxes = layouts[layout];
  const ruleColor = dark || section ? colors.titleAccent : colors.accent;
  const decorations: (RectFrame | ImageFrame)[] = [];
  // The rule under a one-line title is the layout's, as in a template: a slide whose longer title
  // moves its rule down draws its own, and hides the layout's shapes (see `onLayoutShapes`).
  if ('rule' in boxes && boxes.rule) decorations.push({ kind: 'rect', name: TITLE_RULE, box: boxes.rule, color: ruleColor });
  if (logo && !dark) decorations.push({ kind: 'image', name: 'Logo', box: logo.box, path: logo.path, alt: `${theme.name} logo` });
  const titleSize = layout === 'title' || layout === 'end' ? sizes.title : section ? sizes.sectionTitle : sizes.slideTitle;
  const inset = theme.spacing.insetInches;
  // Titles, subtitles and footers are lines, as on the slides.
  const line = (style: RunStyle, align?: PlacedParagraph['align']) => [plainLook(lineStyle(theme, style, align))];
  const titleStyle = runStyle(fonts.heading, titleSize, dark || section ? (dark ? colors.titleText : colors.sectionText) : colors.heading, true);
  const title: PlacedPlaceholder = { box: boxes.title, style: titleStyle, levels: line(titleStyle), anchor: 'bottom', insetInches: inset };
  const bodyBox = layout === 'title' ? layouts.title.subtitle : 'body' in boxes ? boxes.body : undefined;
  const bodyStyle = runStyle(fonts.body, layout === 'title' ? sizes.subtitle : layout === 'quote' ? sizes.quote : sizes.body, textColor, false);
  // Body levels are a list's, as the slides' bodies mostly are; a subtitle is a line, a quote plain text.
  const bodyLevels = layout === 'title' || layout === 'end' ? line(bodyStyle) : layout === 'quote' ? [plainLook(textStyle(theme, bodyStyle))] : listLevelLooks(textStyle(theme, bodyStyle));
  const body: PlacedPlaceholder | undefined = bodyBox ? { box: bodyBox, style: bodyStyle, levels: bodyLevels, anchor: 'top', insetInches: inset } : undefined;
  const image = backgrounds?.[layout];
  // Footer text takes the colour it has on slides: muted on light layouts, the slide's text colour on dark ones.
  const footerStyle = runStyle(fonts.body, sizes.footer, dark || section ? textColor : colors.muted);
  const footerLine = (box: PlacedPlaceholder['box'], align: PlacedParagraph['align']): PlacedPlaceholder => ({ box, style: footerStyle, levels: line(footerStyle, align), anchor: 'middle', insetInches: inset });
  const { text, slideNumber } = theme.footer;
  // The theme has no box for a date: it sits just left of the slide number, where PowerPoint's own layouts put it.
  const date = { x: Math.max(text.x, slideNumber.x - DATE_WIDTH_INCHES), y: slideNumber.y, w: Math.min(DATE_WIDTH_INCHES, slideNumber.x - text.x), h: slideNumber.h };
  return {
    layout,
    name: DISPLAY_NAMES[layout],
    background: { color: background, ...(image ? { imagePath: image } : {}) },
    decorations,
    title,
    ...(body ? { body } : {}),
    footer: footerLine(text, 'left'),
    date: footerLine(date, 'right'),
    slideNumber: footerLine(slideNumber, 'right'),
  };
}

const VARIANT_NAMES: Record<LayoutVariant, string> = { 'two-line title': 'Two-Line Title' };

/**
 * A layout's variant, placed on the boxes `theme` gives the layout, its title hung from the top
 * of its frame as a long title is. Its name is the layout's and the variant's, so that PowerPoint
 * lists the two side by side.
 */
export function variantLayout(layout: LayoutName, theme: Theme, variant: LayoutVariant): PlacedLayout {
  const placed = placedLayout(layout, theme);
  return { ...placed, variant, name: `${placed.name}, ${VARIANT_NAMES[variant]}`, title: { ...placed.title, anchor: 'top' } };
}

/** Every layout of the closed set, so a slide added by hand in PowerPoint can use any of them. */
export function layoutMasters(theme: Theme): PlacedLayout[] {
  return LAYOUT_ORDER.map((layout) => placedLayout(layout, theme));
}

/** The colour and font scheme PowerPoint shows in its theme pickers and uses for new content. */
export function themeScheme(theme: Theme): PlacedScheme {
  const { colors, fonts } = theme;
  return {
    name: theme.name,
    dark1: colors.text,
    light1: colors.background,
    dark2: colors.heading,
    light2: colors.tableStripe,
    accents: colors.accents,
    link: colors.link,
    headingFont: fonts.heading,
    bodyFont: fonts.body,
  };
}

/** Tables' borders and fills: thin lines in the theme's border colour, a filled header row, striped rows. */
export function tableStyle(theme: Theme): PlacedTableStyle {
  const { colors } = theme;
  return { name: `${theme.name} table`, border: colors.tableBorder, borderPt: 0.75, header: colors.tableHeaderBackground, headerText: colors.tableHeaderText, stripe: colors.tableStripe };
}
