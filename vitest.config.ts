import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One PostgreSQL for the whole run; each integration test app gets its own database in it.
    globalSetup: ['test/helpers/globalSetup.ts'],
    reporters: ['default', './test/helpers/plainSummaryReporter.ts'],
  },
});
