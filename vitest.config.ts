import { defineConfig } from "vitest/config";

// Vitest 5: pool options are top-level (`poolOptions` no longer exists).
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Some tests run a full `astro build`.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Machines have 2 cores: at most 2 test files at once, each in its own fork
    // (forks are safest for native addons such as nodejieba).
    pool: "forks",
    maxWorkers: 2,
  },
});
