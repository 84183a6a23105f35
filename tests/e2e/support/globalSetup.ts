import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from './staticServer';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the production build served on loopback, `http://127.0.0.1:PORT`. */
    readonly baseUrl: string;
  }
}

/** Serves `build/` on loopback for every browser test, and stops it when they end. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = join(import.meta.dirname, '../../../build');
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error('No production build in build/. Run `npm run build` before the browser tests.');
  }
  const site = await startStaticServer(root);
  project.provide('baseUrl', site.url);
  return () => site.close();
}
