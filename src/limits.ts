/**
 * Budgets that bound every build in time and memory, whatever the input. Each has a default
 * generous enough for any real deck; a caller raises or lowers one through the API's `limits`
 * option or the CLI's `--limit name=value`. Going over one is an error that names the limit.
 */
export interface Limits {
  /** Bytes of Markdown, outline JSON or theme file read. */
  inputBytes: number;
  /** Blocks nested in blocks (quotes, lists, columns) and inline formatting nested in formatting. */
  depth: number;
  /** Slides in one deck, continuations included. */
  slides: number;
  /** Cells in one table. */
  tableCells: number;
  /** Values in one chart. */
  chartPoints: number;
  /** Pixels of one picture (width × height). */
  imagePixels: number;
  /** Bytes of one SVG picture. */
  svgBytes: number;
  /** Elements of one SVG picture, each `<use>` copy counted. */
  svgElements: number;
  /** Elements nested in elements in one SVG picture. */
  svgDepth: number;
  /** Bytes of a template or reference doc archive. */
  archiveBytes: number;
  /** Entries of a template archive. */
  archiveEntries: number;
  /** Bytes a template archive may unpack to, as a multiple of its own size; each entry past its first MiB too, as a multiple of its packed size. */
  expansionRatio: number;
  /**
   * Bytes of memory one deck's build may hold (the JavaScript heap of its worker): the parser
   * takes far more per byte of dense Markdown than the input budget can bound.
   */
  heapBytes: number;
  /** Seconds one deck's build may take, whatever in it is slow. */
  buildSeconds: number;
}

/** The budgets a build has unless the caller sets others. */
export const DEFAULT_LIMITS: Readonly<Limits> = {
  inputBytes: 10 * 1024 * 1024,
  depth: 64,
  slides: 20_000,
  tableCells: 10_000,
  chartPoints: 10_000,
  imagePixels: 100_000_000,
  svgBytes: 5 * 1024 * 1024,
  svgElements: 50_000,
  svgDepth: 256,
  archiveBytes: 200 * 1024 * 1024,
  archiveEntries: 10_000,
  expansionRatio: 100,
  heapBytes: 2 * 1024 * 1024 * 1024,
  buildSeconds: 300,
};

/** The CLI's names of the limits, as `--limit name=value` takes them. */
const FLAG_NAMES: Readonly<Record<string, keyof Limits>> = Object.fromEntries(
  Object.keys(DEFAULT_LIMITS).map((key) => [key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`), key as keyof Limits]),
);

/** The limits in force: the defaults, with the caller's overrides. */
export function limitsWith(overrides: Partial<Limits> | undefined): Limits {
  return { ...DEFAULT_LIMITS, ...overrides };
}

/** A limit's name as the CLI spells it, for messages that tell the user how to raise it. */
export function limitFlag(key: keyof Limits): string {
  return `--limit ${Object.entries(FLAG_NAMES).find(([, value]) => value === key)![0]}=`;
}

/** The sentence every over-budget error ends with. */
export function overLimit(what: string, key: keyof Limits, limits: Limits): string {
  return `${what} exceeds the limit of ${limits[key].toLocaleString('en')} (${limitFlag(key)}<n> raises it)`;
}

/**
 * `--limit name=value` settings as overrides; a value may end in k, M or G (powers of 1024 for
 * byte limits, of 1000 otherwise). Returns a reason instead when a setting is not understood.
 */
export function parseLimits(settings: readonly string[]): Partial<Limits> | string {
  const overrides: Partial<Limits> = {};
  for (const setting of settings) {
    const match = /^([a-z-]+)=(\d+(?:\.\d+)?)([kMG]?)$/.exec(setting);
    const key = match ? FLAG_NAMES[match[1]!] : undefined;
    if (!match || !key) return `--limit ${setting}: expected name=number, with a name among ${Object.keys(FLAG_NAMES).join(', ')}`;
    const base = key.endsWith('Bytes') ? 1024 : 1000;
    const power = ['', 'k', 'M', 'G'].indexOf(match[3]!);
    overrides[key] = Math.round(Number(match[2]) * base ** power);
  }
  return overrides;
}
