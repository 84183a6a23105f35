import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createCore } from '../../../src/engine/core';
import { planQuery } from '../../../src/sql/plan';
import { ATTACKS } from '../../fixtures/engine/adversarial';
import { runOverFixtures } from './harness';
import { createSandbox, type Sandbox } from './sandbox';
import { getResource } from '../../../src/resources/registry';
import { engineTable } from '../../../src/engine/tables';

const SANITY = `SELECT COUNT(*) AS n FROM github.packages.org_versions WHERE org = 'acme' AND package_name = 'web' AND package_type = 'container'`;

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = createSandbox();
});
afterEach(() => {
  sandbox.restore();
  Reflect.deleteProperty(globalThis, 'pwned');
});

describe('adversarial statements', () => {
  it('the corpus covers each construct of the Safety list', () => {
    const text = ATTACKS.join('\n');
    for (const needle of [
      '``',
      'CREATE FUNCTION',
      'REQUIRE',
      'SOURCE',
      'ATTACH',
      'INTO',
      "JSON('",
      "CSV('",
      "HTML('",
      "'x.csv'",
      '->toString()',
      '?',
      '@x',
      'DROP',
      'UNION',
      '(SELECT',
    ]) {
      expect(text).toContain(needle);
    }
  });

  it.each(ATTACKS.map((a) => [a]))('refuses %s before any request, with a typed error', (sql) => {
    const r = planQuery(sql);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toMatch(
        /^(not-allowed|unsupported-statement|multiple-statements|syntax|unknown-resource)$/,
      );
      expect(r.error.message.length).toBeGreaterThan(10);
    }
    expect(sandbox.touched()).toEqual([]);
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });

  it.each(ATTACKS.map((a) => [a]))('the worker core refuses it too when sent directly: %s', (sql) => {
    // A page that skipped the planner must not get past the worker: the core checks again.
    const core = createCore();
    const local = sql.replaceAll('github.packages.org_versions', 'org_versions');
    const definitions = [engineTable(getResource('github.packages.org_versions'))];
    const r = core.run(local, 'org_versions', [], 10, { definitions });
    expect(r.ok).toBe(false);
    expect(sandbox.touched()).toEqual([]);
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
    // …and stays usable.
    const after = runOverFixtures(SANITY, core);
    expect(after.ok && after.rows).toEqual([{ n: 8 }]);
  });

  it('the tripwires work: an unchecked alasql run of an attack does leave a mark', async () => {
    // Guards the test itself: if the sandbox could not see a touch, the tests above would pass vacuously.
    const alasql = (await import('alasql')).default;
    alasql('SELECT ``globalThis.pwned = 1`` AS x');
    expect((globalThis as Record<string, unknown>).pwned).toBe(1);
    expect(() => {
      void fetch('http://example.invalid/');
    }).toThrow(/sandbox/);
    expect(sandbox.touched()).toContain('fetch');
  });
});
