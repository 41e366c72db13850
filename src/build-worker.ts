import type { WorkerTask } from './isolate/builder.js';
import { runTask } from './isolate/task.js';

/** A worker's entry: each task a pool gives it is one deck's whole build, timed from when it starts. */
export default function buildInWorker({ task, started }: WorkerTask) {
  started.postMessage('started');
  started.close();
  return runTask(task);
}
