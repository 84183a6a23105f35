import { docPath, playgroundResource } from '@site/src/resources/registry';
import type { ResourceDef } from '@site/src/resources/types';
import { scan, statementAround } from './editor/scan';
import { tableRefs } from './editor/tables';

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
