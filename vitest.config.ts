import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // Two cores: native SQLite and zip work is CPU-bound; more workers only thrash.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
  },
});
