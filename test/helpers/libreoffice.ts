import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { promisify } from 'node:util';
import { userFontDir } from '../../src/cli/fonts.js';
import { convertToPdf } from '../../src/cli/preview.js';
import { METRIC_COMPATIBLE } from '../../src/fonts/catalog.js';
import { themeFonts } from '../../src/fonts/theme-fonts.js';
import { loadTheme } from '../../src/theme/load.js';
import { listThemes } from '../../src/theme/registry.js';

const exec = promisify(execFile);

function which(command: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const soffice = which('soffice') ?? which('libreoffice');
const poppler = which('pdftotext') && which('pdfinfo');

/** The font file fontconfig gives LibreOffice for a family, or undefined without fontconfig. */
function fontFileFor(family: string): string | undefined {
  try {
    return execFileSync('fc-match', ['-f', '%{file}', family], { encoding: 'utf8' }) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Families of the built-in themes, and the Office families templates name, that LibreOffice
 * would draw with other files than the layout measures with.
 */
function foreignFonts(): string[] {
  const families = [...themeFonts(listThemes().map((name) => loadTheme(name))).map((font) => font.family), ...Object.keys(METRIC_COMPATIBLE)];
  const installed = userFontDir(process.env);
  return families.filter((family) => !fontFileFor(family)?.startsWith(installed));
}

function missingPieces(): string | undefined {
  if (!soffice || !poppler) return 'LibreOffice (soffice) or poppler-utils (pdftotext, pdfinfo) is missing. Install them with: apt-get install libreoffice-impress-nogui poppler-utils';
  const foreign = foreignFonts();
  if (foreign.length > 0) return `LibreOffice would draw ${foreign.join(', ')} with other font files than deckdown measures with. Install deckdown's with: npm run deckdown -- fonts --install`;
  return undefined;
}

/**
 * Whether the real client is here, with the fonts the layout measures with. In CI their absence
 * is a failure, not a skip: the tests that need them must run there. Locally they are skipped, loudly.
 */
const missing = missingPieces();
export const hasLibreOffice = missing === undefined;
if (missing) {
  if (process.env.CI) throw new Error(`${missing} (CI must run the real-client tests)`);
  console.warn(`\n${'!'.repeat(100)}\nThe real-client tests are SKIPPED: ${missing}\n${'!'.repeat(100)}\n`);
}

/** A deck → PDF, the way `deckdown preview` converts it. */
export function pptxToPdf(pptx: Uint8Array, name = 'deck'): Promise<string> {
  return convertToPdf(pptx, name);
}

export async function pageCount(pdf: string): Promise<number> {
  const { stdout } = await exec('pdfinfo', [pdf]);
  return Number(stdout.match(/^Pages:\s+(\d+)/m)?.[1]);
}

/** The words on one page, whitespace collapsed. */
export async function pageText(pdf: string, page: number): Promise<string> {
  const { stdout } = await exec('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-']);
  return stdout.replace(/\s+/g, ' ').trim();
}

export interface PdfLine {
  box: { xMin: number; yMin: number; xMax: number; yMax: number };
  words: { text: string; xMin: number; yMin: number; xMax: number; yMax: number }[];
}

export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
}

function numbers(attributes: string): Record<string, number> {
  return Object.fromEntries([...attributes.matchAll(/(\w+)="([\d.-]+)"/g)].map((match) => [match[1]!, Number(match[2])]));
}

function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Every page's lines and words with their boxes, in points from the top left (pdftotext -bbox-layout). */
export async function pdfLayout(pdf: string): Promise<PdfPage[]> {
  const { stdout } = await exec('pdftotext', ['-bbox-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout.split('<page ').slice(1).map((page) => {
    const size = numbers(page.slice(0, page.indexOf('>')));
    const lines = [...page.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)].map((line) => ({
      box: numbers(line[1]!) as PdfLine['box'],
      words: [...line[2]!.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map((word) => ({ ...(numbers(word[1]!) as PdfLine['box']), text: unescape(word[2]!) })),
    }));
    return { width: size.width!, height: size.height!, lines };
  });
}

/** The font families drawn on one page of a PDF, subset prefixes and style suffixes taken off. */
export async function pageFonts(pdf: string, page: number): Promise<string[]> {
  const { stdout } = await exec('pdffonts', ['-f', String(page), '-l', String(page), pdf]);
  const names = stdout.split('\n').slice(2).map((line) => line.split(/\s+/)[0]!).filter(Boolean);
  return [...new Set(names.map((name) => name.replace(/^[A-Z]{6}\+/, '').replace(/-.*$/, '').replace(/([a-z])([A-Z])/g, '$1 $2')))];
}

/** Every page of a PDF as a picture at `dpi`, in page order. */
export async function pagePictures(pdf: string, dpi: number): Promise<PNG[]> {
  const dir = mkdtempSync(join(tmpdir(), 'deckdown-pages-'));
  await exec('pdftoppm', ['-png', '-r', String(dpi), pdf, join(dir, 'page')]);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.png'))
    .sort()
    .map((file) => PNG.sync.read(readFileSync(join(dir, file))));
}

/** The colour of a picture at a point given in inches, as six hex digits. */
export function colorAt(picture: PNG, dpi: number, xInches: number, yInches: number): string {
  const offset = (Math.round(yInches * dpi) * picture.width + Math.round(xInches * dpi)) * 4;
  return [...picture.data.subarray(offset, offset + 3)].map((channel) => channel.toString(16).padStart(2, '0')).join('').toUpperCase();
}
