import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Files in name order, always: they share the demo accounts, whose codes are single-use per 30 seconds. */
class ByName extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return Promise.resolve([...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId)));
  }
}

// Browser journeys: one real Passage (embedded PostgreSQL, demo mode) for the whole run, Debian's Chromium,
// files one after another (they share the demo accounts, whose authenticator codes are single-use).
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    sequence: { sequencer: ByName },
    maxWorkers: 1,
    testTimeout: 90_000,
    hookTimeout: 240_000,
  },
});
