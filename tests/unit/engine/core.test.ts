import { describe, expect, it } from 'vitest';

import { createCore } from '../../../src/engine/core';
import { callKey, type ApiCall } from '../../../src/resources/calls';
import { getResource } from '../../../src/resources/registry';
import { CLI_ROWS, WEB_ROWS } from '../../fixtures/engine/rows';
import { loadSource } from '../../../src/engine/tables';

const orgVersions = getResource('github.packages.org_versions');

const LIST = 'get_all_package_versions_for_package_owned_by_org';
const web: ApiCall = {
  resource: orgVersions.id,
  method: LIST,
  params: { org: 'acme', package_name: 'web', package_type: 'container' },
};
const cli: ApiCall = {
  resource: orgVersions.id,
  method: LIST,
  params: { org: 'acme', package_name: 'cli', package_type: 'npm' },
};
const WEB = callKey('https://api.github.com', web);
const CLI = callKey('https://api.github.com', cli);
const Q = (sql: string) => sql.replace(' FROM T', ' FROM org_versions');

function ids(r: ReturnType<ReturnType<typeof createCore>['run']>): unknown[] {
  if (!r.ok) throw new Error(r.error.message);
  return r.value.rows.map((x) => x.id);
}

describe('engine core', () => {
  it('appends pages to a dataset, and a reset starts it over', () => {
    const core = createCore();
    expect(core.load(WEB, loadSource(web), WEB_ROWS.slice(0, 3), true)).toBe(3);
    expect(core.load(WEB, loadSource(web), WEB_ROWS.slice(3), false)).toBe(8);
    expect(ids(core.run(Q('SELECT id FROM T'), 'org_versions', [WEB], 100))).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    core.load(WEB, loadSource(web), WEB_ROWS.slice(0, 1), true);
    expect(ids(core.run(Q('SELECT id FROM T'), 'org_versions', [WEB], 100))).toEqual([1]);
  });

  it('SELECT * gives the fields in definition order, without the param columns, which WHERE and SELECT can still read', () => {
    const core = createCore();
    core.load(WEB, loadSource(web), WEB_ROWS, true);
    const star = core.run(Q('SELECT * FROM T WHERE id = 1'), 'org_versions', [WEB], 10);
    if (!star.ok) throw new Error(star.error.message);
    expect(Object.keys(star.value.rows[0] ?? {})).toEqual(orgVersions.fields.map((f) => f.name));
    expect(star.value.columns).toEqual(orgVersions.fields.map((f) => f.name));
    const params = core.run(
      Q("SELECT org, package_type, state FROM T WHERE package_name = 'web' AND id = 1"),
      'org_versions',
      [WEB],
      10,
    );
    expect(params.ok && params.value.rows).toEqual([
      { org: 'acme', package_type: 'container', state: 'active' },
    ]);
  });

  it('runs over the union of the named datasets, in order, and only those', () => {
    const core = createCore();
    core.load(WEB, loadSource(web), WEB_ROWS, true);
    core.load(CLI, loadSource(cli), CLI_ROWS, true);
    expect(ids(core.run(Q('SELECT id FROM T WHERE id IN (1, 101)'), 'org_versions', [CLI, WEB], 10))).toEqual(
      [101, 1],
    );
    expect(ids(core.run(Q('SELECT id FROM T WHERE id IN (1, 101)'), 'org_versions', [WEB], 10))).toEqual([1]);
    core.drop(CLI);
    const r = core.run(Q('SELECT id FROM T'), 'org_versions', [CLI, WEB], 10);
    expect(r.ok ? 'ok' : r.error.code).toBe('no-data');
  });

  it('returns a first window and the total, then windows on request, until released', () => {
    const core = createCore();
    core.load(WEB, loadSource(web), WEB_ROWS, true);
    const r = core.run(Q('SELECT id FROM T ORDER BY id'), 'org_versions', [WEB], 3);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.total).toBe(8);
    expect(r.value.rows.map((x) => x.id)).toEqual([1, 2, 3]);
    const w = core.window(r.value.resultId, 6, 5);
    expect(w.ok && w.value.map((x) => x.id)).toEqual([7, 8]);
    core.release(r.value.resultId);
    const gone = core.window(r.value.resultId, 0, 1);
    expect(gone.ok ? 'ok' : gone.error.code).toBe('no-data');
  });

  it('keeps only the latest few results', () => {
    const core = createCore();
    core.load(WEB, loadSource(web), WEB_ROWS, true);
    const first = core.run(Q('SELECT id FROM T'), 'org_versions', [WEB], 1);
    for (let i = 0; i < 5; i++) core.run(Q('SELECT id FROM T'), 'org_versions', [WEB], 1);
    expect(first.ok && core.window(first.value.resultId, 0, 1).ok).toBe(false);
  });

  it('reports a failure while running as a runtime error, and keeps working', () => {
    const core = createCore();
    core.load(WEB, loadSource(web), WEB_ROWS, true);
    const bad = core.run(Q("SELECT json_extract(metadata, 'tags') AS t FROM T"), 'org_versions', [WEB], 10);
    expect(bad.ok ? 'ok' : bad.error).toMatchObject({
      code: 'runtime',
      message: expect.stringContaining('JSON path error') as unknown,
    });
    expect(ids(core.run(Q('SELECT id FROM T WHERE id = 2'), 'org_versions', [WEB], 10))).toEqual([2]);
  });

  it('names the columns of an empty result from the query', () => {
    const core = createCore();
    core.load(WEB, loadSource(web), [], true);
    const r = core.run(Q('SELECT id, UPPER(name), created_at AS c FROM T'), 'org_versions', [WEB], 10);
    expect(r.ok && r.value.columns).toEqual(['id', 'UPPER(name)', 'c']);
    const star = core.run(Q('SELECT * FROM T'), 'org_versions', [WEB], 10);
    expect(star.ok && star.value.columns).toEqual(orgVersions.fields.map((f) => f.name));
  });

  it('skips param terms only for datasets whose call satisfies them, so the WHERE still filters the rest', () => {
    const core = createCore();
    core.load(WEB, loadSource(web), WEB_ROWS, true);
    core.load(CLI, loadSource(cli), CLI_ROWS, true);
    const q = Q("SELECT COUNT(*) AS n FROM T WHERE org = 'acme' AND package_name = 'web'");
    const count = (keys: string[]) => {
      const r = core.run(q, 'org_versions', keys, 10);
      return r.ok ? r.value.rows : r.error.code;
    };
    expect(count([WEB])).toEqual([{ n: 8 }]);
    expect(count([CLI])).toEqual([{ n: 0 }]);
    expect(count([WEB, CLI])).toEqual([{ n: 8 }]);
    const state = core.run(
      Q("SELECT COUNT(*) AS n FROM T WHERE state = 'deleted'"),
      'org_versions',
      [WEB],
      10,
    );
    expect(state.ok && state.value.rows).toEqual([{ n: 0 }]);
  });

  it('checks the query itself, whatever the page sent', () => {
    const core = createCore();
    const r = core.run('SELECT ``1`` FROM org_versions', 'org_versions', [], 10);
    expect(r.ok ? 'ok' : r.error.code).toBe('not-allowed');
  });
});
