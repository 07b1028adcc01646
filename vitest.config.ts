import { defineConfig } from 'vitest/config';

const cluster = 'tests/integration/cluster*.test.ts';

/** Unit, integration and fuzz tests. Playwright's end-to-end specs run apart (scripts/e2e.mjs). */
export default defineConfig({
  test: {
    environment: 'node',
    // Redis and PostgreSQL for the storage and cluster tests (see the file).
    globalSetup: ['tests/helpers/global-services.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'suite',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/fuzz/**/*.test.ts'],
          exclude: [cluster],
        },
      },
      {
        // Each cluster test runs three or four server processes and times failover against a
        // lease: on two cores, two such files at once starved one ("phones did not settle").
        // They run one at a time, after the rest.
        extends: true,
        test: { name: 'cluster', include: [cluster], fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
