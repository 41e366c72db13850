import { existsSync, statSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { builtInFonts, METRIC_COMPATIBLE, readFontFile, type FaceStyle, type FontFaces } from './catalog.js';

/**
 * What measuring reads from a font: its advance widths and its character coverage. Declared
 * here rather than taken from fontkit, so that deckdown's published types need no fontkit types.
 */
export interface Face {
  readonly unitsPerEm: number;
  /** The font's own line metrics, in font units: renderers space table cells by them. */
  readonly ascent: number;
  readonly descent: number;
  readonly lineGap: number;
  /** How far text advances, in font units. */
  advance(text: string): number;
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/**
 * Text that changes width when shaped: marks, joiners, flags and skin tones, and every script
 * but those whose letters are drawn one glyph each (Latin, Cyrillic, Greek and their like, and
 * the CJK scripts).
 */
const NEEDS_SHAPING =
  /[^\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Georgian}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Common}]|[\p{M}\u200C\u200D\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}]/u;

/**
 * A font's advances, read from its character map and metrics alone where that gives the width:
 * shaping a word with the font's substitution and positioning tables costs a hundred times more
 * and first parses those tables, some tens of milliseconds a face. The sum leaves out kerning
 * and ligatures: in the shipped faces prose measures within 1 % of its shaped width, mostly
 * wider, and ligatures and kerned capitals only wider; the share of a line left free for
 * renderers' differences (see `layout/measure.ts`) covers the rest. Scripts that need shaping
 * are shaped.
 */
class FontkitFace implements Face {
  private readonly advances = new Map<number, number>();

  constructor(private readonly font: fontkit.Font) {}

  get unitsPerEm(): number {
    return this.font.unitsPerEm;
  }
  get ascent(): number {
    return this.font.ascent;
  }
  get descent(): number {
    return this.font.descent;
  }
  get lineGap(): number {
    return this.font.lineGap;
  }

  hasGlyphForCodePoint(codePoint: number): boolean {
    return this.font.hasGlyphForCodePoint(codePoint);
  }

  advance(text: string): number {
    if (NEEDS_SHAPING.test(text)) {
      // A font whose shaping tables are broken is still measured, by its advances.
      try {
        return this.font.layout(text).advanceWidth;
      } catch {}
    }
    let sum = 0;
    for (const char of text) {
      const code = char.codePointAt(0)!;
      let advance = this.advances.get(code);
      if (advance === undefined) this.advances.set(code, (advance = this.font.glyphForCodePoint(code).advanceWidth));
      sum += advance;
    }
    return sum;
  }
}

/**
 * Fonts parsed once per process: a deck build measures thousands of words with a handful of
 * faces. Each is kept with the size and modification time of its file, so that a build after
 * the file changed (the API serves many builds in one process) reads it again.
 */
const parsed = new Map<string, { stamp: string; face: Face | string }>();

/** The signatures a font file starts with: TrueType, OpenType, Apple TrueType, a collection, WOFF and WOFF2. */
const FONT_SIGNATURES = ['\x00\x01\x00\x00', 'OTTO', 'true', 'ttcf', 'wOFF', 'wOF2'];

/** The face a font file holds, read and tried on a word; why not, when it is not a font. */
function parseFace(path: string): Face | string {
  let bytes: Buffer;
  try {
    bytes = readFontFile(path);
  } catch (error) {
    return `it cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`;
  }
  if (!FONT_SIGNATURES.includes(bytes.subarray(0, 4).toString('latin1'))) return 'it is not a font file (TrueType, OpenType, WOFF or WOFF2)';
  try {
    const font = fontkit.create(bytes);
    // A collection (.ttc) gives its first font; themes name single families.
    const face = new FontkitFace(('fonts' in font ? font.fonts[0] : font) as fontkit.Font);
    // fontkit reads tables when first asked: a broken one shows here, not in the middle of a layout.
    if (!(face.unitsPerEm > 0) || !Number.isFinite(face.advance('Hg') + face.ascent + face.descent)) throw new Error('no metrics');
    face.hasGlyphForCodePoint(0x48);
    return face;
  } catch {
    return 'it is not a font file deckdown can read: its tables are broken';
  }
}

function open(path: string): Face | string {
  let stamp: string;
  try {
    const stat = statSync(path);
    stamp = `${stat.size}:${stat.mtimeMs}`;
  } catch (error) {
    return `it cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`;
  }
  const known = parsed.get(path);
  if (known?.stamp === stamp) return known.face;
  const face = parseFace(path);
  parsed.set(path, { stamp, face });
  return face;
}

/** A font file named under a theme's `fonts.files` that cannot be measured with, at its key. */
export interface FontFileProblem {
  key: (string | number)[];
  reason: string;
}

/**
 * The theme's font files that are fonts, and a problem for each that is not: such a face is left
 * out, and a family without a usable regular face is left out whole, so its text is measured as
 * that of a family without a file.
 */
export function usableFontFiles(files: Readonly<Record<string, FontFaces>> = {}): { files: Record<string, FontFaces>; problems: FontFileProblem[] } {
  const usable: Record<string, FontFaces> = {};
  const problems: FontFileProblem[] = [];
  for (const [family, faces] of Object.entries(files)) {
    const kept: Partial<FontFaces> = {};
    for (const [style, path] of Object.entries(faces) as [FaceStyle, string | undefined][]) {
      if (!path) continue;
      const face = open(path);
      if (typeof face !== 'string') kept[style] = path;
      else problems.push({ key: ['fonts', 'files', family, style], reason: `font file "${path}" for ${style} "${family}" is left out: ${face}` });
    }
    if (kept.regular) usable[family] = kept as FontFaces;
  }
  return { files: usable, problems };
}

/**
 * The font files a theme measures with, by family name. Office families are measured with
 * their metric-compatible open counterparts.
 */
export class FontSet {
  private readonly families: Record<string, FontFaces>;
  /** The faces this set has opened: a file is looked at once per set, so once per build. */
  private readonly opened = new Map<string, Face | undefined>();

  constructor(extra: Record<string, FontFaces> = {}) {
    this.families = { ...builtInFonts(), ...extra };
  }

  /** The family whose files stand for `family`, or undefined when deckdown has none. */
  resolve(family: string): string | undefined {
    if (this.families[family]) return family;
    const compatible = METRIC_COMPATIBLE[family];
    return compatible && this.families[compatible] ? compatible : undefined;
  }

  /** The face for a style, falling back to the nearest face the family has. */
  face(family: string, bold: boolean, italic: boolean): Face | undefined {
    const resolved = this.resolve(family);
    if (!resolved) return undefined;
    const faces = this.families[resolved]!;
    const path = (bold && italic ? faces.boldItalic : undefined) ?? (bold ? faces.bold : undefined) ?? (italic ? faces.italic : undefined) ?? faces.regular;
    if (!this.opened.has(path)) {
      const face = open(path);
      this.opened.set(path, typeof face === 'string' ? undefined : face);
    }
    return this.opened.get(path);
  }

  /** Every file behind the given families, for installing them where renderers look. */
  files(families: readonly string[]): string[] {
    return [...new Set(families.flatMap((family) => {
      const resolved = this.resolve(family);
      return resolved ? Object.values(this.families[resolved]!).filter((path): path is string => Boolean(path) && existsSync(path!)) : [];
    }))];
  }
}
