import type { BlockContent, DefinitionContent, List as MdastList, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.js';
import { phrasingToRuns, sourceOf } from './inline.js';
import type { Block, Inline, List, ListItem } from './schema.js';

/** mdast block content → outline blocks. Anything without a slide form keeps its text and is reported. */
export function blocksToOutline(nodes: readonly (RootContent | BlockContent | DefinitionContent)[], file: VFile): Block[] {
  return nodes.flatMap((node) => blockToOutline(node, file));
}

function blockToOutline(node: RootContent | BlockContent | DefinitionContent, file: VFile): Block[] {
  switch (node.type) {
    case 'paragraph':
      return [{ type: 'paragraph', runs: phrasingToRuns(node.children, file) }];
    case 'heading':
      return [{ type: 'subheading', runs: phrasingToRuns(node.children, file) }];
    case 'list':
      return [listToOutline(node, file)];
    case 'code':
      return [{ type: 'code', ...(node.lang ? { lang: node.lang } : {}), text: node.value }];
    case 'definition':
      // Link reference definitions are resolved by the parser and have no slide form of their own.
      return [];
    case 'containerDirective':
      // Known containers are taken out before this point; an unknown one keeps its content.
      report(file, 'unsupported-node', `unknown directive ":::${node.name}"; its content is kept`, node);
      return blocksToOutline(node.children, file);
    case 'html':
      report(file, 'unsupported-node', 'raw HTML is not rendered; it is kept as text', node);
      return keepText(node.value);
    default: {
      report(file, 'unsupported-node', `${node.type} has no slide form yet; its text is kept`, node);
      // The source as written keeps every character, where the bare text would run cells together.
      return keepText(sourceOf(node, file) ?? toString(node));
    }
  }
}

/** Text kept as written: one paragraph, its source lines separated by line breaks. */
function keepText(text: string): Block[] {
  const lines = text.trim().split(/\r?\n/);
  if (lines.join('') === '') return [];
  const runs = lines.flatMap((line, index): Inline[] => [...(index > 0 ? [{ type: 'break' } as const] : []), { type: 'text', text: line }]);
  return [{ type: 'paragraph', runs }];
}

function listToOutline(node: MdastList, file: VFile): List {
  const items: ListItem[] = node.children.map((item) => ({
    ...(typeof item.checked === 'boolean' ? { checked: item.checked } : {}),
    blocks: blocksToOutline(item.children, file),
  }));
  return {
    type: 'list',
    ordered: node.ordered === true,
    ...(node.ordered && typeof node.start === 'number' ? { start: node.start } : {}),
    items,
  };
}
