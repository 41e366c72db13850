import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import Tinypool from 'tinypool';
import { VFile } from 'vfile';
import { report } from '../diagnostics/report.js';
import { limitsWith, overLimit, type Limits } from '../limits.js';
import { toMessageData } from './message-data.js';
import { workerEntry } from './worker-entry.js';
import type { BuildTask, TaskResult } from './task.js';

/** What a worker is given: the deck, and a port to say on when it starts on it. */
export interface WorkerTask {
  task: BuildTask;
  started: MessagePort;
}

/** Builds decks, one task at a time or several at once. */
export interface Builder {
  run(task: BuildTask): Promise<TaskResult>;
  close(): Promise<void>;
}

/** Builds in the calling thread, without the heap and time budgets: for code that cannot start workers. */
export const inThisThread: Builder = { run: async (task) => (await import('./task.js')).runTask(task), close: async () => undefined };

/** The build that went over a budget, as an error on the input rather than a crash. */
function overBudget(task: BuildTask, what: string, key: keyof Limits, limits: Limits): TaskResult {
  const file = new VFile({ path: task.path, cwd: task.cwd });
  return { messages: [toMessageData(report(file, 'over-limit', overLimit(what, key, limits)))], files: [] };
}

export interface WorkerOptions {
  /** The heap and time budgets (`heapBytes`, `buildSeconds`) of each deck. */
  limits?: Partial<Limits> | undefined;
  /** Decks built at once; one per core by default. */
  threads?: number | undefined;
  /** How many decks there are to build, when known: no more workers start than have work. */
  tasks?: number | undefined;
  /** Stops every build under way. */
  signal?: AbortSignal | undefined;
}

/**
 * Builds each deck in a worker thread whose heap is capped and whose time is limited, so that
 * no input, however it was made, takes more of either than its budgets: a worker that goes over
 * is stopped and its deck gets an `over-limit` error. Up to `threads` decks build at once, one
 * per core by default; the others wait in turn, and a worker done with one deck takes the next.
 */
export function workerBuilder(options: WorkerOptions = {}): Builder {
  const limits = limitsWith(options.limits);
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), options.tasks ?? Infinity));
  const pool = new Tinypool({
    filename: workerEntry('build-worker').href,
    minThreads: threads,
    maxThreads: threads,
    resourceLimits: { maxOldGenerationSizeMb: Math.max(16, Math.floor(limits.heapBytes / 1024 / 1024)) },
  });
  return {
    async run(task) {
      // The clock starts when a worker takes the deck: not while it waits for one, nor while a new worker loads.
      const { port1: started, port2: starting } = new MessageChannel();
      const overTime = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      started.once('message', () => (timer = setTimeout(() => overTime.abort(), limits.buildSeconds * 1000)));
      try {
        const signal = options.signal ? AbortSignal.any([overTime.signal, options.signal]) : overTime.signal;
        return (await pool.run({ task, started: starting } satisfies WorkerTask, { transferList: [starting], signal })) as TaskResult;
      } catch (error) {
        if (overTime.signal.aborted) return overBudget(task, "the build's time in seconds", 'buildSeconds', limits);
        if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') return overBudget(task, 'the memory the build needs, in bytes,', 'heapBytes', limits);
        throw error;
      } finally {
        clearTimeout(timer);
        started.close();
      }
    },
    close: () => pool.destroy(),
  };
}
