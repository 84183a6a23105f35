import alasql from 'alasql';

import { jsonArrayLength, jsonExtract, jsonType } from '../sql/json';

let installed = false;

/**
 * Registers SQLite's JSON functions with alasql under the names the checker allows (see
 * `allowList.ts`). alasql's function table is global to the module, so this runs once per realm.
 */
export function installSqlFunctions(): void {
  if (installed) return;
  installed = true;
  alasql.fn.json_extract = (doc, ...paths) => jsonExtract(doc, ...paths);
  alasql.fn.json_array_length = (doc, path) => jsonArrayLength(doc, path);
  alasql.fn.json_type = (doc, path) => jsonType(doc, path);
}
