import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

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

/**
 * Whether the real client is here. In CI its absence is a failure, not a skip: the tests
 * that need it must run there. Locally they are skipped, loudly.
 */
export const hasLibreOffice = Boolean(soffice && poppler);
if (!hasLibreOffice) {
  const message = 'LibreOffice (soffice) or poppler-utils (pdftotext, pdfinfo) is missing: the real-client tests are SKIPPED. Install them with: apt-get install libreoffice-impress-nogui poppler-utils fonts-noto-core';
  if (process.env.CI) throw new Error(`${message} (CI must run them)`);
  console.warn(`\n${'!'.repeat(100)}\n${message}\n${'!'.repeat(100)}\n`);
}

/** Convert a deck to PDF with a private LibreOffice profile, so conversions never share state. */
export async function pptxToPdf(pptx: Uint8Array, name = 'deck'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'deckdown-lo-'));
  const input = join(dir, `${name}.pptx`);
  writeFileSync(input, pptx);
  await exec(soffice!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], { timeout: 180_000 });
  const pdf = readdirSync(dir).find((file) => file === `${basename(input, '.pptx')}.pdf`);
  if (!pdf) throw new Error(`LibreOffice did not convert ${input}`);
  return join(dir, pdf);
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
