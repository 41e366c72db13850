#!/usr/bin/env node
import { run } from './run.js';

// The only place that touches the process: everything else is reachable through `run`.
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
