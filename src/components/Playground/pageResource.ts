import { docPath, playgroundResource } from '@site/src/resources/registry';
import type { ResourceDef } from '@site/src/resources/types';
import { scan, statementAround } from './editor/scan';
import { tableRefs } from './editor/tables';
import type { EditorDraft } from './editor/draft';

/**
 * The resource whose reference page `pathname` is (`/services/packages/org_packages`, with any base
 * URL before it and an optional trailing slash), or undefined on any other page.
 */
export function resourceAtPath(pathname: string, resources: readonly ResourceDef[]): ResourceDef | undefined {
  const path = pathname.replace(/\/+$/, '');
  return resources.find((r) => path.endsWith(docPath(r)));
}

/** The resource a page's playground starts from: the page's own, else the full-window default. */
export function startingResource(
  pathname: string,
  resources: readonly ResourceDef[],
): ResourceDef | undefined {
  return resourceAtPath(pathname, resources) ?? playgroundResource();
}

/**
 * A file name for an export of the result of `sql`: the resources it reads (`org_packages-org_versions`),
 * or `result` for a statement over none (SHOW, `SELECT 1`).
 */
export function exportBaseName(sql: string, resources: readonly ResourceDef[]): string {
  const refs = tableRefs(statementAround(scan(sql), 0), resources);
  const names = [...new Set(refs.map((r) => r.resource.name))];
  return names.length > 0 ? names.join('-') : 'result';
}

/** Where the playground's first SQL can come from, in the order it is taken. */
export interface OpeningSources {
  /** What the reader did in the page's own field while the playground loaded (draft.ts). */
  readonly draft?: Pick<EditorDraft, 'value' | 'edited'>;
  /** A shared link's SQL (`#sql=…`): someone else's query. */
  readonly shared?: { readonly sql: string };
  /** The page's resource (`startingResource`). */
  readonly resource?: Pick<ResourceDef, 'examples'>;
}

/**
 * The SQL the playground opens with: what the reader typed in the page's own field while it loaded,
 * else a shared link's, else the page's resource's first example.
 */
export function openingSql({ draft, shared, resource }: OpeningSources): string {
  return draft?.edited ? draft.value : (shared?.sql ?? resource?.examples[0]?.sql ?? '');
}

/**
 * The SQL the engine compiles ahead of the first Run (`warmEngine`): the reader's own text or the
 * page's example, never a shared link's. A query someone else wrote runs nothing, not even over empty
 * tables, until the reader clicks Run: with one, this is empty and the engine warms up on a trivial
 * query instead.
 */
export function warmingSql({ draft, shared, resource }: OpeningSources): string {
  if (draft?.edited) return draft.value;
  return shared ? '' : (resource?.examples[0]?.sql ?? '');
}
