import type { WorkerTask } from './isolate/builder.js';
import { runTask } from './isolate/task.js';
import { DeflateThread } from './isolate/deflate-thread.js';

/** The worker's deflate thread, started with the render of its first deck of many slides and kept for the next decks. */
const deflate = new DeflateThread();

/**
 * A worker's entry: each task a pool gives it is one deck's whole build, timed from when it
 * starts. The deck's parts are deflated on another core as its slides are written.
 */
export default function buildInWorker({ task, started }: WorkerTask) {
  started.postMessage('started');
  started.close();
  return runTask(task, () => deflate.ahead());
}
