import { existsSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { builtInFonts, METRIC_COMPATIBLE, readFontFile, type FontFaces } from './catalog.js';

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
  layout(text: string): { advanceWidth: number };
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/** Fonts parsed once per process: a deck build measures thousands of words with a handful of faces. */
const parsed = new Map<string, Face>();

function open(path: string): Face {
  let face = parsed.get(path);
  if (!face) {
    const font = fontkit.create(readFontFile(path));
    // A collection (.ttc) gives its first font; themes name single families.
    face = ('fonts' in font ? font.fonts[0] : font) as fontkit.Font;
    parsed.set(path, face);
  }
  return face;
}

/**
 * The font files a theme measures with, by family name. Office families are measured with
 * their metric-compatible open counterparts.
 */
export class FontSet {
  private readonly families: Record<string, FontFaces>;

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
    return open(path);
  }

  /** Every file behind the given families, for installing them where renderers look. */
  files(families: readonly string[]): string[] {
    return [...new Set(families.flatMap((family) => {
      const resolved = this.resolve(family);
      return resolved ? Object.values(this.families[resolved]!).filter((path): path is string => Boolean(path) && existsSync(path!)) : [];
    }))];
  }
}
