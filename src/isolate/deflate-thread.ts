import { Worker } from 'node:worker_threads';
import type { DeflateAhead } from '../render/opc-package.js';
import { deflateEntry, type ZipEntry } from '../render/zip-archive.js';
import { workerEntry } from './worker-entry.js';

/**
 * The heap a deflate thread may take, outside the build's own budget: the parts it is sent and
 * the entries it makes are buffers, which live outside the heap. If it runs out, its parts are
 * deflated by the build.
 */
const HEAP_MB = 64;

/**
 * Deflates a build's parts on another core: each slide's while the build goes on with the next
 * slides, and the rest when the deck is zipped, so that no deflating is left to the build's
 * thread. One thread serves every build of the thread that made it, and keeps no process alive
 * while it has no part. If it fails, each part it had, and every part after, is deflated by the
 * build itself: the bytes are the same either way.
 */
export class DeflateThread {
  /** `entry` names the thread's module among deckdown's own (see `workerEntry`). */
  constructor(private readonly entry = 'deflate-worker') {}

  private worker: Worker | undefined;
  private failed = false;
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (entry: ZipEntry) => void; reject: (error: Error) => void }>();
  /** Parts deflated by the build because the thread failed. */
  fallbacks = 0;

  private thread(): Worker | undefined {
    if (this.worker || this.failed) return this.worker;
    const worker = new Worker(workerEntry(this.entry), { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
    worker.unref();
    worker.on('message', ({ id, entry }: { id: number; entry: ZipEntry }) => this.answered(id)?.resolve(entry));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`the deflate thread stopped (exit ${code})`)));
    return (this.worker = worker);
  }

  private answered(id: number) {
    const waiting = this.waiting.get(id);
    this.waiting.delete(id);
    if (this.waiting.size === 0) this.worker?.unref();
    return waiting;
  }

  /** A thread that failed once is not started again: its parts, and all after, are deflated by the build. */
  private fail(error: Error): void {
    this.failed = true;
    this.worker = undefined;
    for (const id of [...this.waiting.keys()]) this.answered(id)?.reject(error);
  }

  private here(name: string, bytes: Uint8Array): ZipEntry {
    this.fallbacks += 1;
    return deflateEntry(name, bytes);
  }

  /** A part's zip entry, from the thread; deflated here if the thread has failed or fails. */
  private deflate(name: string, bytes: Uint8Array): Promise<ZipEntry> {
    const worker = this.thread();
    if (!worker) return Promise.resolve(this.here(name, bytes));
    const id = this.next++;
    // While a part is out, the thread keeps the build's own thread alive to take it back.
    if (this.waiting.size === 0) worker.ref();
    const entry = new Promise<ZipEntry>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    // The part is copied, not moved: the package still holds it.
    worker.postMessage({ id, name, bytes });
    return entry.catch(() => this.here(name, bytes));
  }

  /**
   * What one build's package deflates ahead with: each settled part goes to the thread. The
   * thread starts now, if it has not, to be ready by the time the first slide is.
   */
  ahead(): DeflateAhead {
    this.thread();
    const started = new Map<string, { bytes: Uint8Array; entry: Promise<ZipEntry> }>();
    const start = (name: string, bytes: Uint8Array) => {
      const part = started.get(name);
      // A part changed after it was started has other bytes now, and is deflated again.
      if (part?.bytes === bytes) return part.entry;
      const entry = this.deflate(name, bytes);
      started.set(name, { bytes, entry });
      return entry;
    };
    return { start: (name, bytes) => void start(name, bytes), entry: start };
  }
}
