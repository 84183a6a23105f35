import alasql from 'alasql';

import { sqliteMax, sqliteMin } from '../sql/aggregates';
import { jsonArrayLength, jsonExtract, jsonType } from '../sql/json';

let installed = false;

/**
 * Registers SQLite's JSON functions and MIN/MAX with alasql under the names the checker allows (see
 * `allowList.ts`). alasql's function table is global to the module, so this runs once per realm.
 */
export function installSqlFunctions(): void {
  if (installed) return;
  installed = true;
  alasql.fn.json_extract = (doc, ...paths) => jsonExtract(doc, ...paths);
  alasql.fn.json_array_length = (doc, path) => jsonArrayLength(doc, path);
  alasql.fn.json_type = (doc, path) => jsonType(doc, path);
  // Reducers named as the aggregates they replace, so an unaliased column is still called MAX(x).
  alasql.aggr.MAX = sqliteMax;
  alasql.aggr.MIN = sqliteMin;
}
