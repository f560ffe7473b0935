import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{common,server,cli,bench,web}/**/*.test.{ts,tsx}'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
