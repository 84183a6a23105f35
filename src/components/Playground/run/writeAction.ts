import type { MethodDef } from '@site/src/resources/types';

/**
 * What a planned write does, in the words the dialog and the outcome use. Read from the HTTP request
 * the call sends, never from the SQL keyword, so a statement that says one thing cannot show another.
 */
export interface WriteAction {
  /** `Delete`, `Restore`: the dialog's title and each listed request. */
  readonly verb: 'Delete' | 'Restore';
  /** `Deleted`, `Restored`: the outcome once GitHub accepted it. */
  readonly done: 'Deleted' | 'Restored';
}

const DELETE: WriteAction = { verb: 'Delete', done: 'Deleted' };
const RESTORE: WriteAction = { verb: 'Restore', done: 'Restored' };

/** The action of a method's request, or undefined when it is not a write the dialog knows how to name. */
export function writeActionOf(method: MethodDef): WriteAction | undefined {
  if (method.http.method === 'DELETE') return DELETE;
  if (method.http.method === 'POST' && method.http.path.endsWith('/restore')) return RESTORE;
  return undefined;
}
