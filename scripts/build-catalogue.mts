/**
 * Builds the catalogue: for each service of src/resources/catalogue/github/services.json, the
 * provider's original pages (tests/fixtures/provider) and the committed OpenAPI extract
 * (src/resources/spec/<service>.openapi.json, from scripts/extract-openapi.mjs) become
 * src/resources/catalogue/github/<service>.json, and index.ts imports them all.
 *
 *   npm run catalogue
 *
 * Methods, params or fields it cannot build are left out and listed; the exit code is then 1.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { buildService } from '../src/resources/catalogue/buildService';
import { readServiceList, readServiceSources, REPO_DIRS } from '../src/resources/catalogue/loadSources';
import { catalogueIndex, serviceJson } from '../src/resources/catalogue/serialize';

/** Writes a file as Prettier would format it, so `npm run format:check` passes on generated files. */
async function writeFormatted(path: string, text: string): Promise<void> {
  const options = await resolveConfig(path);
  writeFileSync(path, await format(text, { ...options, filepath: path }));
}

const { provider, services } = readServiceList();
let problems = 0;
for (const name of services) {
  const built = buildService(readServiceSources(provider, name));
  await writeFormatted(join(REPO_DIRS.catalogue, `${name}.json`), serviceJson(built.service));
  const methods = built.service.resources.reduce((n, r) => n + r.methods.length, 0);
  console.log(`${provider}.${name}: ${built.service.resources.length} resources, ${methods} methods`);
  for (const p of built.problems) console.warn(`  ${p.code} at ${p.where}: ${p.message}`);
  problems += built.problems.length;
}
await writeFormatted(join(REPO_DIRS.catalogue, 'index.ts'), catalogueIndex(services));
if (problems > 0) {
  console.warn(`${problems} problem(s): the catalogue leaves those parts out.`);
  process.exitCode = 1;
}
