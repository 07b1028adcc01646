import { defineConfig } from 'vitest/config';

/** Unit, integration and fuzz tests. Playwright's end-to-end specs run apart (scripts/e2e.mjs). */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/fuzz/**/*.test.ts'],
    environment: 'node',
    // Redis and PostgreSQL for the storage and cluster tests (see the file).
    globalSetup: ['tests/helpers/global-services.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
