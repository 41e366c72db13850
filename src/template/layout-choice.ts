import type { LayoutName } from '../outline/schema.js';
import type { PlaceholderType, TemplateLayout, TemplatePlaceholder } from './open-template.js';

/**
 * Which of the template's layouts each deckdown layout uses: by PowerPoint's layout name first,
 * then by the layout type PowerPoint records, as pandoc chooses them.
 */
const WANTED: Record<LayoutName, { names: string[]; types: string[] }> = {
  title: { names: ['Title Slide'], types: ['title'] },
  section: { names: ['Section Header'], types: ['secHead'] },
  agenda: { names: ['Title and Content'], types: ['obj'] },
  content: { names: ['Title and Content'], types: ['obj'] },
  columns: { names: ['Two Content', 'Comparison'], types: ['twoObj', 'twoTxTwoObj'] },
  image: { names: ['Content with Caption', 'Picture with Caption'], types: ['objTx', 'picTx'] },
  quote: { names: ['Title and Content'], types: ['obj'] },
  stat: { names: ['Title and Content'], types: ['obj'] },
  chart: { names: ['Title and Content'], types: ['obj'] },
  end: { names: ['Title Only'], types: ['titleOnly'] },
};

/** The template's "Blank" layout, by name and then by type. */
export function blankLayout(layouts: readonly TemplateLayout[]): TemplateLayout | undefined {
  return layouts.find((layout) => layout.name.toLowerCase() === 'blank') ?? layouts.find((layout) => layout.type === 'blank');
}

export interface LayoutChoice {
  layout: TemplateLayout;
  /** Set when the template lacks the wanted layout: the name that was looked for. */
  missing?: string | undefined;
}

const TITLE: readonly PlaceholderType[] = ['title', 'ctrTitle'];
const CONTENT: readonly PlaceholderType[] = ['obj', 'body', 'subTitle', 'pic', 'tbl', 'chart'];

/** The placeholder of the first of `types` the layout has, lowest index first. */
export function placeholderOfType(layout: TemplateLayout, types: readonly PlaceholderType[]): TemplatePlaceholder | undefined {
  for (const type of types) {
    const found = layout.placeholders.filter((placeholder) => placeholder.type === type).sort((a, b) => a.idx - b.idx)[0];
    if (found) return found;
  }
  return undefined;
}

export const titlePlaceholder = (layout: TemplateLayout) => placeholderOfType(layout, TITLE);
/** The content placeholders of a layout, in index order: the body, the columns, a caption's picture. */
export const contentPlaceholders = (layout: TemplateLayout) => layout.placeholders.filter((placeholder) => CONTENT.includes(placeholder.type)).sort((a, b) => a.idx - b.idx);

function find(layouts: readonly TemplateLayout[], name: LayoutName): TemplateLayout | undefined {
  const { names, types } = WANTED[name];
  const lower = (text: string) => text.toLowerCase();
  // In the order of preference: "Two Content" before "Comparison".
  for (const wanted of names) {
    const named = layouts.find((layout) => lower(layout.name) === lower(wanted));
    if (named) return named;
  }
  for (const type of types) {
    const typed = layouts.find((layout) => layout.type === type);
    if (typed) return typed;
  }
  return undefined;
}

/**
 * A template layout for each deckdown layout. One the template lacks falls back to the
 * template's content layout (or, failing that, the first layout with a title), and says so.
 */
export function chooseLayouts(layouts: readonly TemplateLayout[]): Record<LayoutName, LayoutChoice> {
  const content = find(layouts, 'content') ?? layouts.find((layout) => titlePlaceholder(layout) && contentPlaceholders(layout).length > 0) ?? layouts.find((layout) => titlePlaceholder(layout)) ?? layouts[0];
  if (!content) throw new Error('internal error: a template without layouts was opened');
  return Object.fromEntries(
    (Object.keys(WANTED) as LayoutName[]).map((name) => {
      const found = find(layouts, name);
      return [name, found ? { layout: found } : { layout: content, missing: WANTED[name].names[0]! }];
    }),
  ) as Record<LayoutName, LayoutChoice>;
}
