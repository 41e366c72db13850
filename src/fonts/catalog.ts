import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { packageRoot } from '../package-root.js';

/** The four faces of a family; a missing face falls back to the nearest one that exists. */
export interface FontFaces {
  regular: string;
  bold?: string | undefined;
  italic?: string | undefined;
  boldItalic?: string | undefined;
}

/** One of the four styles a family can have. */
export type FaceStyle = keyof FontFaces;

/** A family deckdown ships: the package its TrueType files come from, and the styles themes use. */
export interface ShippedFamily {
  /** An @expo-google-fonts package: Google Fonts' complete TrueType files, not web subsets. */
  source: string;
  /** How the package's file names begin. */
  prefix: string;
  styles: readonly FaceStyle[];
}

const FOUR_STYLES = ['regular', 'bold', 'italic', 'boldItalic'] as const;
const UPRIGHT = ['regular', 'bold'] as const;

/**
 * The families deckdown ships, by the name themes use, and only the faces they use: the build
 * copies these from their packages (see `src/build/`), so an install carries a few megabytes of
 * fonts, not every weight of every family.
 */
export const SHIPPED_FAMILIES: Readonly<Record<string, ShippedFamily>> = {
  'Noto Sans': { source: '@expo-google-fonts/noto-sans', prefix: 'NotoSans', styles: FOUR_STYLES },
  'Noto Sans Mono': { source: '@expo-google-fonts/noto-sans-mono', prefix: 'NotoSansMono', styles: UPRIGHT },
  'Noto Emoji': { source: '@expo-google-fonts/noto-emoji', prefix: 'NotoEmoji', styles: UPRIGHT },
  Carlito: { source: '@expo-google-fonts/carlito', prefix: 'Carlito', styles: FOUR_STYLES },
  Caladea: { source: '@expo-google-fonts/caladea', prefix: 'Caladea', styles: FOUR_STYLES },
  Arimo: { source: '@expo-google-fonts/arimo', prefix: 'Arimo', styles: FOUR_STYLES },
  Tinos: { source: '@expo-google-fonts/tinos', prefix: 'Tinos', styles: FOUR_STYLES },
  Cousine: { source: '@expo-google-fonts/cousine', prefix: 'Cousine', styles: FOUR_STYLES },
};

const STYLE_FOLDERS: Record<FaceStyle, string> = { regular: '400Regular', bold: '700Bold', italic: '400Regular_Italic', boldItalic: '700Bold_Italic' };

/** A shipped face's file within its source package, as the package lays it out. */
export function faceSourceFile(family: ShippedFamily, style: FaceStyle): string {
  return `${STYLE_FOLDERS[style]}/${family.prefix}_${STYLE_FOLDERS[style]}.ttf`;
}

/**
 * Where the build puts the shipped faces: brotli-compressed TrueType files, which Node reads
 * back with its own zlib, byte for byte.
 */
export const shippedFontsDir = join(packageRoot, 'dist', 'fonts');
const COMPRESSED = '.br';

/** A shipped face's path, as the build writes it. */
export function shippedFacePath(family: ShippedFamily, style: FaceStyle): string {
  return join(shippedFontsDir, basename(faceSourceFile(family, style)) + COMPRESSED);
}

/** The files of the families deckdown ships, by family name. */
export function builtInFonts(): Record<string, FontFaces> {
  const fonts: Record<string, FontFaces> = {};
  for (const [name, family] of Object.entries(SHIPPED_FAMILIES)) {
    const faces: FontFaces = { regular: shippedFacePath(family, 'regular') };
    for (const style of family.styles) faces[style] = shippedFacePath(family, style);
    fonts[name] = faces;
  }
  return fonts;
}

/** A font file's bytes: a shipped face is stored compressed, a theme's own file as it is. */
export function readFontFile(path: string): Buffer {
  // Only deckdown's own faces are decompressed: a theme's `.br` file could unpack to gigabytes.
  if (!path.endsWith(COMPRESSED) || dirname(path) !== shippedFontsDir) return readFileSync(path);
  if (!existsSync(path)) throw new Error(`deckdown's font files are missing (${path}): run "npm run build" in the package`);
  return brotliDecompressSync(readFileSync(path));
}

/** The name a font file is installed under: a shipped face as the TrueType file it was. */
export function installedFontName(path: string): string {
  const name = basename(path);
  return name.endsWith(COMPRESSED) ? name.slice(0, -COMPRESSED.length) : name;
}

/**
 * Office fonts are not free to ship; their metric-compatible open counterparts have the same
 * advance widths, so text measured with them breaks where it will break in PowerPoint.
 */
export const METRIC_COMPATIBLE: Record<string, string> = {
  Calibri: 'Carlito',
  Cambria: 'Caladea',
  Arial: 'Arimo',
  Helvetica: 'Arimo',
  'Times New Roman': 'Tinos',
  'Courier New': 'Cousine',
};

/**
 * What text in a family deckdown has no file for is measured with: Noto Sans made wider, so that
 * the unknown font, which is usually wider, still finds room.
 */
export const STAND_IN = { family: 'Noto Sans', widthScale: 1.1 } as const;
