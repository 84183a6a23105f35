import { findResource, memberFor } from '../resources/registry';
import type { ResourceDef } from '../resources/types';
import type { Result } from './errors';
import type { Statement } from './statement';
import type { DeletePlan, SelectPlan } from './types';

/** For each alias a statement names (by id), the member resource to plan it on. */
export type Picks = ReadonlyMap<string, ResourceDef>;

export const NO_PICKS: Picks = new Map();

/**
 * Plans a statement that may name an alias (`github.packages.package_versions`) in two passes. The
 * first plans on the alias as one resource (all its members' methods), so the method is picked from
 * the WHERE params as for any resource, and a statement that fits none gets the usual error, listing
 * the alias's methods. The second plans the same text on the member each picked method belongs to, so
 * the plan, its calls and its local tables are those of the statement written with the member's name.
 */
export function viaMembers<P extends SelectPlan | DeletePlan>(
  st: Statement,
  plan: (st: Statement, picks: Picks) => Result<P>,
): Result<P> {
  const first = plan(st, NO_PICKS);
  if (!first.ok) return first;
  const p: SelectPlan | DeletePlan = first.value;
  const used = [
    [p.resource, p.method],
    ...(p.kind === 'select' && p.join ? [[p.join.resource, p.join.method]] : []),
  ];
  const picks = new Map<string, ResourceDef>();
  for (const [id, method] of used) {
    const named = id === undefined ? undefined : findResource(id);
    const member = named && method !== undefined ? memberFor(named, method) : named;
    if (named && member && member !== named) picks.set(named.id, member);
  }
  return picks.size === 0 ? first : plan(st, picks);
}

/** The resource a name stands for in this pass: an alias's picked member, or what it found. */
export function picked(found: ResourceDef | undefined, picks: Picks): ResourceDef | undefined {
  return found && (picks.get(found.id) ?? found);
}
