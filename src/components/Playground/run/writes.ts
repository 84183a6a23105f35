import { buildPath } from '@site/src/resources/calls';
import type { ApiCall } from '@site/src/resources/calls';
import { findMethod, findResource } from '@site/src/resources/registry';
import type { MethodDef } from '@site/src/resources/types';
import { GitHubError, type GitHubClient, type Row } from '@site/src/github';
import type { DeletePlan, ExecPlan } from '@site/src/sql/types';
import { fromUnknown } from './toPlaygroundError';
import { writeActionOf, type WriteAction } from './writeAction';

/** One version a DELETE or EXEC will touch, as the confirmation dialog lists it. */
export interface WriteTarget {
  readonly call: ApiCall;
  /** What this request does (from its HTTP method and path): what the dialog and the outcome say. */
  readonly action: WriteAction;
  /** `DELETE https://api.github.com/orgs/…/versions/123`: exactly the request Confirm sends. */
  readonly request: string;
  readonly id: number | string;
  readonly name?: string;
  readonly tags?: readonly string[];
  /** Why the version's details could not be read (it may not exist, or the token cannot see it). */
  readonly lookupError?: string;
}

/** What Confirm will do: shown in full before anything is sent. */
export interface PendingWrite {
  readonly plan: DeletePlan | ExecPlan;
  readonly targets: readonly WriteTarget[];
  /** Every scope the requests need, in the definition's order. */
  readonly scopes: readonly string[];
}

/** How one request of a confirmed write ended. */
export interface WriteOutcome {
  readonly target: WriteTarget;
  readonly ok: boolean;
  readonly message: string;
}

const GET_METHOD = 'get_package_version_for_organization';

function tagsOf(row: Row | undefined): readonly string[] | undefined {
  const metadata = row?.metadata as { container?: { tags?: unknown } } | undefined;
  const tags = metadata?.container?.tags;
  return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : undefined;
}

const LIST_METHOD = 'get_all_package_versions_for_package_owned_by_org';

/**
 * The version a write names. GitHub answers 404 to a GET of a deleted version, so a restore looks
 * it up in the package's list of deleted versions instead.
 */
async function lookUp(
  action: WriteAction,
  call: ApiCall,
  client: GitHubClient,
  signal: AbortSignal,
): Promise<Row | undefined> {
  if (action.verb === 'Delete')
    return (await client.run({ ...call, method: GET_METHOD }, { signal })).rows[0];
  const { org, package_name, package_type, package_version_id } = call.params;
  if (org === undefined || package_name === undefined || package_type === undefined) return undefined;
  const deleted = await client.run(
    { ...call, method: LIST_METHOD, params: { org, package_name, package_type, state: 'deleted' } },
    { signal },
  );
  const row = deleted.rows.find((r) => r.id === package_version_id);
  if (!row)
    throw new GitHubError(
      'not_found',
      `Version ${String(package_version_id)} is not among the deleted versions of ${String(package_name)}: only versions deleted in the last 30 days can be restored.`,
    );
  return row;
}

/** The method each call sends and its action; refuses a call that is not a write before any request. */
function writeMethodOf(call: ApiCall): { method: MethodDef; action: WriteAction } {
  const resource = findResource(call.resource);
  const method = resource && findMethod(resource, call.method);
  const action = method && writeActionOf(method);
  if (!method || !action) {
    throw new GitHubError(
      'invalid_call',
      `${call.method} is not a DELETE or restore request, so it is not sent from the confirmation dialog; write it as a SELECT.`,
    );
  }
  return { method, action };
}

/**
 * Looks up each version a write names (one GET per version, serially, as GitHub asks), so the dialog
 * can show names and tags. Sends nothing that changes anything. Each call's own method decides what
 * its line says and how it is looked up, never the statement's keyword.
 */
export async function prepareWrite(
  plan: DeletePlan | ExecPlan,
  client: GitHubClient,
  signal: AbortSignal,
): Promise<PendingWrite> {
  const writes = plan.calls.map((call) => ({ call, ...writeMethodOf(call) }));
  const targets: WriteTarget[] = [];
  for (const { call, method, action } of writes) {
    const request = `${method.http.method} ${client.baseUrl}${buildPath(method, call.params)}`;
    const id = call.params.package_version_id ?? '?';
    try {
      const row = await lookUp(action, call, client, signal);
      targets.push({
        call,
        action,
        request,
        id,
        name: typeof row?.name === 'string' ? row.name : undefined,
        tags: tagsOf(row),
      });
    } catch (error) {
      if (signal.aborted) throw error;
      targets.push({ call, action, request, id, lookupError: fromUnknown(error).message });
    }
  }
  const scopes = [...new Set(writes.flatMap((w) => w.method.scopes))];
  return { plan, targets, scopes };
}

/** Sends the confirmed requests one by one (the client spaces writes a second apart, never retries). */
export async function sendWrite(
  pending: PendingWrite,
  client: GitHubClient,
  signal: AbortSignal,
): Promise<WriteOutcome[]> {
  const outcomes: WriteOutcome[] = [];
  for (const target of pending.targets) {
    if (signal.aborted) {
      outcomes.push({ target, ok: false, message: 'Not sent: cancelled.' });
      continue;
    }
    try {
      await client.run(target.call, { signal });
      outcomes.push({ target, ok: true, message: `${target.action.done} version ${String(target.id)}.` });
    } catch (error) {
      outcomes.push({ target, ok: false, message: fromUnknown(error).message });
    }
  }
  return outcomes;
}
