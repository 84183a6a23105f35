import { callKey } from '../../../src/resources/calls';
import { createCore, type EngineCore } from '../../../src/engine/core';
import type { SqlError } from '../../../src/sql/errors';
import { planQuery } from '../../../src/sql/plan';
import type { QueryPlan, ResultRow, SelectPlan } from '../../../src/sql/types';
import { fixtureRows } from '../../fixtures/engine/rows';
import { loadSource } from '../../../src/engine/tables';

export const API = 'https://api.github.com';

/** What running one statement over the fixtures gives: rows, or the typed error. */
export type Outcome =
  | {
      readonly ok: true;
      readonly plan: QueryPlan;
      readonly columns: readonly string[];
      readonly rows: readonly ResultRow[];
    }
  | { readonly ok: false; readonly error: SqlError };

/**
 * Plans a statement, loads the fixture rows of each planned call into a core (in pages of 3, to go
 * through appending), and runs it: the playground's flow without the network.
 */
export function runOverFixtures(sql: string, core: EngineCore = createCore()): Outcome {
  const planned = planQuery(sql);
  if (!planned.ok) return planned;
  const plan = planned.value;
  if (plan.kind === 'meta') return { ok: true, plan, columns: plan.columns, rows: plan.rows };
  if (plan.kind !== 'select') return { ok: true, plan, columns: [], rows: [] };
  const loadAll = (calls: SelectPlan['calls']) =>
    calls.map((call) => {
      const key = callKey(API, call);
      const rows = fixtureRows(call);
      core.load(key, loadSource(call), rows.slice(0, 3), true);
      for (let i = 3; i < rows.length; i += 3) core.load(key, loadSource(call), rows.slice(i, i + 3), false);
      return key;
    });
  const keys = loadAll(plan.calls);
  const others = (plan.tables ?? []).map((t) => ({ table: t.table, keys: loadAll(t.calls) }));
  const result = core.run(
    plan.query,
    plan.table,
    keys,
    Number.MAX_SAFE_INTEGER,
    others.length > 0 ? { others } : undefined,
  );
  if (!result.ok) return result;
  return { ok: true, plan, columns: result.value.columns, rows: result.value.rows };
}
