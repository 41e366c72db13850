import type { Theme } from '../theme/schema.js';
import { runStyle, type ImageFrame, type LayoutName, type PlacedLayout, type PlacedPlaceholder, type PlacedScheme, type RectFrame } from './frames.js';

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
  // Under a body slide's title the rule is the slide's own: a long title moves it down.
  if ('rule' in boxes && boxes.rule && !('body' in boxes && layout !== 'end')) decorations.push({ kind: 'rect', name: 'Title Rule', box: boxes.rule, color: ruleColor });
  if (logo && !dark) decorations.push({ kind: 'image', name: 'Logo', box: logo.box, path: logo.path, alt: `${theme.name} logo` });
  const titleSize = layout === 'title' || layout === 'end' ? sizes.title : section ? sizes.sectionTitle : sizes.slideTitle;
  const title: PlacedPlaceholder = {
    box: boxes.title,
    style: runStyle(fonts.heading, titleSize, dark || section ? (dark ? colors.titleText : colors.sectionText) : colors.heading, true),
    anchor: 'bottom',
    align: 'left',
  };
  const bodyBox = layout === 'title' ? layouts.title.subtitle : 'body' in boxes ? boxes.body : undefined;
  const body: PlacedPlaceholder | undefined = bodyBox
    ? {
        box: bodyBox,
        style: runStyle(fonts.body, layout === 'title' ? sizes.subtitle : layout === 'quote' ? sizes.quote : sizes.body, textColor, false),
        anchor: 'top',
        align: 'left',
        ...(layout === 'title' || layout === 'end' || layout === 'quote' ? {} : { bullets: { color: colors.accent, indentInches: theme.spacing.indentInches } }),
      }
    : undefined;
  const image = backgrounds?.[layout];
  // Footer text takes the colour it has on slides: muted on light layouts, the slide's text colour on dark ones.
  const footerStyle = runStyle(fonts.body, sizes.footer, dark || section ? textColor : colors.muted);
  const footerLine = (box: PlacedPlaceholder['box'], align: PlacedPlaceholder['align']): PlacedPlaceholder => ({ box, style: footerStyle, anchor: 'middle', align });
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
