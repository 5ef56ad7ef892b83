import { defineConfig } from 'vitest/config';

// `npm run test:e2e`: the real-browser tests, one file at a time (one Chromium at a time on 2 cores).
// They are *.e2e.ts, so `npm test` (test/**/*.test.ts) does not run them.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 600_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
