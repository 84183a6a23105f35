/**
 * The whole catalogue through the planner: every selectable resource plans a SELECT from its generated
 * example; every DELETE and EXEC example plans the exact request its method makes (HTTP method, path
 * with the example's values URL-encoded, JSON body); every INSERT, UPDATE and REPLACE example is refused
 * as not run yet, showing that request. The expected request is rebuilt here from the method's path
 * template and the values the example writes, not by the code under test.
 */
import { describe, expect, it } from 'vitest';

import { allResources, findMethod } from '../../../src/resources/registry';
import { buildRequest, type PlannedRequest } from '../../../src/resources/calls';
import type { ExampleQuery, MethodDef, ResourceDef } from '../../../src/resources/types';
import { getResource } from '../../../src/resources/registry';
import { planQuery } from '../../../src/sql/plan';

type Case = readonly [string, ResourceDef, ExampleQuery];

const verbOf = (sql: string): string => (/^\s*(\w+)/.exec(sql)?.[1] ?? '').toUpperCase();

function examples(verbs: readonly string[]): Case[] {
  return allResources().flatMap((r) =>
    r.examples.filter((e) => verbs.includes(verbOf(e.sql))).map((e): Case => [`${r.id} ${e.method}`, r, e]),
  );
}

/** The values an example gives, by name: `name = 'v'`, `@name='v'`, `@name=1`, or INSERT's columns and row. */
function givenValues(sql: string): Map<string, string> {
  const values = new Map<string, string>();
  const literal = String.raw`'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?)|(true|false)`;
  for (const m of sql.matchAll(new RegExp(String.raw`@?(\w+)\s*=\s*(?:${literal})`, 'gi'))) {
    const [, name = '', text, number, bool] = m;
    values.set(name.toLowerCase(), text !== undefined ? text.replaceAll("''", "'") : (number ?? bool ?? ''));
  }
  const insert = /\(\s*([\w\s,]+?)\s*\)\s*(?:SELECT|VALUES\s*\()([\s\S]*?)\)?\s*;?\s*$/i.exec(sql);
  if (verbOf(sql) === 'INSERT' && insert) {
    const names = (insert[1] ?? '').split(',').map((s) => s.trim().toLowerCase());
    const row = [...(insert[2] ?? '').matchAll(new RegExp(literal, 'gi'))].map(
      (m) => m[1]?.replaceAll("''", "'") ?? m[2] ?? m[3] ?? '',
    );
    names.forEach((n, i) => values.set(n, row[i] ?? ''));
  }
  return values;
}

/** The request path of a method with the example's values, each URL-encoded. */
function expectedPath(method: MethodDef, values: ReadonlyMap<string, string>): string {
  return method.http.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(values.get(name) ?? `?${name}`),
  );
}

/** What the body of the example's request holds: its body params' properties. */
function expectedBodyKeys(
  resource: ResourceDef,
  method: MethodDef,
  values: ReadonlyMap<string, string>,
): string[] {
  return [...method.requiredParams, ...method.optionalParams]
    .filter((p) => resource.params[p]?.in === 'body' && values.has(p))
    .map((p) => resource.params[p]?.property ?? p)
    .sort();
}

function requestOf(
  plannedResource: string,
  methodName: string,
  params: Parameters<typeof buildRequest>[2],
): PlannedRequest {
  const resource = getResource(plannedResource);
  const method = findMethod(resource, methodName);
  if (!method) throw new Error(`no method ${methodName}`);
  return buildRequest(resource, method, params);
}

function checkRequest(
  request: PlannedRequest | undefined,
  resource: ResourceDef,
  method: MethodDef,
  sql: string,
) {
  const values = givenValues(sql);
  expect(request?.method).toBe(method.http.method);
  expect(request?.url.split('?')[0]).toBe(expectedPath(method, values));
  expect(Object.keys(request?.body ?? {}).sort()).toEqual(expectedBodyKeys(resource, method, values));
}

describe('the whole catalogue plans its examples', () => {
  it('has every service of the provider', () => {
    expect(new Set(allResources().map((r) => r.service)).size).toBeGreaterThanOrEqual(31);
  });

  const selectable = allResources().filter((r) => r.methods.some((m) => m.sqlVerb === 'SELECT'));
  it.each(selectable.map((r) => [r.id, r] as const))('%s plans a SELECT from its example', (_, resource) => {
    const mine = resource.examples.filter((e) => verbOf(e.sql) === 'SELECT');
    expect(mine.length).toBeGreaterThan(0);
    for (const example of mine) {
      const planned = planQuery(example.sql);
      if (!planned.ok) throw new Error(`${example.method}: ${planned.error.message}\n${example.sql}`);
      expect(planned.value.kind).toBe('select');
      const sel = planned.value.kind === 'select' ? planned.value : undefined;
      const own = findMethod(resource, example.method);
      if (own?.sqlVerb === 'SELECT' && !sel?.join && !sel?.tables) {
        expect(sel?.method).toBe(example.method);
        expect(sel?.calls.length).toBe(1);
      }
    }
  });

  it.each(examples(['DELETE', 'EXEC']))('%s plans its exact request', (_, resource, example) => {
    const planned = planQuery(example.sql);
    if (!planned.ok) throw new Error(`${planned.error.message}\n${example.sql}`);
    const plan = planned.value;
    expect(plan.kind).toBe(verbOf(example.sql) === 'DELETE' ? 'delete' : 'exec');
    if (plan.kind !== 'delete' && plan.kind !== 'exec') return;
    expect(plan.method).toBe(example.method);
    expect(plan.calls).toHaveLength(1);
    const [call] = plan.calls;
    const method = findMethod(getResource(plan.resource), example.method);
    if (!call || !method) throw new Error('no call');
    checkRequest(
      requestOf(call.resource, call.method, call.params),
      getResource(call.resource),
      method,
      example.sql,
    );
  });

  it.each(examples(['INSERT', 'UPDATE', 'REPLACE']))(
    '%s is refused with its request shown',
    (_, resource, example) => {
      const planned = planQuery(example.sql);
      if (planned.ok) throw new Error(`planned: ${example.sql}`);
      if (planned.error.requests === undefined) throw new Error(`${planned.error.message}\n${example.sql}`);
      expect(planned.error.code).toBe('unsupported-statement');
      expect(planned.error.message).toMatch(/^Running (INSERT|UPDATE|REPLACE) is not supported yet/);
      const method = findMethod(resource, example.method);
      if (!method) throw new Error(`no method ${example.method}`);
      expect(planned.error.requests).toHaveLength(1);
      const [request] = planned.error.requests;
      checkRequest(request, resource, method, example.sql);
      expect(planned.error.message).toContain(`${request?.method ?? ''} ${request?.url ?? ''}`);
    },
  );
});
