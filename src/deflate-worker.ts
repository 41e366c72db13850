import { parentPort } from 'node:worker_threads';
import { deflateEntry } from './render/zip-archive.js';

/** A deflate thread's entry: each part it is sent comes back as its zip entry (see `isolate/deflate-thread.ts`). */
parentPort!.on('message', ({ id, name, bytes }: { id: number; name: string; bytes: Uint8Array }) => {
  const entry = deflateEntry(name, bytes);
  parentPort!.postMessage({ id, entry }, [entry.deflated.buffer as ArrayBuffer]);
});
