import { methodParams, type ApiCall } from '@site/src/resources/calls';
import { findMethod, findResource } from '@site/src/resources/registry';
import type { MethodDef, ResourceDef } from '@site/src/resources/types';
import { GitHubError, isGitHubError, type GitHubClient, type Row } from '@site/src/github';
import type { WriteAction } from './writeAction';

/** What looking up a write's target found. */
export interface LookupResult {
  /** The row the catalogue's lookup method read (a package, a version), when it could be read. */
  readonly row?: Row;
  /**
   * A restore whose target GitHub does not show: deleted packages answer 404 until restored. That is
   * expected, not a failure, so the dialog says it rather than a lookup error.
   */
  readonly hidden?: boolean;
  /** The row schema of the lookup's resource (`package`, `package-version`): what the write touches. */
  readonly rowSchema?: string;
}

/**
 * The list of the lookup's parent path that can list deleted rows (a `state` param): GitHub answers
 * 404 to a GET of a deleted version, so a restore finds it among the deleted versions instead.
 */
function deletedListOf(resource: ResourceDef, get: MethodDef): MethodDef | undefined {
  const parent = get.http.path.replace(/\/\{\w+\}$/, '');
  return resource.methods.find(
    (m) =>
      m.sqlVerb === 'SELECT' &&
      m.response === 'list' &&
      m.http.path === parent &&
      resource.params.state?.enum?.includes('deleted') === true &&
      m.optionalParams.includes('state'),
  );
}

/** The last path param of a method (`package_version_id`): what identifies one row of the list. */
function lastPathParam(method: MethodDef): string | undefined {
  return /\{(\w+)\}$/.exec(method.http.path)?.[1];
}

/**
 * Reads what a write touches, through the SELECT its method names as `lookup` in the catalogue (the
 * GET of the same path). Sends only GETs. Throws the lookup's error (the dialog shows it), except the
 * 404 of a restore, which is what a deleted package answers: that is `hidden`.
 */
export async function lookUpTarget(
  action: WriteAction,
  method: MethodDef,
  call: ApiCall,
  client: GitHubClient,
  signal: AbortSignal,
): Promise<LookupResult> {
  const { lookup } = method;
  const resource = lookup && findResource(lookup.resource);
  const get = lookup && resource && findMethod(resource, lookup.method);
  if (!resource || !get) return {};
  const { rowSchema } = resource;
  const list = action.verb === 'Restore' ? deletedListOf(resource, get) : undefined;
  const key = lastPathParam(get);
  if (list && key !== undefined) {
    const params = { ...methodParams(list, call.params), state: 'deleted' };
    const deleted = await client.run({ resource: resource.id, method: list.name, params }, { signal });
    const row = deleted.rows.find((r) => r.id === call.params[key]);
    if (!row)
      throw new GitHubError(
        'not_found',
        `${key} ${String(call.params[key])} is not among the deleted rows ${list.name} lists: only what was deleted in the last 30 days can be restored.`,
      );
    return { row, rowSchema };
  }
  try {
    const found = await client.run(
      { resource: resource.id, method: get.name, params: methodParams(get, call.params) },
      { signal },
    );
    return { row: found.rows[0], rowSchema };
  } catch (error) {
    if (action.verb === 'Restore' && isGitHubError(error, 'not_found')) return { hidden: true, rowSchema };
    throw error;
  }
}
