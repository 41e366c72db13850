import type { RootContent } from 'mdast';
import { report } from '../diagnostics/report.js';
import type { Comment } from '../syntax/nodes.js';
import type { Context } from './context.js';

/** A comment is a speaker note, a paragraph per blank-line-separated part, unless it is a directive to another tool. */
export function commentToNotes(comment: Comment, ctx: Context): RootContent[] {
  if (comment.directive) {
    report(ctx.file, 'directive-comment', `the comment "${comment.value.replace(/\s+/g, " ")}" is a directive to another tool; it is ignored`, comment);
    return [];
  }
  return comment.value
    .split(/\n\s*\n/)
    .map((text) => text.trim())
    .filter(Boolean)
    .map((text) => ({ type: 'paragraph', children: [{ type: 'text', value: text }] }));
}
