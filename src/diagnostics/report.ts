import type { Node } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { clipQuotes } from './printable.js';
import { rules, SOURCE, type RuleId } from './rules.js';
import type { Position } from '../outline/schema.js';

type Place = Node | Position | undefined;

/**
 * Record a problem in the user's file. The rule decides whether it is fatal; the message
 * keeps the place so that every report can name line and column.
 */
export function report(file: VFile, ruleId: RuleId, reason: string, place?: Place): VFileMessage {
  const at = place && 'type' in place ? { place: place.position } : place ? { place: place } : {};
  const message = file.message(clipQuotes(reason), { ...at, ruleId, source: SOURCE });
  const { severity } = rules[ruleId];
  // vfile's convention: true for errors, false for warnings, undefined for information.
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
  return message;
}

export function hasErrors(messages: readonly VFileMessage[]): boolean {
  return messages.some((message) => message.fatal === true);
}
