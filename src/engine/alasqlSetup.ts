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
  // Registered directly, not wrapped: these run once per row, and a wrapper with rest args costs.
  alasql.fn.json_extract = jsonExtract;
  alasql.fn.json_array_length = jsonArrayLength;
  alasql.fn.json_type = jsonType;
  // Reducers named as the aggregates they replace, so an unaliased column is still called MAX(x).
  alasql.aggr.MAX = sqliteMax;
  alasql.aggr.MIN = sqliteMin;
}
