import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceSources } from './buildService';
import { asOpenApiExtract } from './openApi';
import { parseServicePage } from './parsePage';
import { asServiceSamples } from './samples';

/**
 * Node-only: reads a service's sources from disk, for the generator and the tests that regenerate the
 * catalogue. Browser code never imports this file.
 */

/** Where the sources live. */
export interface SourceDirs {
  /** The provider's pages: `<pages>/services/<service>/index.md`. */
  readonly pages: string;
  /** The OpenAPI extracts: `<spec>/<service>.openapi.json`. */
  readonly spec: string;
  /** The catalogue folder of the provider: `<catalogue>/<service>.samples.json`. */
  readonly catalogue: string;
}

const root = join(import.meta.dirname, '../../..');

/** The repository's own folders: the committed copy of the pages, extracts and samples. */
export const REPO_DIRS: SourceDirs = {
  pages: join(root, 'tests/fixtures/provider'),
  spec: join(root, 'src/resources/spec'),
  catalogue: join(root, 'src/resources/catalogue/github'),
};

/** What `services.json` holds: the provider, its services, and the most problems a build may have. */
export interface ServiceList {
  readonly provider: string;
  readonly services: string[];
  /** The report's count may not pass this (REPORT.md); lowered as problems are fixed. */
  readonly problemCeiling: number;
}

/** The provider, service names and problem ceiling of `services.json`. */
export function readServiceList(dirs: SourceDirs = REPO_DIRS): ServiceList {
  const value = JSON.parse(readFileSync(join(dirs.catalogue, 'services.json'), 'utf8')) as {
    provider?: unknown;
    services?: unknown;
    problemCeiling?: unknown;
  };
  if (typeof value.provider !== 'string' || !Array.isArray(value.services))
    throw new TypeError('services.json: expected { provider, services: [names] }.');
  const ceiling = typeof value.problemCeiling === 'number' ? value.problemCeiling : 0;
  return { provider: value.provider, services: value.services.map(String), problemCeiling: ceiling };
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** A service's pages (every resource its service page lists), extract and samples. */
export function readServiceSources(
  provider: string,
  service: string,
  dirs: SourceDirs = REPO_DIRS,
): ServiceSources {
  const serviceDir = join(dirs.pages, 'services', service);
  const servicePage = readFileSync(join(serviceDir, 'index.md'), 'utf8');
  const resourcePages: Record<string, string> = {};
  for (const name of parseServicePage(servicePage).resources) {
    const page = readIfExists(join(serviceDir, name, 'index.md'));
    if (page !== undefined) resourcePages[name] = page;
  }
  const json = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
  return {
    provider,
    service,
    servicePage,
    resourcePages,
    extract: asOpenApiExtract(json(join(dirs.spec, `${service}.openapi.json`))),
    samples: asServiceSamples(json(join(dirs.catalogue, `${service}.samples.json`))),
  };
}
