import alasql from 'alasql';

import { kindOf, type AstNode } from '../sql/ast';

/**
 * Changes a checked Select, just before the engine compiles it, so that alasql's DISTINCT code never
 * runs (see SECURITY.md): it keys values by their text in plain objects, which `__proto__`,
 * `constructor` and friends in the data break. Aggregates over DISTINCT values become reducers that
 * keep a Set (distinct.ts), and `SELECT DISTINCT` is done by the core on the result, which also means
 * doing its LIMIT and OFFSET after it. The checked tree the planner reads is never this one.
 */

/** What the core does to the rows alasql returns, in this order. */
export interface PostSteps {
  readonly distinct: boolean;
  readonly offset: number;
  readonly limit?: number;
}

interface AggregateNode {
  aggregatorid?: unknown;
  funcid?: unknown;
  distinct?: unknown;
  label?: unknown;
  expression?: unknown;
}

const AggrValue = (alasql as unknown as { yy: { AggrValue: new (params?: object) => object } }).yy.AggrValue;

/**
 * An aggregate over distinct values, still named as the reader wrote it (`COUNT(DISTINCT name)`):
 * alasql names unaliased columns, and tells aggregates apart, by their text.
 */
class DistinctAggregate extends AggrValue {
  declare label: string;
  declare expression: unknown;
  override toString(): string {
    return `${this.label}(DISTINCT ${String(this.expression)})`;
  }
}

/** The reducer for each aggregate over DISTINCT values (see distinct.ts; MIN/MAX ignore DISTINCT). */
const REDUCERS: Readonly<Record<string, string>> = {
  COUNT: 'STACKQL_COUNT_DISTINCT',
  SUM: 'STACKQL_SUM_DISTINCT',
  TOTAL: 'STACKQL_TOTAL_DISTINCT',
  AVG: 'STACKQL_AVG_DISTINCT',
};

/** Rewrites `select` in place (see above) and says what is left for the core to do. */
export function prepareForCompile(select: AstNode): PostSteps {
  visit(select);
  if (select.distinct !== true) return { distinct: false, offset: 0 };
  const number = (key: string): number | undefined => {
    const node = select[key] as AstNode | undefined;
    return typeof node?.value === 'number' ? node.value : undefined;
  };
  const limit = number('limit') ?? number('top');
  const offset = number('offset') ?? 0;
  for (const key of ['distinct', 'limit', 'offset', 'top']) Reflect.deleteProperty(select, key);
  return { distinct: true, offset, ...(limit !== undefined ? { limit } : {}) };
}

function visit(value: unknown): void {
  if (Array.isArray(value)) {
    for (const v of value) visit(v);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (kindOf(value) === 'AggrValue') toDistinctReducer(value);
  for (const child of Object.values(value)) visit(child);
}

function toDistinctReducer(node: AggregateNode): void {
  if (node.distinct !== true) return;
  const id = String(node.aggregatorid);
  const reducer = REDUCERS[id];
  if (id === 'REDUCE') {
    node.label = node.funcid; // MIN or MAX (see checkExpr.ts): DISTINCT changes nothing
  } else if (reducer) {
    node.label = id;
    node.aggregatorid = 'REDUCE';
    node.funcid = reducer;
  } else {
    throw new Error(`${id}(DISTINCT …) is not supported.`);
  }
  delete node.distinct;
  Object.setPrototypeOf(node, DistinctAggregate.prototype);
}
