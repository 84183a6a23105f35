import alasql from 'alasql';

import { sqliteMax, sqliteMin } from '../sql/aggregates';
import { AGGREGATE_VARIANTS, aggregateVariant } from '../sql/allowList';
import { jsonType } from '../sql/json';
import { DISTINCT_AGGREGATES } from './distinct';
import { freezeRealm, hardenAlasql } from './harden';
import { jsonArrayLengthEngine } from './jsonPath';
import { SQLITE_AGGREGATES } from './sqliteAggregates';
import { SQLITE_FUNCTIONS } from './sqliteFunctions';
import { IN_VALUES, inValues, SUBQUERY_VALUES, subqueryValues } from './subqueries';
import { TEXT_FUNCTIONS } from './textFunctions';

let done = false;

/**
 * Prepares the realm the engine runs in, once: patches alasql where it let query text or data reach
 * generated code (harden.ts), registers the functions the checker allows under the names it
 * canonicalises to (see `allowList.ts`), and then freezes the built-in prototypes. alasql's function
 * table is global to the module, so this is per realm, and the freezing is why only a realm that runs
 * nothing but the engine may call it (the worker; a test process).
 */
export function setUpEngineRealm(): void {
  if (done) return;
  done = true;
  hardenAlasql();
  // SQLite's JSON functions. json_extract is charged for the JSON text it builds (textFunctions.ts);
  // the others are registered directly: they run once per row, and a wrapper costs. json_extract and
  // json_array_length read a literal path into a parsed document by steps parsed once (jsonPath.ts).
  alasql.fn.json_array_length = jsonArrayLengthEngine;
  alasql.fn.json_type = jsonType;
  // REPLACE, CONCAT, UPPER …: charged, SQLite's. Registered in alasql.fn, they win over alasql's own
  // of the same name, which its compiler only uses when alasql.fn has none.
  Object.assign(alasql.fn, TEXT_FUNCTIONS);
  // SQLite's own length, trim, scalar max/min, date and time functions, and StackQL's split_part.
  Object.assign(alasql.fn, SQLITE_FUNCTIONS);
  // x IN (SELECT …) with SQLite's NULLs (harden.ts compiles it to these).
  alasql.fn[IN_VALUES] = inValues as (...args: unknown[]) => unknown;
  alasql.fn[SUBQUERY_VALUES] = subqueryValues;
  // Reducers named as the aggregates they replace, so an unaliased column is still called MAX(x).
  alasql.aggr.MAX = sqliteMax;
  alasql.aggr.MIN = sqliteMin;
  // SUM, group_concat, json_group_array, json_group_object as SQLite computes them.
  Object.assign(alasql.aggr, SQLITE_AGGREGATES);
  // group_concat(name, ',') and group_concat(name, ';') in one query each get a name of their own.
  for (const [name, reducer] of Object.entries(SQLITE_AGGREGATES)) {
    for (let i = 1; i <= AGGREGATE_VARIANTS; i++) alasql.aggr[aggregateVariant(name, i)] = reducer;
  }
  Object.assign(alasql.aggr, DISTINCT_AGGREGATES);
  freezeRealm();
}
