import { describe, expect, it } from 'vitest';

import { CORPUS } from '../../fixtures/engine/corpus';
import { runOverFixtures } from './harness';

describe('query corpus over fixture rows', () => {
  it('has at least 60 queries', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(CORPUS.map((c) => [c.sql, c] as const))('%s', (_, c) => {
    const out = runOverFixtures(c.sql);
    if (!out.ok) throw new Error(`${out.error.code}: ${out.error.message}`);
    if (c.ids) expect(out.rows.map((r) => r.id)).toEqual(c.ids);
    if (c.rows) expect(out.rows).toEqual(c.rows);
    if (c.columns) expect(out.columns).toEqual(c.columns);
    const plan = out.plan;
    if (plan.kind !== 'select') throw new Error(`expected a select plan, got ${plan.kind}`);
    if (c.calls !== undefined) expect(plan.calls).toHaveLength(c.calls);
    if (c.method !== undefined) expect(plan.method).toBe(c.method);
    expect(plan.maxRows).toBe(c.maxRows);
  });
});
