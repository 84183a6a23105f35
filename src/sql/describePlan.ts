import { plural, type ApiCall } from '../resources/calls';
import { keyColumns } from './joinPlan';
import type { QueryPlan } from './types';

/** `github.packages.org_versions.get_all_… (org = 'acme', …)`: one call as the plan preview names it. */
function callText(call: ApiCall): string {
  const params = Object.entries(call.params)
    .map(([k, v]) => `${k} = ${typeof v === 'number' ? String(v) : `'${v}'`}`)
    .join(', ');
  return `${call.resource}.${call.method}${params ? ` (${params})` : ''}`;
}

function calls(list: readonly ApiCall[]): string {
  const [first] = list;
  if (!first) return 'no call (the WHERE leaves nothing to fetch)';
  if (list.length === 1) return `1 call: ${callText(first)}`;
  return `${list.length} calls, one after another: ${list.map(callText).join('; ')}`;
}

/**
 * What a planned statement will request, in one or two sentences, before anything runs: the calls,
 * how many, and for a JOIN how the dependent calls are made and capped. Shown beside the Run button.
 */
export function describePlan(plan: QueryPlan): string {
  switch (plan.kind) {
    case 'meta':
      return 'Answered from the catalogue: no request.';
    case 'delete':
    case 'exec':
      return `${plan.kind === 'delete' ? 'DELETE' : 'EXEC'}: ${calls(plan.calls)}. Nothing is sent until you confirm.`;
    case 'select': {
      if (!plan.resource) return 'Runs in the browser: no request.';
      const first = `${calls(plan.calls)}, every page`;
      const join = plan.join;
      if (plan.tables && plan.tables.length > 0) {
        const rest = plan.tables.map((t) => `then ${calls(t.calls)}, every page`).join('; ');
        return `${first}; ${rest}; the SELECTs combined in the browser.`;
      }
      if (!join) return `${first}.`;
      if (join.feeds.length === 0) {
        const second = join.fixed.map((params) => ({ resource: join.resource, method: join.method, params }));
        return `${first}; then ${calls(second)}; joined in the browser.`;
      }
      const fixed = join.fixed.length > 1 ? ` × ${join.fixed.length} WHERE combinations` : '';
      return `${first}; then ${join.resource}.${join.method} once per distinct ${keyColumns(join).join(', ')} of its ${plural(join.unit)} that pass WHERE${fixed} (at most ${join.maxCalls} calls, one at a time); joined in the browser.`;
    }
  }
}
