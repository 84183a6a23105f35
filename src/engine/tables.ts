import type { ApiCall, ParamValue } from '../resources/calls';
import { findResource } from '../resources/registry';
import type { ResourceDef } from '../resources/types';
import { rowParams } from './rows';

/**
 * What the engine knows of a table, sent by the page: the worker holds no catalogue (the catalogue
 * loads a service at a time in the page, and none of it need reach the sandbox). Two services may
 * both have a resource of one name (`alerts`); the plan's table name and this shape travel together.
 */
export interface EngineTable {
  /** The local table name the plan's query uses (the resource's name). */
  readonly name: string;
  /** The resource's fields, in order: a row's own columns. */
  readonly fields: readonly string[];
  /** The resource's params: columns every row of a call also carries (see rows.ts). */
  readonly params: readonly string[];
}

/** A page of rows as the engine takes it: the table it belongs to, and the values of its call's params. */
export interface LoadSource {
  readonly table: EngineTable;
  /** `rowParams` of the call: its params, and the defaults GitHub applied to those it left out. */
  readonly values: Readonly<Record<string, ParamValue>>;
}

/** The engine's shape of a resource. */
export function engineTable(resource: ResourceDef): EngineTable {
  return {
    name: resource.name,
    fields: resource.fields.map((f) => f.name),
    params: Object.keys(resource.params),
  };
}

/**
 * What the engine needs with a call's rows. A call names a registered resource (the planner made it);
 * were it not, its rows would be stored as they came, under no known columns.
 */
export function loadSource(call: ApiCall): LoadSource {
  const resource = findResource(call.resource);
  if (!resource) {
    const name = call.resource.split('.').pop() ?? call.resource;
    return { table: { name, fields: [], params: Object.keys(call.params) }, values: call.params };
  }
  return { table: engineTable(resource), values: rowParams(resource, call) };
}

/** The engine's shape of the resource a plan reads under a table name, by resource id. */
export function tableOf(resourceId: string | undefined): EngineTable | undefined {
  const resource = resourceId === undefined ? undefined : findResource(resourceId);
  return resource && engineTable(resource);
}

/** The tables of a run as the plan names them, each with the resource it reads. */
export interface RunTables {
  readonly table: string;
  readonly resource?: string;
  readonly joined?: { readonly table: string; readonly resource?: string };
  readonly tables?: readonly { readonly table: string; readonly resource: string }[];
}

/** The shapes of a run's tables, under the plan's table names, for the engine (`RunExtra.definitions`). */
export function definitionsOf(run: RunTables): EngineTable[] {
  const named = [
    { table: run.table, resource: run.resource },
    ...(run.joined ? [run.joined] : []),
    ...(run.tables ?? []),
  ];
  return named.flatMap(({ table, resource }) => {
    const shape = tableOf(resource);
    return shape ? [{ ...shape, name: table }] : [];
  });
}
