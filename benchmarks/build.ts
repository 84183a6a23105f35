/**
 * Figure 6 and the build every browser figure runs against: `docusaurus build` into the bench's own
 * folder (never `build/` or `build-e2e/`), with its own generated-files folder, so a bench never races
 * another build in the same working tree. The build allows the fake API's URL, so the playground can
 * be pointed at it from the page.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What `bench/build-meta.json` records, so a quick run can reuse the build. */
export interface BuildMeta {
  /** The extra API base URL the build allows (the fake server it was built for). */
  readonly apiUrl: string;
  readonly ms: number;
  readonly bytes: number;
}

export interface BuildOptions {
  readonly siteDir: string;
  /** Where the site goes, e.g. `bench/build`. */
  readonly outDir: string;
  /** The API base URL the playground may be pointed at (the fake server's). */
  readonly apiUrl: string;
  /** Build output goes here rather than to the console. */
  readonly logFile: string;
  /** The build is killed after this long. */
  readonly timeoutMs?: number;
  /** More environment for the build (`DOCUSAURUS_FASTER=0`: the webpack build). */
  readonly env?: Readonly<Record<string, string>>;
}

/** Total size of the files under a folder, in bytes. */
export async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** Runs the production build, timed, and measures the folder it wrote. Rejects when the build fails. */
export async function runBuild(opts: BuildOptions): Promise<BuildMeta> {
  await rm(opts.outDir, { recursive: true, force: true });
  await mkdir(dirname(opts.logFile), { recursive: true });
  const log = createWriteStream(opts.logFile);
  const bin = join(opts.siteDir, 'node_modules/@docusaurus/core/bin/docusaurus.mjs');
  const started = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'build', '--out-dir', opts.outDir], {
      cwd: opts.siteDir,
      env: {
        ...process.env,
        // Relative to the site folder: the bench's own copy of `.docusaurus`.
        DOCUSAURUS_GENERATED_FILES_DIR_NAME: relative(opts.siteDir, join(opts.outDir, '../.docusaurus')),
        PLAYGROUND_EXTRA_API_URLS: opts.apiUrl,
        ...opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    const timer = setTimeout(() => child.kill('SIGTERM'), opts.timeoutMs ?? 10 * 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve(status);
    });
  });
  const ms = performance.now() - started;
  log.end();
  if (code !== 0) throw new Error(`docusaurus build failed (exit ${String(code)}); see ${opts.logFile}`);
  const meta: BuildMeta = { apiUrl: opts.apiUrl, ms, bytes: await folderBytes(opts.outDir) };
  await writeFile(metaPath(opts.outDir), `${JSON.stringify(meta, null, 2)}\n`);
  return meta;
}

function metaPath(outDir: string): string {
  return `${outDir}-meta.json`;
}

/** The meta of an earlier bench build in `outDir`, if one is complete. */
export async function readBuildMeta(outDir: string): Promise<BuildMeta | undefined> {
  try {
    await stat(join(outDir, 'index.html'));
    return JSON.parse(await readFile(metaPath(outDir), 'utf8')) as BuildMeta;
  } catch {
    return undefined;
  }
}

/**
 * The catalogue's chunks in a build, by service, gzipped: what the playground loads when the SQL names
 * a service (`catalogue-<service>` or, shared with the service's pages, `catalogue-json-<service>`).
 */
export async function catalogueChunks(buildDir: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const dir = join(buildDir, 'assets/js');
  for (const name of await readdir(dir)) {
    const service = /^catalogue-(?:json-)?([a-z-]+)\.\w+\.js$/.exec(name)?.[1];
    if (!service) continue;
    const bytes = gzipSync(await readFile(join(dir, name)), { level: 9 }).length;
    out.set(service, (out.get(service) ?? 0) + bytes);
  }
  return out;
}
