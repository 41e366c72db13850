/**
 * Array helpers for arrays as long as the input makes them. Spreading an array into a call
 * (`push(...items)`, `Math.max(...values)`) passes each item as an argument, which overflows the
 * stack past about a hundred thousand: a table of a million rows, a paragraph of as many runs.
 */

/** Appends `items` to `target`, one by one. */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of `values`, or `empty` when there are none. */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let most = empty;
  for (const value of values) most = Math.max(most, value);
  return most;
}
