/**
 * Every selectable resource of the catalogue runs on sample data: the first call of its first SELECT
 * example, through the real client, answers rows of the resource's columns; a fresh sample API answers
 * every request of that run with the same bytes, and so does the fake server on loopback for a resource
 * of every service and every wrapped or paginated one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHubServer } from '../../../src/github/fake/server';
import {
  createSampleApi,
  createSampleClient,
  SAMPLE_BASE_URL,
} from '../../../src/github/sample/sampleBackend';
import type { Row } from '../../../src/github/types';
import type { ApiCall, ParamValue } from '../../../src/resources/calls';
import { allResources, findMethod } from '../../../src/resources/registry';
import type { ResourceDef } from '../../../src/resources/types';
import { planQuery } from '../../../src/sql/plan';

const selectable = allResources().filter((r) => r.methods.some((m) => m.sqlVerb === 'SELECT'));

/**
 * The first call of the resource's first SELECT example. Where the planner refuses the example (a
 * placeholder such as `{{ run_id }}` the samples file does not fill yet), the call its method makes
 * with a value of each required param's type: the sample data must answer any value.
 */
function firstCall(resource: ResourceDef): ApiCall {
  const example = resource.examples.find((e) => findMethod(resource, e.method)?.sqlVerb === 'SELECT');
  const planned = example && planQuery(example.sql);
  if (planned?.ok && planned.value.kind === 'select' && planned.value.calls[0]) return planned.value.calls[0];
  const method = resource.methods.find((m) => m.sqlVerb === 'SELECT');
  if (!method) throw new Error(`${resource.id} has no SELECT`);
  const params: Record<string, ParamValue> = {};
  for (const name of method.requiredParams) {
    const p = resource.params[name];
    params[name] = p?.enum?.[0] ?? (p?.type === 'integer' || p?.type === 'number' ? 1 : 'acme');
  }
  return { resource: resource.id, method: method.name, params };
}

const calls = selectable.map((r) => [r.id, r, firstCall(r)] as const);

/** The columns a row of this call may have: of every resource that has the same operation. */
function columnsOf(operationId: string): Set<string> {
  const sharing = allResources().filter((r) => r.methods.some((m) => m.http.operationId === operationId));
  return new Set(sharing.flatMap((r) => r.fields.map((f) => f.name)));
}

const api = createSampleApi();
const answers = new Map<string, readonly Row[] | string>();
/** The URLs each resource's call requested, in order. */
const requested = new Map<string, string[]>();

describe('the sample API answers every selectable resource', () => {
  beforeAll(async () => {
    const client = createSampleClient({}, api);
    for (const [id, , call] of calls) {
      const before = api.requests.length;
      const result = await client.run(call).catch((e: unknown) => String(e));
      answers.set(id, typeof result === 'string' ? result : result.rows);
      requested.set(
        id,
        api.requests.slice(before).map((r) => r.url),
      );
    }
  });

  it.each(calls)('%s', (id, resource, call) => {
    const method = findMethod(resource, call.method);
    const rows = answers.get(id);
    if (typeof rows === 'string' || rows === undefined) throw new Error(rows);
    // A SELECT GitHub answers with no content (204) or a redirect to a file has no rows.
    if (method?.response === 'empty' || method?.response === 'redirect') {
      expect(rows).toEqual([]);
      return;
    }
    expect(rows.length).toBeGreaterThan(0);
    if (method?.response === 'item') expect(rows).toHaveLength(1);
    const columns = columnsOf(method?.http.operationId ?? '');
    const required = resource.fields.filter((f) => f.required).map((f) => f.name);
    for (const row of rows) {
      expect(Object.keys(row).filter((k) => !columns.has(k))).toEqual([]);
      expect(required.filter((k) => !(k in row))).toEqual([]);
    }
  });
});

/** The URLs whose answer from `fetchIt` differs from the sample API's (status or bytes). */
async function differing(urls: readonly string[], fetchIt: (url: string) => Promise<Response>) {
  const differ: string[] = [];
  for (const url of urls) {
    const [want, got] = await Promise.all([api.handle(new Request(url)), fetchIt(url)]);
    if (got.status !== want.status || (await got.text()) !== (await want.text())) differ.push(url);
  }
  return differ;
}

describe('the same answers elsewhere', () => {
  it('a fresh sample API answers every request of that run alike: the data is the same in every run', async () => {
    const fresh = createSampleApi();
    const urls = [...requested.values()].flat();
    expect(await differing(urls, (url) => fresh.handle(new Request(url)))).toEqual([]);
  });

  describe('the fake server on loopback', () => {
    let server: Awaited<ReturnType<typeof startFakeGitHubServer>>;
    beforeAll(async () => {
      server = await startFakeGitHubServer({ sampleMode: true });
    });
    afterAll(async () => {
      await server.close();
    });

    it('answers a resource of every service, and every wrapped or paginated one, alike', async () => {
      const services = new Set<string>();
      const urls = calls.flatMap(([id, resource, call]) => {
        const own = requested.get(id) ?? [];
        const firstOfService = !services.has(resource.service);
        services.add(resource.service);
        const wrapped = findMethod(resource, call.method)?.rowsKey !== undefined;
        return firstOfService || wrapped || own.length > 1 ? own : [];
      });
      expect(services.size).toBeGreaterThan(1);
      const differ = await differing(urls, (url) => fetch(url.replace(SAMPLE_BASE_URL, server.url)));
      expect(differ).toEqual([]);
    });
  });
});
