import { planQuery } from '../../../src/sql/plan';
import type { SqlError } from '../../../src/sql/errors';
import type { QueryPlan } from '../../../src/sql/types';

/** The plan of a statement that must plan; a refusal fails the test with its code and message. */
export function plan(sql: string): QueryPlan {
  const r = planQuery(sql);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** The error of a statement that must be refused; a plan fails the test. */
export function error(sql: string): SqlError {
  const r = planQuery(sql);
  if (r.ok) throw new Error(`expected an error for ${sql}`);
  return r.error;
}
