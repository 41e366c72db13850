import type { Block, Inline, List } from '../outline/schema.js';
import type { Theme } from '../theme/schema.js';
import type { Bullet, PlacedParagraph, PlacedRun, RunStyle } from './frames.js';

/** What a text frame's paragraphs look like before any block adds its own marks. */
export interface TextStyle {
  base: RunStyle;
  headingColor: string;
  bulletColor: string;
  linkColor: string;
  monoFont: string;
  codeColor: string;
  codeSizePt: number;
  spaceAfterPt: number;
  lineSpacing: number;
  indentInches: number;
  align: PlacedParagraph['align'];
}

const BULLETS = ['•', '–', '◦', '▪'];
const TASK_BOXES = { true: '☑', false: '☐' } as const;

export function runsToPlaced(runs: readonly Inline[], style: TextStyle, extra: Partial<RunStyle> = {}): PlacedRun[] {
  return runs.map((run): PlacedRun => {
    if (run.type === 'break') return run;
    const base = { ...style.base, ...extra };
    return {
      type: 'text',
      text: run.text,
      font: run.code ? style.monoFont : base.font,
      sizePt: base.sizePt,
      color: run.href ? style.linkColor : run.code ? style.codeColor : base.color,
      bold: base.bold || run.bold === true,
      italic: base.italic || run.italic === true,
      strike: base.strike || run.strike === true,
      ...(run.href ? { href: run.href } : {}),
    };
  });
}

function paragraph(runs: PlacedRun[], style: TextStyle, fields: Partial<PlacedParagraph> = {}): PlacedParagraph {
  return {
    runs,
    align: style.align,
    level: 0,
    bullet: { type: 'none' },
    marginInches: 0,
    hangInches: 0,
    spaceBeforePt: 0,
    spaceAfterPt: style.spaceAfterPt,
    lineSpacing: style.lineSpacing,
    endSizePt: style.base.sizePt,
    ...fields,
  };
}

/** Outline blocks → paragraphs with bullets, indents and marks resolved. */
export function blocksToParagraphs(blocks: readonly Block[], style: TextStyle, level = 0): PlacedParagraph[] {
  return blocks.flatMap((block): PlacedParagraph[] => {
    const indent = { marginInches: level * style.indentInches, level };
    switch (block.type) {
      case 'paragraph':
        return [paragraph(runsToPlaced(block.runs, style), style, indent)];
      case 'subheading':
        return [paragraph(runsToPlaced(block.runs, style, { bold: true, color: style.headingColor }), style, indent)];
      case 'code':
        return block.text.split('\n').map((line, index, lines) =>
          paragraph(
            runsToPlaced([{ type: 'text', text: line }], style, { font: style.monoFont, sizePt: style.codeSizePt, color: style.codeColor }),
            style,
            { ...indent, endSizePt: style.codeSizePt, spaceAfterPt: index === lines.length - 1 ? style.spaceAfterPt : 0, lineSpacing: 1 },
          ),
        );
      case 'list':
        return listToParagraphs(block, style, level);
    }
  });
}

function listToParagraphs(list: List, style: TextStyle, level: number): PlacedParagraph[] {
  const start = list.start ?? 1;
  return list.items.flatMap((item, index) => {
    const bullet: Bullet = list.ordered
      ? { type: 'number', startAt: start + index, color: style.bulletColor }
      : { type: 'char', char: BULLETS[level % BULLETS.length]!, color: style.bulletColor };
    const hang = style.indentInches * (list.ordered ? 1.1 : 0.8);
    const [first, ...rest] = item.blocks;
    const lead = first?.type === 'paragraph' ? first : undefined;
    const taskBox: Inline[] = item.checked === undefined ? [] : [{ type: 'text', text: `${TASK_BOXES[`${item.checked}`]} ` }];
    const leadRuns = [...taskBox, ...(lead?.runs ?? [])];
    const head = paragraph(runsToPlaced(leadRuns, style), style, {
      level,
      bullet,
      marginInches: level * style.indentInches + hang,
      hangInches: hang,
    });
    // Further paragraphs of the item line up with its text; nested lists go one level deeper.
    const body = (lead ? rest : item.blocks).flatMap((block) =>
      block.type === 'list'
        ? listToParagraphs(block, style, level + 1)
        : blocksToParagraphs([block], style, level).map((p) => ({ ...p, marginInches: p.marginInches + hang })),
    );
    return [head, ...body];
  });
}
