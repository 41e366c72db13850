import { Worker } from 'node:worker_threads';
import { workerEntry } from '../isolate/worker-entry.js';
import type { DeflateAhead } from './opc-package.js';
import { deflateEntry, type ZipEntry } from './zip-archive.js';

/** The heap a deflate thread may take: it holds the parts waiting for it, and each part's output. */
const HEAP_MB = 256;

/**
 * Deflates a build's parts on another core: each slide's while the build goes on with the next
 * slides, and the rest when the deck is zipped, so that no deflating is left to the build's thread. One thread serves every build of the thread
 * that made it, starts on its first part and keeps no process alive while it has none. If it
 * fails, each part it had is deflated by the build itself: the bytes are the same either way.
 */
export class DeflateThread {
  /** `entry` names the thread's module among deckdown's own (see `workerEntry`). */
  constructor(private readonly entry = 'deflate-worker') {}

  private worker: Worker | undefined;
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (entry: ZipEntry) => void; reject: (error: Error) => void }>();

  private thread(): Worker {
    if (this.worker) return this.worker;
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

  private fail(error: Error): void {
    this.worker = undefined;
    for (const id of [...this.waiting.keys()]) this.answered(id)?.reject(error);
  }

  /** A part's zip entry, from the thread; deflated here if the thread fails. */
  private deflate(name: string, bytes: Uint8Array): Promise<ZipEntry> {
    const worker = this.thread();
    const id = this.next++;
    // While a part is out, the thread keeps the build's own thread alive to take it back.
    if (this.waiting.size === 0) worker.ref();
    const entry = new Promise<ZipEntry>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    // The part is copied, not moved: the package still holds it.
    worker.postMessage({ id, name, bytes });
    return entry.catch(() => deflateEntry(name, bytes));
  }

  /**
   * What one build's package deflates ahead with: each settled part goes to the thread. The
   * thread starts now, if it has not, to be ready by the time the first slide is.
   */
  ahead(): DeflateAhead {
    this.thread();
    const started = new Map<string, { bytes: Uint8Array; entry: Promise<ZipEntry> }>();
    return {
      start: (name, bytes) => void started.set(name, { bytes, entry: this.deflate(name, bytes) }),
      entry: (name, bytes) => {
        const part = started.get(name);
        // A part changed after it settled has other bytes now, and is deflated again.
        return part?.bytes === bytes ? part.entry : this.deflate(name, bytes);
      },
    };
  }
}
