import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';

const exec = promisify(execFile);

export const INSTALL_HINT = 'LibreOffice and poppler-utils are needed to preview decks; on Debian or Ubuntu: apt-get install libreoffice-impress-nogui poppler-utils';

/** A renderer that is missing, said in one line with how to install it. */
export class MissingRenderer extends Error {
  override name = 'MissingRenderer';
}

async function run(command: string, args: string[]): Promise<void> {
  try {
    await exec(command, args, { timeout: 300_000, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new MissingRenderer(`${command} was not found. ${INSTALL_HINT}`);
    throw error;
  }
}

/** A deck → PDF through LibreOffice, with a private profile so that conversions never share state. */
export async function convertToPdf(pptx: Uint8Array, name: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'deckdown-preview-'));
  const input = join(dir, `${name}.pptx`);
  writeFileSync(input, pptx);
  await run('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input]);
  const pdf = join(dir, `${name}.pdf`);
  if (!readdirSync(dir).includes(`${name}.pdf`)) throw new Error(`LibreOffice did not convert ${input}`);
  return pdf;
}

const COLUMNS = 4;
const GAP = 12;
const THUMB_WIDTH = 480;

/** Tile slide thumbnails into one picture, four to a row, on a grey ground. */
function contactSheet(thumbnails: PNG[]): PNG {
  const width = Math.max(...thumbnails.map((thumb) => thumb.width));
  const height = Math.max(...thumbnails.map((thumb) => thumb.height));
  const rows = Math.ceil(thumbnails.length / COLUMNS);
  const sheet = new PNG({ width: COLUMNS * (width + GAP) + GAP, height: rows * (height + GAP) + GAP });
  sheet.data.fill(0x88);
  for (let offset = 3; offset < sheet.data.length; offset += 4) sheet.data[offset] = 0xff;
  thumbnails.forEach((thumb, index) => {
    const x = GAP + (index % COLUMNS) * (width + GAP);
    const y = GAP + Math.floor(index / COLUMNS) * (height + GAP);
    PNG.bitblt(thumb, sheet, 0, 0, thumb.width, thumb.height, x, y);
  });
  return sheet;
}

/** A deck → one PNG per slide and a contact sheet of all of them, in `outDir`. */
export async function previewDeck(pptx: Uint8Array, outDir: string, name: string): Promise<{ slides: string[]; sheet: string }> {
  return previewPdf(await convertToPdf(pptx, name), outDir, name);
}

/** A deck's PDF, as LibreOffice drew it → one PNG per slide and a contact sheet, in `outDir`. */
export async function previewPdf(pdf: string, outDir: string, name: string): Promise<{ slides: string[]; sheet: string }> {
  mkdirSync(outDir, { recursive: true });
  await run('pdftoppm', ['-png', '-r', '96', pdf, join(outDir, `${name}-slide`)]);
  const scratch = mkdtempSync(join(tmpdir(), 'deckdown-thumbs-'));
  try {
    await run('pdftoppm', ['-png', '-scale-to-x', String(THUMB_WIDTH), '-scale-to-y', '-1', pdf, join(scratch, 'thumb')]);
    const thumbnails = readdirSync(scratch)
      .filter((file) => file.endsWith('.png'))
      .sort()
      .map((file) => PNG.sync.read(readFileSync(join(scratch, file))));
    const sheet = join(outDir, `${name}-contact-sheet.png`);
    writeFileSync(sheet, PNG.sync.write(contactSheet(thumbnails)));
    const slides = readdirSync(outDir)
      .filter((file) => file.startsWith(`${name}-slide`) && file.endsWith('.png'))
      .sort()
      .map((file) => join(outDir, file));
    return { slides, sheet };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
