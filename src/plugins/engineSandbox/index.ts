import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { buildSandboxFrame } from './build';

/** The folder of the site the frame is served from; the page CSP plugin leaves its HTML alone. */
export const SANDBOX_DIR = 'engine';

/** Where the plugin writes the frame: a static directory of the site (see docusaurus.config.ts). */
export const SANDBOX_STATIC_DIR = '.engine-sandbox';

/** What the playground reads with `usePluginData('engine-sandbox')`. */
export interface SandboxData {
  /** The frame's URL path, base URL included. */
  readonly frameUrl: string;
}

/**
 * Builds the query engine's sandbox frame (src/engine/README.md, "Containment") into a static
 * directory, for `docusaurus build` and `docusaurus start` alike, and tells the playground its URL.
 */
export function engineSandboxPlugin(context: LoadContext): Plugin {
  const { siteDir, baseUrl } = context;
  return {
    name: 'engine-sandbox',
    getPathsToWatch: () => ['src/engine', 'src/sql', 'src/resources'].map((d) => join(siteDir, d, '**/*.ts')),
    async loadContent(): Promise<SandboxData> {
      const frame = await buildSandboxFrame(siteDir);
      const dir = join(siteDir, SANDBOX_STATIC_DIR, SANDBOX_DIR);
      await rm(join(siteDir, SANDBOX_STATIC_DIR), { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, frame.fileName), frame.html);
      return { frameUrl: `${baseUrl}${SANDBOX_DIR}/${frame.fileName}` };
    },
    contentLoaded({ content, actions }) {
      actions.setGlobalData(content);
      return Promise.resolve();
    },
  };
}
