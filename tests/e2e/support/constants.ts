/**
 * The fake GitHub API the browser tests start. Its port is fixed because the site under test is
 * built to allow exactly this API base URL (`npm run build:e2e` sets PLAYGROUND_EXTRA_API_URLS), as a
 * GitHub Enterprise Server URL would be at a real build.
 */
export const FAKE_API_PORT = 45123;
export const FAKE_API_URL = `http://127.0.0.1:${FAKE_API_PORT}`;
/** The token the fake accepts. Shaped like a classic PAT, so token-detection rules apply to it. */
export const E2E_TOKEN = 'ghp_e2eTestTokenAAAAAAAAAAAAAAAAAAAAAAAAAA';
export const ALL_SCOPES = ['read:packages', 'delete:packages', 'write:packages'] as const;
