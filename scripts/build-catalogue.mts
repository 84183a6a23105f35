/**
 * Builds the catalogue: for each service of src/resources/catalogue/github/services.json, the
 * provider's original pages (tests/fixtures/provider) and the committed OpenAPI extract
 * (src/resources/spec/<service>.openapi.json, from scripts/extract-openapi.mjs) become
 * src/resources/catalogue/github/<service>.json; overview.json (every service's names and counts),
 * index.ts (a loader per service, for the browser) and all.ts (every service, for Node) list them.
 *
 *   npm run catalogue
 *
 * What it cannot build, or where page and spec disagree, is listed and written to REPORT.md next to
 * the JSON. Known problems are allowed: the exit code is 1 only when there are more than
 * `problemCeiling` of services.json.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { buildService } from '../src/resources/catalogue/buildService';
import { readServiceList, readServiceSources, REPO_DIRS } from '../src/resources/catalogue/loadSources';
import { countByCode, problemReport, type ServiceProblems } from '../src/resources/catalogue/report';
import {
  catalogueAll,
  catalogueIndex,
  overviewJson,
  serviceJson,
} from '../src/resources/catalogue/serialize';
import type { ServiceDef } from '../src/resources/types';

/** Writes a file as Prettier would format it, so `npm run format:check` passes on generated files. */
async function writeFormatted(path: string, text: string): Promise<void> {
  const options = await resolveConfig(path);
  writeFileSync(path, await format(text, { ...options, filepath: path }));
}

const { provider, services, problemCeiling } = readServiceList();
const found: ServiceProblems[] = [];
let specVersion = '';
const serviceDefs: ServiceDef[] = [];
for (const name of services) {
  const sources = readServiceSources(provider, name);
  specVersion = sources.extract.source.version;
  const built = buildService(sources);
  serviceDefs.push(built.service);
  await writeFormatted(join(REPO_DIRS.catalogue, `${name}.json`), serviceJson(built.service));
  const methods = built.service.resources.reduce((n, r) => n + r.methods.length, 0);
  console.log(`${provider}.${name}: ${built.service.resources.length} resources, ${methods} methods`);
  for (const p of built.problems) console.warn(`  ${p.code} at ${p.where}: ${p.message}`);
  found.push({ service: name, problems: built.problems });
}
// The overview every page reads, the per-service loaders for the browser, and all services for Node.
await writeFormatted(join(REPO_DIRS.catalogue, 'overview.json'), overviewJson(serviceDefs));
await writeFormatted(join(REPO_DIRS.catalogue, 'index.ts'), catalogueIndex(services));
await writeFormatted(join(REPO_DIRS.catalogue, 'all.ts'), catalogueAll(services));
await writeFormatted(join(REPO_DIRS.catalogue, 'REPORT.md'), problemReport(found, specVersion));
const all = found.flatMap((s) => s.problems);
console.warn(
  `${all.length} problem(s) (${countByCode(all)
    .map(([code, n]) => `${n} ${code}`)
    .join(', ')}), listed in REPORT.md; the ceiling is ${problemCeiling}.`,
);
if (all.length > problemCeiling) {
  console.warn('More problems than the ceiling: fix the new ones, or raise problemCeiling with a reason.');
  process.exitCode = 1;
}
