import { defineConfig } from 'vitest/config';

/**
 * Browser tests: the production build in build-e2e/ served on loopback, driven with playwright-core and
 * the system Chromium. One file at a time: two cores cannot run several browsers well.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/support/globalSetup.ts'],
    // The tests read the catalogue in Node, where every service is registered at once.
    setupFiles: ['tests/unit/setup.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A shared 2-core machine can take seconds to paint under load; a poll is not a time assertion.
    expect: { poll: { timeout: 10_000 } },
  },
});
