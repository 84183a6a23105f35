import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import spec from '../../../src/resources/spec/packages-org-versions.openapi.json';
import { createFakeGitHub } from '../../../src/github/fake/createFakeGitHub';
import { HOSTILE_ID_BASE } from '../../../src/github/fake/hostile';
import { createSampleDataset } from '../../../src/github/sample/dataset';
import { orgVersions } from '../../../src/resources/orgVersions';

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const schemas = spec.components.schemas;
const validateRow = ajv.compile(schemas['package-version']);
const validateError = ajv.compile(schemas['basic-error']);

/** Every row the fake serves for a package, in one state, read through its HTTP answers. */
async function served(fake: ReturnType<typeof createFakeGitHub>, type: string, name: string, state: string) {
  const rows: unknown[] = [];
  for (let page = 1; ; page++) {
    const url = `https://api.test/orgs/acme/packages/${type}/${encodeURIComponent(name)}/versions?per_page=100&state=${state}&page=${page}`;
    const res = await fake.handle(new Request(url));
    expect(res.status).toBe(200);
    const body = (await res.json()) as unknown[];
    rows.push(...body);
    if (!res.headers.get('link')?.includes('rel="next"')) return rows;
  }
}

describe('the fake serves rows valid against GitHub’s package-version schema', () => {
  const dataset = createSampleDataset();

  it.each(dataset.packages.map((p) => [p.type, p.name] as const))('%s %s', async (type, name) => {
    const fake = createFakeGitHub({ hostile: true });
    const rows = [
      ...(await served(fake, type, name, 'active')),
      ...(await served(fake, type, name, 'deleted')),
    ];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const ok = validateRow(row);
      expect(ok, JSON.stringify(validateRow.errors)).toBe(true);
    }
    // Hostile rows are included, so the security suite exercises real, schema-valid data.
    expect(rows.filter((r) => (r as { id: number }).id > HOSTILE_ID_BASE)).toHaveLength(7);
  });

  it('only uses fields the definition lists', () => {
    const fields = new Set(orgVersions.fields.map((f) => f.name));
    for (const pkg of dataset.packages)
      for (const v of pkg.versions) for (const k of Object.keys(v)) expect(fields).toContain(k);
  });

  it('error bodies follow basic-error', async () => {
    const fake = createFakeGitHub({ sampleMode: true });
    const res = await fake.handle(new Request('https://api.test/orgs/acme/packages/npm/missing/versions'));
    expect(res.status).toBe(404);
    expect(validateError(await res.json())).toBe(true);
  });
});

describe('the sample dataset', () => {
  const dataset = createSampleDataset();
  const all = dataset.packages.flatMap((p) => p.versions);

  it('is deterministic', () => {
    expect(createSampleDataset()).toEqual(dataset);
  });

  it('looks like a real org: several types, hundreds of versions, a 3-page container named with a slash', () => {
    expect(dataset.org).toBe('acme');
    expect(new Set(dataset.packages.map((p) => p.type))).toEqual(
      new Set(['container', 'npm', 'maven', 'nuget', 'rubygems']),
    );
    expect(all.length).toBeGreaterThanOrEqual(300);
    const web = dataset.packages.find((p) => p.name === 'web/frontend');
    expect(web?.versions.filter((v) => !v.deleted_at).length).toBeGreaterThan(200);
    expect(new Set(all.map((v) => v.id)).size).toBe(all.length);
  });

  it('has container tags including latest, and deleted versions', () => {
    const tags = all.flatMap((v) => v.metadata?.container?.tags ?? []);
    expect(tags.filter((t) => t === 'latest')).toHaveLength(2);
    expect(all.filter((v) => v.deleted_at).length).toBeGreaterThan(10);
  });

  it('lists versions newest first, as GitHub does', () => {
    for (const pkg of dataset.packages) {
      const created = pkg.versions.map((v) => v.created_at);
      expect(created).toEqual([...created].sort().reverse());
    }
  });
});
