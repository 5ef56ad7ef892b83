import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The longest files start first, so that the two workers end together: on a fresh clone Vitest has no
 * durations yet and would order files by size, which puts the benchmark (a small file, the longest
 * run) last. The benchmark's 1× build is the site the site tests read (test/helpers/site.ts), so the
 * other worker starts with bad-input, which needs no site, while the benchmark makes it.
 */
const LONGEST_FIRST = ['test/bench/bench.test.ts', 'test/ingest/bad-input.test.ts', 'test/site/determinism.test.ts', 'test/site/incremental.test.ts', 'test/security/hostile-site.test.ts'];

class WholeSitesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const k = LONGEST_FIRST.findIndex((p) => f.moduleId.endsWith(p));
      return k < 0 ? LONGEST_FIRST.length : k;
    };
    return sorted.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
  }
}

// Vitest 5: pool options are top-level (`poolOptions` no longer exists).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Some tests run a full `astro build`. These limits are the only time limits of the suite: a
    // test checks behaviour, time belongs in `npm run bench`.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Machines have 2 cores: at most 2 test files at once, each in a fork (forks are safest for
    // native addons such as nodejieba).
    pool: 'forks',
    maxWorkers: 2,
    // A fork runs one test file after another without reloading modules: what test/helpers keep in
    // module scope is made once per worker, not once per file — the real corpus (helpers/corpus.ts:
    // the whole ingest, nodejieba's dictionaries included) and the parsed pages of dist/
    // (helpers/site.ts). The shared corpus is deep-frozen, so a test that changed it would fail
    // rather than change what the next file sees. No test mocks modules or changes globals.
    isolate: false,
    sequence: { sequencer: WholeSitesFirst },
  },
});
