import { buildRequest, type ApiCall, type RequestBody } from '@site/src/resources/calls';
import { findMethod, findResource } from '@site/src/resources/registry';
import type { MethodDef, ResourceDef } from '@site/src/resources/types';
import { GitHubError, type GitHubClient, type Row } from '@site/src/github';
import type { DeletePlan, ExecPlan } from '@site/src/sql/types';
import { fromUnknown } from './toPlaygroundError';
import { writeActionOf, type WriteAction } from './writeAction';
import { lookUpTarget, type LookupResult } from './writeLookup';
import { writeSubjectOf, type WriteSubject } from './writeSubject';
import { outcomeText } from '../confirm/confirmText';

export type { WriteSubject } from './writeSubject';

/** One request a DELETE or EXEC will send, and what it touches, as the confirmation dialog lists it. */
export interface WriteTarget {
  readonly call: ApiCall;
  /** What this request does (from its HTTP method and path): what the dialog and the outcome say. */
  readonly action: WriteAction;
  /** What it touches, from the catalogue (its path, the row schema that reads it). */
  readonly subject: WriteSubject;
  /** `DELETE https://api.github.com/orgs/…/versions/123`: exactly the request Confirm sends. */
  readonly request: string;
  /** The JSON request body (body params by the property each sets), when it has one. */
  readonly body?: RequestBody;
  /** The last path param of the request: an id, or a name. */
  readonly id: number | string;
  /** The looked-up row's `name` (a tag digest, a semver, a package's name), when it has one. */
  readonly name?: string;
  /** A container version's tags, from its looked-up row. */
  readonly tags?: readonly string[];
  /** How many of `subject.children` go with it, from its looked-up row. */
  readonly count?: number;
  /** A restore of something GitHub does not show until it is restored (a deleted package). */
  readonly hidden?: boolean;
  /** Why the details could not be read (it may not exist, or the token cannot see it). */
  readonly lookupError?: string;
}

/** What Confirm will do: shown in full before anything is sent. */
export interface PendingWrite {
  readonly plan: DeletePlan | ExecPlan;
  readonly targets: readonly WriteTarget[];
  /** Every scope the requests need, in the definition's order (empty where GitHub documents none). */
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

/** The write's last path param (`/restore` and other action segments aside): the id or name it names. */
function idOf(method: MethodDef, call: ApiCall): number | string {
  const name = /\{(\w+)\}(?:\/[^{}/]+)*$/.exec(method.http.path)?.[1];
  return (name === undefined ? undefined : call.params[name]) ?? '?';
}

/** The details the dialog shows, from the looked-up row. */
function detailsOf(subject: WriteSubject, found: LookupResult): Partial<WriteTarget> {
  const { row } = found;
  const name = typeof row?.name === 'string' ? row.name : undefined;
  const count = subject.children ? row?.[subject.children.countField] : undefined;
  const tags = tagsOf(row);
  return {
    ...(name === undefined ? {} : { name }),
    ...(tags ? { tags } : {}),
    ...(typeof count === 'number' ? { count } : {}),
    ...(found.hidden === true ? { hidden: true } : {}),
  };
}

/**
 * The method each call sends and its action; refuses a call that is not a DELETE or EXEC method (a
 * SELECT's call is never sent from the confirmation dialog) before any request.
 */
function writeMethodOf(call: ApiCall): { resource: ResourceDef; method: MethodDef; action: WriteAction } {
  const resource = findResource(call.resource);
  const method = resource && findMethod(resource, call.method);
  if (!method || (method.sqlVerb !== 'DELETE' && method.sqlVerb !== 'EXEC')) {
    throw new GitHubError(
      'invalid_call',
      `${call.method} is not a DELETE or EXEC method, so it is not sent from the confirmation dialog; write it as a SELECT.`,
    );
  }
  return { resource, method, action: writeActionOf(method) };
}

/**
 * Looks up what each request of a write touches, through the SELECT the catalogue names as the
 * method's `lookup` (one GET per request, serially, as GitHub asks), so the dialog can show names,
 * tags and counts. Sends nothing that changes anything. Each call's own method decides what its line
 * says and how it is looked up, never the statement's keyword.
 */
export async function prepareWrite(
  plan: DeletePlan | ExecPlan,
  client: GitHubClient,
  signal: AbortSignal,
): Promise<PendingWrite> {
  const writes = plan.calls.map((call) => ({ call, ...writeMethodOf(call) }));
  const targets: WriteTarget[] = [];
  for (const { call, resource, method, action } of writes) {
    const request = buildRequest(resource, method, call.params, client.baseUrl);
    const reader = (method.lookup && findResource(method.lookup.resource)) ?? resource;
    const subject = writeSubjectOf(method, call, reader);
    const base = {
      call,
      action,
      subject,
      request: `${request.method} ${request.url}`,
      id: idOf(method, call),
      ...(request.body ? { body: request.body } : {}),
    };
    try {
      const found = await lookUpTarget(action, method, call, client, signal);
      targets.push({ ...base, ...detailsOf(subject, found) });
    } catch (error) {
      if (signal.aborted) throw error;
      targets.push({ ...base, lookupError: fromUnknown(error).message });
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
      const result = await client.run(target.call, { signal });
      // A read run from the dialog (an EXEC that is a GET) says why it gave no rows (a download's redirect).
      const note =
        target.request.startsWith('GET ') && result.status === 'complete' ? result.note : undefined;
      outcomes.push({ target, ok: true, message: outcomeText(target, result.rows, note) });
    } catch (error) {
      outcomes.push({ target, ok: false, message: fromUnknown(error).message });
    }
  }
  return outcomes;
}
