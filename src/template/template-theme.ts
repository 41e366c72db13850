import type { LayoutName } from '../outline/schema.js';
import { contrastRatio } from '../theme/contrast.js';
import { schemeThemeColors } from '../theme/scheme-colors.js';
import { scaledGeometry, scaledType } from '../theme/resize.js';
import type { Box, Theme } from '../theme/schema.js';
import { contentPlaceholders, placeholderOfType, titlePlaceholder, type LayoutChoice } from './layout-choice.js';
import type { Template, TemplateLayout } from './open-template.js';

/** The smallest box that holds all of `boxes`. */
function union(boxes: readonly Box[]): Box {
  const x = Math.min(...boxes.map((box) => box.x));
  const y = Math.min(...boxes.map((box) => box.y));
  const right = Math.max(...boxes.map((box) => box.x + box.w));
  const bottom = Math.max(...boxes.map((box) => box.y + box.h));
  return { x, y, w: right - x, h: bottom - y };
}

/** Of two colours, the one that reads better on `background`. */
function readableOn(background: string, a: string, b: string): string {
  return contrastRatio(a, background) >= contrastRatio(b, background) ? a : b;
}

/**
 * The theme a deck built on a template is laid out with: the template's slide size, its
 * placeholders' frames, text sizes and colours, its theme fonts and colours. What the template
 * does not decide (spacing, floors, code colours) comes from `base`, scaled to the slide.
 * Fitting measures with exactly the frames and sizes the slides will inherit.
 */
export function templateTheme(template: Template, choice: Record<LayoutName, LayoutChoice>, unscaled: Theme): Theme {
  const base = scaledType(unscaled, template.heightInches / unscaled.slide.heightInches);
  const scaled = scaledGeometry(base, template.widthInches, template.heightInches);
  const colors = { ...base.colors, ...schemeThemeColors((slot, fallback) => template.colors[slot] ?? fallback, base) };
  const layoutOf = (name: LayoutName) => choice[name].layout;
  const content = layoutOf('content');

  // Light and dark layouts take the colours their template layout's background gives.
  const coloursOn = (layout: TemplateLayout) => {
    const background = layout.background ?? colors.background;
    const title = titlePlaceholder(layout)?.color;
    return { background, text: title ?? readableOn(background, colors.heading, colors.background) };
  };
  const titleColours = coloursOn(layoutOf('title'));
  const sectionColours = coloursOn(layoutOf('section'));

  const bodyBoxes = (layout: TemplateLayout, fallback: Box): Box => {
    const boxes = contentPlaceholders(layout).map((placeholder) => placeholder.box);
    return boxes.length > 0 ? union(boxes) : fallback;
  };
  const contentTitle = titlePlaceholder(content)?.box ?? scaled.layouts.content.title;
  const contentBody = bodyBoxes(content, scaled.layouts.content.body);
  /**
   * The accent rule sits under the title, as in the built-in themes, and above whatever comes
   * next: a deck built on the template draws the template's decorations instead, but a theme
   * imported from it draws the rule.
   */
  const ruleUnder = (title: Box, nextTop: number, rule: Box): Box => {
    const room = Math.max(0, nextTop - (title.y + title.h) - rule.h);
    return { x: title.x + base.spacing.insetInches, y: title.y + title.h + Math.min(room / 2, rule.h * 2), w: rule.w, h: rule.h };
  };
  const bodyLayout = (name: LayoutName) => {
    const layout = layoutOf(name);
    const title = titlePlaceholder(layout)?.box ?? contentTitle;
    const body = bodyBoxes(layout, contentBody);
    const rule = scaled.layouts.content.rule;
    return { title, body, ...(rule ? { rule: ruleUnder(title, body.y, rule) } : {}) };
  };

  const titleLayout = layoutOf('title');
  const ctrTitle = titlePlaceholder(titleLayout)?.box ?? scaled.layouts.title.title;
  const subtitle = placeholderOfType(titleLayout, ['subTitle', 'body', 'obj'])?.box ?? scaled.layouts.title.subtitle;
  const footer = placeholderOfType(content, ['ftr'])?.box ?? scaled.footer.text;
  // Author and date go under the subtitle, above the footer.
  const metaTop = subtitle.y + subtitle.h;
  const meta = { x: subtitle.x, y: metaTop, w: subtitle.w, h: Math.max(0.3, Math.min(1, footer.y - metaTop)) };

  const sectionTitle = titlePlaceholder(layoutOf('section'))?.box ?? scaled.layouts.section.title;
  const image = layoutOf('image');
  const picture = placeholderOfType(image, ['pic', 'obj', 'chart', 'tbl']);
  const caption = placeholderOfType(image, ['body']);
  const sizeOf = (layout: TemplateLayout, types: Parameters<typeof placeholderOfType>[1], fallback: number) => placeholderOfType(layout, types)?.sizePt ?? fallback;

  return {
    ...base,
    name: base.name,
    slide: { widthInches: template.widthInches, heightInches: template.heightInches },
    colors: {
      ...colors,
      titleBackground: titleColours.background,
      titleText: titleColours.text,
      sectionBackground: sectionColours.background,
      sectionText: sectionColours.text,
      heading: titlePlaceholder(content)?.color ?? colors.heading,
    },
    fonts: { ...base.fonts, ...(template.fonts.heading ? { heading: template.fonts.heading } : {}), ...(template.fonts.body ? { body: template.fonts.body } : {}) },
    sizes: {
      ...base.sizes,
      title: sizeOf(titleLayout, ['ctrTitle', 'title'], base.sizes.title),
      subtitle: sizeOf(titleLayout, ['subTitle', 'body'], base.sizes.subtitle),
      sectionTitle: sizeOf(layoutOf('section'), ['title'], base.sizes.sectionTitle),
      slideTitle: sizeOf(content, ['title'], base.sizes.slideTitle),
      body: sizeOf(content, ['obj', 'body'], base.sizes.body),
      footer: sizeOf(content, ['ftr'], base.sizes.footer),
    },
    layouts: {
      ...scaled.layouts,
      title: { title: ctrTitle, rule: ruleUnder(ctrTitle, subtitle.y, scaled.layouts.title.rule), subtitle, meta },
      section: { title: sectionTitle, rule: ruleUnder(sectionTitle, template.heightInches, scaled.layouts.section.rule) },
      agenda: bodyLayout('agenda'),
      content: bodyLayout('content'),
      columns: bodyLayout('columns'),
      image: { ...bodyLayout('image'), ...(picture && caption ? { picture: picture.box, body: caption.box } : { picture: scaled.layouts.image.picture }) },
      quote: bodyLayout('quote'),
      stat: bodyLayout('stat'),
      chart: bodyLayout('chart'),
      end: bodyLayout('end'),
    },
    footer: { text: footer, slideNumber: placeholderOfType(content, ['sldNum'])?.box ?? scaled.footer.slideNumber },
    // The template's own master and layouts carry its logo, backgrounds and decorations.
    logo: undefined,
    backgrounds: undefined,
  };
}
