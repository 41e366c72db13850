/** Directive attributes: `{width=40%}` and friends. */

/** A percentage such as "40%" or "40", or undefined when it is not one. */
export function parsePercent(value: string | null | undefined): number | undefined {
  const match = value?.trim().match(/^(\d+(?:\.\d+)?)\s*%?$/);
  const number = match ? Number(match[1]) : NaN;
  return number > 0 && number <= 100 ? number : undefined;
}

export function attribute(node: { attributes?: Record<string, string | null | undefined> | null | undefined }, name: string): string | undefined {
  return node.attributes?.[name] ?? undefined;
}
