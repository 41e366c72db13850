import { isAlias, visit, type Document } from 'yaml';

/** A YAML document's value, or why it has none, at the alias to blame. */
export type DocumentValue = { value: unknown } | { reason: string; offset: number };

/**
 * A YAML document's value, bounded: aliases can multiply a small file into a huge value (the
 * "billion laughs"), and an alias to an anchor that is not set yet has none. Both are refused,
 * at the first alias, instead of throwing.
 */
export function documentValue(document: Document): DocumentValue {
  try {
    return { value: document.toJS({ maxAliasCount: 100 }) };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    let offset = 0;
    visit(document, (_key, node) => {
      if (!isAlias(node)) return undefined;
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    });
    const unresolved = /Unresolved alias/.test(error.message);
    return { reason: unresolved ? 'a YAML alias names an anchor that is not set before it' : 'YAML aliases expand past any sensible size; write the values out instead', offset };
  }
}
