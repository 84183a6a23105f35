import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Unit tests: pure logic, no browser. Browser tests live in tests/e2e with their own config. */
export default defineConfig({
  // The same `@site/…` imports as in the Docusaurus build.
  resolve: { alias: { '@site': fileURLToPath(new URL('.', import.meta.url)) } },
  // tsconfig keeps JSX for Docusaurus's Babel ("preserve"); tests that render components need it compiled.
  oxc: { jsx: { runtime: 'automatic' } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    // Node has the whole catalogue registered, as a page has the services it loaded.
    setupFiles: ['tests/unit/setup.ts'],
    testTimeout: 20_000,
  },
});
