#!/usr/bin/env node
import { run } from './run.js';

// The only place that touches the process: everything else is reachable through `run`.
// A reader that stops early (`deckdown fonts | head -1`) closes the pipe: that ends the output, quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
}
run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`deckdown: internal error, please report it with the input that caused it\n${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 70;
  },
);
