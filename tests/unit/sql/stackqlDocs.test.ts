/**
 * Statements copied from today's StackQL github provider docs plan as written: every SELECT, DELETE
 * and EXEC of its package_versions and packages pages (tests/fixtures/stackql-docs/packages.sql)
 * plans, on the method its docs tab names, to the very calls of the same text written with this
 * catalogue's resource name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { buildPath } from '../../../src/resources/calls';
import { findMethod, getResource } from '../../../src/resources/registry';
import { planQuery } from '../../../src/sql/plan';
import type { QueryPlan } from '../../../src/sql/types';
import { resultOf, runSelect, setupRunner } from '../playground/runnerHarness';

interface DocsStatement {
  readonly page: string;
  readonly method: string;
  /** This catalogue's resource for the method: the same text on its name is the reference. */
  readonly ours: string;
  readonly sql: string;
}

const FIXTURE = join(import.meta.dirname, '../../fixtures/stackql-docs/packages.sql');

/** The statements of the fixture: each from its `-- page · method · ours: id` line to its `;` line. */
function readStatements(): DocsStatement[] {
  const text = readFileSync(FIXTURE, 'utf8');
  return [...text.matchAll(/^-- (\w+) · (\w+) · ours: (github\.[\w.]+)\n([\s\S]*?\n;)$/gm)].map((m) => ({
    page: m[1] ?? '',
    method: m[2] ?? '',
    ours: m[3] ?? '',
    sql: m[4] ?? '',
  }));
}

const STATEMENTS = readStatements();

function plan(sql: string): QueryPlan {
  const r = planQuery(sql);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} (line ${r.error.line ?? '?'})`);
  return r.value;
}

/** The HTTP requests a plan's calls make: method and path. */
function endpoints(p: QueryPlan): string[] {
  if (p.kind === 'meta') return [];
  return p.calls.map((call) => {
    const method = findMethod(getResource(call.resource), call.method);
    return method ? `${method.http.method} ${buildPath(method, call.params)}` : '?';
  });
}

describe("the StackQL docs' github.packages statements", () => {
  it('are all there: one per method of each page, 12 each, as written', () => {
    for (const page of ['package_versions', 'packages']) {
      const methods = STATEMENTS.filter((s) => s.page === page).map((s) => s.method);
      expect(methods.sort()).toEqual(
        getResource(`github.packages.${page}`)
          .methods.map((m) => m.name)
          .sort(),
      );
    }
    expect(STATEMENTS).toHaveLength(24);
    for (const s of STATEMENTS) expect(s.sql).toContain(`github.packages.${s.page}`);
    // The docs' EXEC layout: one argument a line, each `--required,` comment swallowing its comma.
    expect(STATEMENTS.find((s) => s.method === 'restore_package_version_for_org')?.sql).toContain(
      "\n@org='acme' --required, \n@package_version_id='81005136' --required\n;",
    );
  });

  it.each(STATEMENTS.map((s) => [`${s.page}: ${s.method}`, s] as const))(
    '%s plans as written, on the same calls as on its own name',
    (_, s) => {
      const docs = plan(s.sql);
      const ours = plan(s.sql.replace(`github.packages.${s.page}`, s.ours));
      expect(docs).toMatchObject({ resource: s.ours, method: s.method });
      expect(docs.kind === 'meta' ? [] : docs.calls).toEqual(ours.kind === 'meta' ? [] : ours.calls);
      expect(endpoints(docs)).toEqual(endpoints(ours));
      expect(endpoints(docs)).toHaveLength(1);
    },
  );

  const selects = STATEMENTS.filter((s) => s.sql.startsWith('SELECT'));

  it.each(selects.map((s) => [`${s.page}: ${s.method}`, s] as const))(
    '%s returns on the sample data the rows of the same text on its own name',
    async (_, s) => {
      const { runner, client } = setupRunner();
      const rows = async (sql: string) => {
        const p = plan(sql);
        if (p.kind !== 'select') throw new Error(p.kind);
        return resultOf((await runSelect(runner, client, p)).outcome).rows;
      };
      const docs = await rows(s.sql);
      expect(docs).toEqual(await rows(s.sql.replace(`github.packages.${s.page}`, s.ours)));
      // Every one finds its sample rows; the list statements give `page` and `per_page`, which fetch
      // that one page of that size (params.ts).
      expect(docs.length).toBeGreaterThan(0);
      const perPage = /\bper_page = '?(\d+)/.exec(s.sql)?.[1];
      if (perPage !== undefined) expect(docs.length).toBeLessThanOrEqual(Number(perPage));
    },
  );
});
