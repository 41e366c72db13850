import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The four faces of a family; a missing face falls back to the nearest one that exists. */
export interface FontFaces {
  regular: string;
  bold?: string | undefined;
  italic?: string | undefined;
  boldItalic?: string | undefined;
}

const require = createRequire(import.meta.url);

/** A face from one of the @expo-google-fonts packages: complete TrueType files, not web subsets. */
function packaged(pkg: string, prefix: string): FontFaces {
  const root = dirname(require.resolve(`${pkg}/package.json`));
  const face = (folder: string) => join(root, folder, `${prefix}_${folder}.ttf`);
  return { regular: face('400Regular'), bold: face('700Bold'), italic: face('400Regular_Italic'), boldItalic: face('700Bold_Italic') };
}

/**
 * The families deckdown ships, by the name themes use. These are the files the layout measures
 * with; `deckdown fonts --install` puts the same files where LibreOffice and PowerPoint find them.
 */
export function builtInFonts(): Record<string, FontFaces> {
  const mono = packaged('@expo-google-fonts/noto-sans-mono', 'NotoSansMono');
  const emoji = packaged('@expo-google-fonts/noto-emoji', 'NotoEmoji');
  return {
    'Noto Sans': packaged('@expo-google-fonts/noto-sans', 'NotoSans'),
    'Noto Sans Mono': { regular: mono.regular, bold: mono.bold },
    'Noto Emoji': { regular: emoji.regular, bold: emoji.bold },
    Carlito: packaged('@expo-google-fonts/carlito', 'Carlito'),
    Caladea: packaged('@expo-google-fonts/caladea', 'Caladea'),
    Arimo: packaged('@expo-google-fonts/arimo', 'Arimo'),
    Tinos: packaged('@expo-google-fonts/tinos', 'Tinos'),
    Cousine: packaged('@expo-google-fonts/cousine', 'Cousine'),
  };
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
