#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { run } from './run.js';

// The only place that touches the process: everything else is reachable through `run`.

// A build allocates many times what it keeps: syntax trees, pptxgenjs's objects, XML text. V8
// lets a heap grow to two or three times what it held after a full collection before it collects
// again; growing it by 30 % keeps a build's memory near what it uses (1,000 slides: about 330 MB
// by default, 267–275 MB at 50 %, 236–244 MB at 30 %; 10,000 slides: 0.87–1.06 GB at 50 %,
// 0.86–0.94 GB at 30 %), in the same time within the machine's noise. It is a flag of the whole
// process, build workers included: the CLI owns its process, a program importing the library does not.
setFlagsFromString('--heap-growing-percent=30');

// A reader that stops early (`deckdown fonts | head -1`) closes the pipe: that ends the output, quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
}

/**
 * Ctrl-C, `kill` and a closed terminal: everything listening on the signal (renderers, their
 * temporary folders, a watch) is stopped or removed synchronously, then the process exits with
 * the shell's code for the signal. A deck being written is never cut: writing is synchronous,
 * so this handler runs before the temporary file exists or after it is renamed.
 */
const interrupt = new AbortController();
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
for (const [signal, code] of Object.entries(SIGNAL_EXIT)) {
  process.once(signal, () => {
    interrupt.abort(signal);
    process.exit(code);
  });
}

run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutBytes: (bytes) => process.stdout.write(bytes),
  // Lazily: a command that does not read stdin leaves it alone.
  stdin: { [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]() },
  stdoutIsTTY: process.stdout.isTTY,
  stderrIsTTY: process.stderr.isTTY,
  cwd: process.cwd(),
  env: process.env,
  signal: interrupt.signal,
  isolate: true,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`deckdown: internal error, please report it with the input that caused it\n${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 70;
  },
);
