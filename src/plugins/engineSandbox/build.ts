import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { build } from 'esbuild';
import { scriptHash } from '../csp/inlineScripts';
import { sandboxPolicy } from './policy';

/** The built frame: its file name (with a content hash, so a new build is never served stale) and HTML. */
export interface SandboxFrame {
  readonly fileName: string;
  readonly html: string;
}

async function bundle(siteDir: string, entry: string, define?: Record<string, string>): Promise<string> {
  const out = await build({
    absWorkingDir: siteDir,
    entryPoints: [join(siteDir, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    // ASCII output: the frame's hash is over exactly these bytes, and no charset can change them.
    charset: 'ascii',
    logLevel: 'silent',
    // alasql's Node build pulls in fs; the engine takes the browser build, as the site does.
    alias: { alasql: './node_modules/alasql/dist/alasql.min.js' },
    ...(define ? { define } : {}),
  });
  const [file] = out.outputFiles;
  if (!file) throw new Error(`engine sandbox: esbuild wrote nothing for ${entry}`);
  return file.text;
}

/** The engine worker (`src/engine/engine.worker.ts`, with alasql) as one classic script. */
export function bundleEngineWorker(siteDir: string): Promise<string> {
  return bundle(siteDir, 'src/engine/engine.worker.ts');
}

/**
 * Builds the engine sandbox: the engine worker (`src/engine/engine.worker.ts`, with alasql) as one
 * script, inlined as a string into the frame's boot script (`src/engine/sandbox/frame.ts`), which
 * the frame's HTML carries inline under its own policy (see `policy.ts`). One file, no other request:
 * the frame may load nothing else.
 */
export async function buildSandboxFrame(siteDir: string): Promise<SandboxFrame> {
  const worker = await bundleEngineWorker(siteDir);
  const placeholder = '"__ENGINE_WORKER_SOURCE__"';
  const shell = await bundle(siteDir, 'src/engine/sandbox/frame.ts', { ENGINE_WORKER_SOURCE: placeholder });
  const [before, after, extra] = shell.trim().split(placeholder);
  if (before === undefined || after === undefined || extra !== undefined) {
    throw new Error('engine sandbox: the boot script must use ENGINE_WORKER_SOURCE exactly once');
  }
  // As a JavaScript string with every `<` escaped: the HTML parser ends a script at `</script` and
  // treats `<!--` specially inside it, and alasql's source has both.
  const literal = JSON.stringify(worker).replace(/</g, '\\u003c');
  const boot = before + literal + after;
  if (/<\/script|<!--/i.test(boot)) throw new Error('engine sandbox: the boot script cannot be inlined');
  const html =
    // The policy first in <head>, as on every page: a <meta> policy covers only what follows it.
    '<!doctype html><html lang="en"><head>' +
    `<meta http-equiv="Content-Security-Policy" content="${sandboxPolicy(scriptHash(boot))}">` +
    '<meta name="referrer" content="no-referrer"><meta charset="utf-8"><title>Query engine</title></head>' +
    `<body><script>${boot}</script></body></html>\n`;
  const hash = createHash('sha256').update(html).digest('hex').slice(0, 10);
  return { fileName: `sandbox.${hash}.html`, html };
}
