import { defineConfig } from 'vitest/config';

/** Unit tests: pure logic, no browser. Browser tests live in tests/e2e with their own config. */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
