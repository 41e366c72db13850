import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // LibreOffice conversions and example runs take seconds each.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One test file per core: vitest's default keeps a core free, which on two cores runs one file at a time.
    maxWorkers: availableParallelism(),
  },
});
