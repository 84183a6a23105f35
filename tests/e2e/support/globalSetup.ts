import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startFakeGitHubServer } from '../../../src/github/fake/server';
import { ALL_SCOPES, E2E_TOKEN, FAKE_API_PORT } from './constants';
import { startStaticServer } from './staticServer';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the production build served on loopback, `http://127.0.0.1:PORT`. */
    readonly baseUrl: string;
  }
}

/**
 * Serves the production build made by `npm run build:e2e` on loopback and starts the fake GitHub API
 * on its fixed port; both stop when the browser tests end.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // E2E_BUILD_DIR lets a second build be tested without touching build-e2e/.
  const root = process.env.E2E_BUILD_DIR ?? join(import.meta.dirname, '../../../build-e2e');
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error('No production build in build-e2e/. Run `npm run build:e2e` before the browser tests.');
  }
  const site = await startStaticServer(root);
  const api = await startFakeGitHubServer({
    port: FAKE_API_PORT,
    token: E2E_TOKEN,
    scopes: [...ALL_SCOPES],
  }).catch((error: unknown) => {
    void site.close();
    throw new Error(
      `Could not start the fake GitHub API on 127.0.0.1:${FAKE_API_PORT} (is the port in use?)`,
      {
        cause: error,
      },
    );
  });
  project.provide('baseUrl', site.url);
  return async () => {
    await Promise.all([site.close(), api.close()]);
  };
}
