import type { RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { visit } from 'unist-util-visit';
import { report } from '../diagnostics/report.js';
import { cutTooDeep, reportTooDeep } from '../syntax/depth.js';
import type { Comment } from '../syntax/nodes.js';
import type { Context } from './context.js';

/**
 * A comment is a speaker note, unless it is a directive to another tool. Marp and Slidev render
 * notes as Markdown with HTML, so the note is read as Markdown, its tags left out.
 */
export function commentToNotes(comment: Comment, ctx: Context): RootContent[] {
  if (comment.directive) {
    report(ctx.file, 'directive-comment', `the comment "${comment.value.replace(/\s+/g, ' ')}" is a directive to another tool; it is ignored`, comment);
    return [];
  }
  const tree = fromMarkdown(comment.value.replace(/<\/?[A-Za-z][^<>]*>/g, ''));
  // The note is walked recursively below, so it is held to the depth limit first; places inside
  // it are not places in the file, so the error points at the comment.
  if (cutTooDeep(tree, ctx.limits.depth)) reportTooDeep(ctx.file, comment, ctx.limits.depth);
  // Places in the note's text are not places in the file.
  visit(tree, (node) => {
    delete node.position;
  });
  return tree.children.filter((node) => node.type !== 'html');
}
