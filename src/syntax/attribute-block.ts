/** pandoc's attribute blocks: `{#id .class key=value key="a value"}`, and raw-format markers `{=html}`. */
export interface AttributeBlock {
  id?: string | undefined;
  classes: string[];
  pairs: Record<string, string>;
  /** `{=format}`: the content is raw output for that format. */
  raw?: string | undefined;
}

// One token per match, anchored where the last one ended, so the scan is linear in the input.
const TOKEN = /[ \t\n]*(?:#([^\s{}#.=]+)|\.([^\s{}#.=]+)|=([A-Za-z][\w-]*)|(-)|([^\s{}=#."']+)=(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s{}"']*)))/y;

/** The inside of `{…}` as attributes, or undefined when it is not an attribute block. */
export function parseAttributeBlock(inner: string): AttributeBlock | undefined {
  const result: AttributeBlock = { classes: [], pairs: {} };
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < inner.length) {
    if (inner.slice(at).trim() === '') break;
    TOKEN.lastIndex = at;
    const match = TOKEN.exec(inner);
    if (!match) return undefined;
    at = TOKEN.lastIndex;
    const [, id, className, raw, unnumbered, key, doubleQuoted, singleQuoted, bare] = match;
    if (id !== undefined) result.id = id;
    else if (className !== undefined) result.classes.push(className);
    else if (raw !== undefined) result.raw = raw;
    else if (unnumbered !== undefined) result.classes.push('unnumbered');
    else if (key !== undefined) result.pairs[key] = doubleQuoted?.replace(/\\(.)/g, '$1') ?? singleQuoted ?? bare ?? '';
  }
  return result;
}

/** An attribute block at the very start of `text`: the attributes and how many characters it takes. */
export function leadingAttributes(text: string): { attributes: AttributeBlock; length: number } | undefined {
  if (!text.startsWith('{')) return undefined;
  const close = text.indexOf('}');
  if (close < 0 || text.lastIndexOf('{', close) !== 0) return undefined;
  const attributes = parseAttributeBlock(text.slice(1, close));
  return attributes ? { attributes, length: close + 1 } : undefined;
}

/** An attribute block at the very end of `text` (after trailing white space): the attributes and where the block starts. */
export function trailingAttributes(text: string): { attributes: AttributeBlock; start: number } | undefined {
  const end = text.trimEnd();
  if (!end.endsWith('}')) return undefined;
  const start = end.lastIndexOf('{');
  if (start < 0 || end.indexOf('}', start) !== end.length - 1) return undefined;
  const attributes = parseAttributeBlock(end.slice(start + 1, -1));
  return attributes ? { attributes, start } : undefined;
}

/** A short description of attributes that are dropped, for info messages: `#id .class key=value`. */
export function describeAttributes(attributes: AttributeBlock, keep: readonly string[] = []): string {
  return [
    ...(attributes.id && !keep.includes('id') ? [`#${attributes.id}`] : []),
    ...attributes.classes.filter((name) => !keep.includes(`.${name}`)).map((name) => `.${name}`),
    ...Object.entries(attributes.pairs).filter(([key]) => !keep.includes(key)).map(([key, value]) => `${key}=${value}`),
  ].join(' ');
}
