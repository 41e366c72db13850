import { execFileSync } from 'node:child_process';

/** Whether pandoc is here; CI installs it, so there its absence fails the run instead of skipping tests. */
export function hasPandoc(): boolean {
  try {
    execFileSync('pandoc', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.CI) throw new Error('pandoc is missing: CI installs it for the tests that use its reference.pptx');
    return false;
  }
}

/** pandoc's own reference.pptx: a public template with Office's fonts and colours. */
export function referencePptx(): Uint8Array {
  return new Uint8Array(execFileSync('pandoc', ['--print-default-data-file', 'reference.pptx']));
}
