import { findMethod, findResource } from '@site/src/resources/registry';
import type { ApiCall } from '@site/src/resources/calls';
import { planQuery } from '@site/src/sql/plan';

/** What the statement in the editor needs of a token: each method it calls, with its scopes. */
export interface StatementScopes {
  /** `github.actions.workflow_runs.list_workflow_runs`. */
  readonly methods: readonly string[];
  /** Every classic scope those methods need, as GitHub documents them (empty: none documented). */
  readonly scopes: readonly string[];
}

/**
 * The scopes the statement's calls need, from the catalogue (`MethodDef.scopes`), or undefined while it
 * does not plan or calls nothing (SHOW, DESCRIBE). The token hint shows them beside the field.
 */
export function statementScopes(sql: string): StatementScopes | undefined {
  const planned = planQuery(sql);
  if (!planned.ok || planned.value.kind === 'meta') return undefined;
  const plan = planned.value;
  const calls: ApiCall[] = [...plan.calls];
  if (plan.kind === 'select') {
    for (const t of plan.tables ?? []) calls.push(...t.calls);
    // A JOIN's dependent calls are made per key; its method is the same for each.
    if (plan.join) calls.push({ resource: plan.join.resource, method: plan.join.method, params: {} });
  }
  const methods = new Map<string, readonly string[]>();
  for (const call of calls) {
    const resource = findResource(call.resource);
    const method = resource && findMethod(resource, call.method);
    if (method) methods.set(`${call.resource}.${method.name}`, method.scopes);
  }
  if (methods.size === 0) return undefined;
  return { methods: [...methods.keys()], scopes: [...new Set([...methods.values()].flat())] };
}
