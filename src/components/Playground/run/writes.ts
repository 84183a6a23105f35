import { bodyParams, buildPath } from '@site/src/resources/calls';
import type { ApiCall, ParamValue } from '@site/src/resources/calls';
import { findMethod, findResource } from '@site/src/resources/registry';
import type { MethodDef, ResourceDef } from '@site/src/resources/types';
import { GitHubError, type GitHubClient, type Row } from '@site/src/github';
import type { DeletePlan, ExecPlan } from '@site/src/sql/types';
import { fromUnknown } from './toPlaygroundError';
import { writeActionOf, type WriteAction } from './writeAction';
import { lookUpTarget, type LookupResult } from './writeLookup';
import { subjectText } from '../confirm/confirmText';

/**
 * What one write touches: a package version, or a package with every version in it. Read from the row
 * schema of the call's resource (`package` or `package-version`), so each resource's writes say the
 * right thing without a list of method names.
 */
export type WriteSubject = 'version' | 'package';

/** One request a DELETE or EXEC will send, and what it touches, as the confirmation dialog lists it. */
export interface WriteTarget {
  readonly call: ApiCall;
  /** What this request does (from its HTTP method and path): what the dialog and the outcome say. */
  readonly action: WriteAction;
  readonly subject: WriteSubject;
  /** `DELETE https://api.github.com/orgs/…/versions/123`: exactly the request Confirm sends. */
  readonly request: string;
  /** The request's body params (an EXEC's `@@json` keys), when it has any. */
  readonly body?: Readonly<Record<string, ParamValue>>;
  /** The last path param of the request: a version id, or a package name. */
  readonly id: number | string;
  /** The version's name (a tag digest, a semver), or the package's. */
  readonly name?: string;
  readonly tags?: readonly string[];
  /** A package's type (`npm`, `container`), from the request's params. */
  readonly packageType?: string;
  /** How many versions a package has (its row's `version_count`): what deleting it removes. */
  readonly versionCount?: number;
  /** A restore of something GitHub does not show until it is restored (a deleted package). */
  readonly hidden?: boolean;
  /** Why the details could not be read (it may not exist, or the token cannot see it). */
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

function tagsOf(row: Row | undefined): readonly string[] | undefined {
  const metadata = row?.metadata as { container?: { tags?: unknown } } | undefined;
  const tags = metadata?.container?.tags;
  return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : undefined;
}

/** The write's last path param (`/restore` aside): the version id or package name it names. */
function idOf(method: MethodDef, call: ApiCall): number | string {
  const name = /\{(\w+)\}(?:\/restore)?$/.exec(method.http.path)?.[1];
  return (name === undefined ? undefined : call.params[name]) ?? '?';
}

/** What the call's resource holds a row of: a package, or (anything else) a package version. */
function subjectOf(call: ApiCall): WriteSubject {
  return findResource(call.resource)?.rowSchema === 'package' ? 'package' : 'version';
}

/** The details the dialog shows, from the looked-up row and the request's own params. */
function detailsOf(subject: WriteSubject, call: ApiCall, found: LookupResult): Partial<WriteTarget> {
  const { row } = found;
  const name = typeof row?.name === 'string' ? row.name : undefined;
  if (subject === 'version') return { name, tags: tagsOf(row), hidden: found.hidden };
  const type = row?.package_type ?? call.params.package_type;
  const count = row?.version_count;
  return {
    name: name ?? (typeof call.params.package_name === 'string' ? call.params.package_name : undefined),
    packageType: typeof type === 'string' ? type : undefined,
    versionCount: typeof count === 'number' ? count : undefined,
    hidden: found.hidden,
  };
}

/** The method each call sends and its action; refuses a call that is not a write before any request. */
function writeMethodOf(call: ApiCall): { resource: ResourceDef; method: MethodDef; action: WriteAction } {
  const resource = findResource(call.resource);
  const method = resource && findMethod(resource, call.method);
  const action = method && writeActionOf(method);
  if (!method || !action) {
    throw new GitHubError(
      'invalid_call',
      `${call.method} is not a DELETE or restore request, so it is not sent from the confirmation dialog; write it as a SELECT.`,
    );
  }
  return { resource, method, action };
}

/**
 * Looks up what each request of a write touches, through the SELECT the catalogue names as the
 * method's `lookup` (one GET per request, serially, as GitHub asks), so the dialog can show names,
 * tags and version counts. Sends nothing that changes anything. Each call's own method decides what
 * its line says and how it is looked up, never the statement's keyword.
 */
export async function prepareWrite(
  plan: DeletePlan | ExecPlan,
  client: GitHubClient,
  signal: AbortSignal,
): Promise<PendingWrite> {
  const writes = plan.calls.map((call) => ({ call, ...writeMethodOf(call) }));
  const targets: WriteTarget[] = [];
  for (const { call, resource, method, action } of writes) {
    const request = `${method.http.method} ${client.baseUrl}${buildPath(method, call.params)}`;
    const subject = subjectOf(call);
    const body = bodyParams(resource, method, call.params);
    const base = {
      call,
      action,
      subject,
      request,
      id: idOf(method, call),
      ...(Object.keys(body).length > 0 ? { body } : {}),
    };
    try {
      const found = await lookUpTarget(action, method, call, client, signal);
      targets.push({ ...base, ...detailsOf(subject, call, found) });
    } catch (error) {
      if (signal.aborted) throw error;
      targets.push({ ...base, ...detailsOf(subject, call, {}), lookupError: fromUnknown(error).message });
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
      outcomes.push({ target, ok: true, message: `${target.action.done} ${subjectText(target)}.` });
    } catch (error) {
      outcomes.push({ target, ok: false, message: fromUnknown(error).message });
    }
  }
  return outcomes;
}
