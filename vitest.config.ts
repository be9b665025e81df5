import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // Two cores: native SQLite and zip work is CPU-bound; more workers only thrash.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    // Some suites bundle the CLI or start a web host first: seconds on a busy 2-core machine.
    hookTimeout: 120_000,
  },
});
