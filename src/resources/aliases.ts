import type { ParamDef, ResourceDef } from './types';

/**
 * Another name for resources of the catalogue: the one today's StackQL provider gives them
 * (`github.packages.package_versions` for `org_versions`, `user_versions` and `auth_user_versions`), so
 * statements copied from its current docs plan as written.
 */
export interface ResourceAlias {
  /** Fully qualified name, `github.packages.package_versions`. */
  readonly id: string;
  /** The resources it stands for, in the order the planner tries their methods. */
  readonly members: readonly ResourceDef[];
  /**
   * The members as one resource, for what reads a resource by name before a method is picked (the
   * planner, SHOW METHODS, DESCRIBE, completions): every member's methods and params, and the fields
   * they share. No call is ever made on it: a planned call names the member of its method.
   */
  readonly resource: ResourceDef;
}

interface AliasData {
  readonly id: string;
  readonly summary: string;
  readonly members: readonly string[];
}

/**
 * Narrows the hand-kept `aliases.json` and builds each alias over the catalogue's resources. Throws on
 * data that would make a name ambiguous: an unknown member, an alias that is also a resource, members
 * of different services or row schemas, or two members with a method of the same name (an EXEC on the
 * alias would not know which to call).
 */
export function buildAliases(data: unknown, resources: readonly ResourceDef[]): ResourceAlias[] {
  const bad = (why: string): never => {
    throw new TypeError(`aliases.json is out of shape: ${why}.`);
  };
  const list = (data as { aliases?: unknown } | null)?.aliases;
  if (!Array.isArray(list)) return bad('it needs an "aliases" array');
  return (list as readonly Partial<AliasData>[]).map((a) => {
    const { id, summary, members } = a;
    if (typeof id !== 'string' || typeof summary !== 'string' || !Array.isArray(members))
      return bad('an alias needs an id, a summary and members');
    if (resources.some((r) => r.id === id)) return bad(`${id} is a resource of the catalogue`);
    const defs = members.map((m) => resources.find((r) => r.id === m) ?? bad(`${id}: no resource ${m}`));
    const [first] = defs;
    if (!first) return bad(`${id} has no members`);
    const name = id.split('.')[2] ?? '';
    if (id !== `${first.provider}.${first.service}.${name}`) return bad(`${id} is not in ${first.service}`);
    for (const d of defs) {
      if (d.service !== first.service || d.rowSchema !== first.rowSchema)
        bad(`${id}: ${d.id} is not of ${first.service} or has other rows than ${first.id}`);
    }
    const methods = defs.flatMap((d) => d.methods);
    const twice = methods.find((m, i) => methods.findIndex((n) => n.name === m.name) !== i);
    if (twice) bad(`${id}: two members have a method ${twice.name}`);
    const params: Record<string, ParamDef> = {};
    // The first member that has a param describes it, as ParamDef.in is its first method's.
    for (const d of defs) for (const [k, p] of Object.entries(d.params)) params[k] ??= p;
    const resource: ResourceDef = { ...first, id, name, summary, methods, params, examples: [] };
    return { id, members: defs, resource };
  });
}
