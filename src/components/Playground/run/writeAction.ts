import type { MethodDef } from '@site/src/resources/types';

/**
 * What a planned write does, in the words the dialog and the outcome use. Read from the HTTP request
 * the call sends, never from the SQL keyword, so a statement that says one thing cannot show another:
 * a DELETE request deletes, a POST to `…/restore` restores, and any other request runs its method.
 */
export interface WriteAction {
  /** `Delete`, `Restore`, `Run cancel_workflow_run on`: the dialog's title and each listed request. */
  readonly verb: string;
  /** `Deleted`, `Restored`, `Ran cancel_workflow_run on`: the outcome once GitHub accepted it. */
  readonly done: string;
}

const DELETE: WriteAction = { verb: 'Delete', done: 'Deleted' };
const RESTORE: WriteAction = { verb: 'Restore', done: 'Restored' };

/** The action of a method's request. */
export function writeActionOf(method: MethodDef): WriteAction {
  if (method.http.method === 'DELETE') return DELETE;
  if (method.http.method === 'POST' && method.http.path.endsWith('/restore')) return RESTORE;
  return { verb: `Run ${method.name} on`, done: `Ran ${method.name} on` };
}
