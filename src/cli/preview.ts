import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';

export const INSTALL_HINT = 'LibreOffice and poppler-utils are needed to preview decks; on Debian or Ubuntu: apt-get install libreoffice-impress-nogui poppler-utils';

/** A renderer that is missing, said in one line with how to install it. */
export class MissingRenderer extends Error {
  override name = 'MissingRenderer';
}

/** A renderer that ran and failed, or was stopped: said in one line, not as a stack trace. */
export class RendererFailed extends Error {
  override name = 'RendererFailed';
}

export interface PreviewOptions {
  /** The user's interrupt: it stops the renderers and removes their folders. */
  signal?: AbortSignal | undefined;
  /** Over the process's environment, for the renderers (PATH finds them) and for TMPDIR, which holds their folders. */
  env?: Record<string, string | undefined> | undefined;
}

/** Where temporary folders go: the caller's TMPDIR, else the system's. */
const temporaryBase = (options: PreviewOptions) => options.env?.TMPDIR || tmpdir();

/** Steps to undo when a signal aborts, per signal. */
const undoStacks = new WeakMap<AbortSignal, (() => void)[]>();

/**
 * Run `undo` when `signal` aborts, after the steps registered later than it: a renderer is
 * stopped before the folder it writes into is removed. Returns the unregistering function.
 */
function onAbort(signal: AbortSignal | undefined, undo: () => void): () => void {
  if (!signal) return () => undefined;
  let stack = undoStacks.get(signal);
  if (!stack) {
    const steps: (() => void)[] = [];
    undoStacks.set(signal, steps);
    signal.addEventListener('abort', () => [...steps].reverse().forEach((step) => step()), { once: true });
    stack = steps;
  }
  stack.push(undo);
  return () => stack.splice(stack.indexOf(undo), 1);
}

/** A conversion that takes longer has hung. */
const TIMEOUT_MS = 300_000;

/**
 * Run a renderer in a process group of its own, so that stopping it stops what it started
 * (soffice runs soffice.bin): on a timeout, or at once when `signal` aborts, for the process
 * may be about to exit.
 */
function run(command: string, args: string[], { signal, env }: PreviewOptions): Promise<void> {
  return new Promise((done, fail) => {
    if (signal?.aborted) return fail(new RendererFailed(`${command} was not started: interrupted`));
    const child = spawn(command, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'], ...(env ? { env: { ...process.env, ...env } } : {}) });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    const stop = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone, or a platform without process groups.
        child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(stop, TIMEOUT_MS);
    const unregister = onAbort(signal, stop);
    const settle = () => {
      clearTimeout(timer);
      unregister();
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      settle();
      fail(error.code === 'ENOENT' ? new MissingRenderer(`${command} was not found. ${INSTALL_HINT}`) : new RendererFailed(`${command} could not be started: ${error.message}`));
    });
    child.on('close', (code, killed) => {
      settle();
      if (code === 0) return done();
      const why = killed ? `was stopped (${killed})` : `failed with exit code ${code}`;
      fail(new RendererFailed(`${command} ${why}${stderr.trim() ? `: ${stderr.trim().split('\n').slice(-3).join(' / ')}` : ''}`));
    });
  });
}

/**
 * A temporary folder for `work`, removed when it ends however it ends, and at once when `signal`
 * aborts (the process exits right after an interrupt, before any `finally` could run).
 */
async function withTemporaryFolder<T>(prefix: string, options: PreviewOptions, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(temporaryBase(options), prefix));
  const remove = () => rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
  const unregister = onAbort(options.signal, remove);
  try {
    return await work(dir);
  } finally {
    unregister();
    remove();
  }
}

/**
 * A deck → PDF through LibreOffice, with a private profile so that conversions never share
 * state, in `options.dir`; without one, in a new temporary folder that is the caller's to remove.
 */
export async function convertToPdf(pptx: Uint8Array, name: string, options: PreviewOptions & { dir?: string } = {}): Promise<string> {
  const dir = options.dir ?? mkdtempSync(join(temporaryBase(options), 'deckdown-preview-'));
  const input = join(dir, `${name}.pptx`);
  writeFileSync(input, pptx);
  await run('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], options);
  const pdf = join(dir, `${name}.pdf`);
  if (!readdirSync(dir).includes(`${name}.pdf`)) throw new RendererFailed(`LibreOffice did not convert the deck to PDF`);
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

/**
 * A deck → one PNG per slide and a contact sheet of all of them, in `outDir`. Nothing is left
 * in the temporary folder, whether it succeeds, fails or is interrupted.
 */
export async function previewDeck(pptx: Uint8Array, outDir: string, name: string, options: PreviewOptions = {}): Promise<{ slides: string[]; sheet: string }> {
  return withTemporaryFolder('deckdown-preview-', options, async (dir) => previewPdf(await convertToPdf(pptx, name, { ...options, dir }), outDir, name, options));
}

/** A deck's PDF, as LibreOffice drew it → one PNG per slide and a contact sheet, in `outDir`. */
export async function previewPdf(pdf: string, outDir: string, name: string, options: PreviewOptions = {}): Promise<{ slides: string[]; sheet: string }> {
  mkdirSync(outDir, { recursive: true });
  await run('pdftoppm', ['-png', '-r', '96', pdf, join(outDir, `${name}-slide`)], options);
  return withTemporaryFolder('deckdown-thumbs-', options, async (scratch) => {
    await run('pdftoppm', ['-png', '-scale-to-x', String(THUMB_WIDTH), '-scale-to-y', '-1', pdf, join(scratch, 'thumb')], options);
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
  });
}
