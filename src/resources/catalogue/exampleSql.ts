import type { ParamValue } from '../calls';
import type { MethodDef, ResourceDef } from '../types';
import { parseAlasql } from '../../sql/ast';
import { bodyProperty } from './params';

/** The parts of a resource a statement is written from. */
export type ExampleResource = Pick<ResourceDef, 'id' | 'fields'>;

/** Columns a list example shows: at most this many, so the statement reads at a glance. */
const LIST_COLUMNS = 6;

function literal(value: ParamValue | undefined, name: string): string {
  if (value === undefined) return `'{{ ${name} }}'`;
  return typeof value === 'number' ? String(value) : `'${value.replaceAll("'", "''")}'`;
}

/**
 * A column or param name as a statement writes it: bare, or in backticks where the SQL parser reads the
 * bare word as a keyword (`limit`, `order`, `commit`) or it is no plain identifier. Decided by the
 * parser itself, so the examples follow the grammar rather than a hand-kept list.
 */
export function ident(name: string): string {
  const plain = /^[A-Za-z_]\w*$/.test(name);
  const parses = plain && parseAlasql(`SELECT ${name} FROM t WHERE ${name} = 1`).ok;
  return parses ? name : `\`${name}\``;
}

function whereClause(params: readonly string[], values: Readonly<Record<string, ParamValue>>): string {
  return params
    .map((p, i) => `${i === 0 ? 'WHERE' : 'AND'} ${ident(p)} = ${literal(values[p], p)}`)
    .join('\n');
}

/**
 * The columns of a list example: `id`, `name`, then the row's other required scalar columns in page
 * order, leaving out URLs (`id, name, created_at, updated_at` for package versions).
 */
export function listColumns(resource: ExampleResource): string[] {
  const scalar = resource.fields.filter((f) => f.type !== 'object' && f.type !== 'array');
  const first = ['id', 'name'].filter((n) => scalar.some((f) => f.name === n));
  const rest = scalar
    .filter((f) => f.required && !first.includes(f.name) && !/(^|_)url$/.test(f.name))
    .map((f) => f.name);
  return [...first, ...rest].slice(0, LIST_COLUMNS);
}

/**
 * The body columns an INSERT, UPDATE or REPLACE sets: the required ones (`data__title`), else the
 * method's first optional one, so the statement sets something.
 */
function bodyColumns(method: Pick<MethodDef, 'requiredParams' | 'optionalParams'>): string[] {
  const required = method.requiredParams.filter((p) => bodyProperty(p) !== undefined);
  const first = method.optionalParams.find((p) => bodyProperty(p) !== undefined);
  return required.length > 0 || first === undefined ? required : [first];
}

/**
 * The StackQL statement that reaches `method`, with `values` filled in (`'{{ name }}'` placeholders
 * elsewhere): a SELECT for SELECT methods (a list ordered newest first when rows have `created_at`),
 * `DELETE FROM … WHERE …`, `EXEC resource.method @p=…` (body params too, as `@data__x=`), and in
 * StackQL's form for writes with a body, whose columns are `data__<property>`:
 * `INSERT INTO … (data__x, p) SELECT 'v', 'v'` and `UPDATE … SET data__x = 'v' WHERE p = 'v'`.
 */
export function exampleSql(
  resource: ExampleResource,
  method: Pick<MethodDef, 'name' | 'sqlVerb' | 'requiredParams' | 'response'> &
    Partial<Pick<MethodDef, 'optionalParams'>>,
  values: Readonly<Record<string, ParamValue>> = {},
): string {
  const params = method.requiredParams;
  const route = params.filter((p) => bodyProperty(p) === undefined);
  const body = bodyColumns({ requiredParams: params, optionalParams: method.optionalParams ?? [] });
  const where = params.length === 0 ? '' : `\n${whereClause(params, values)}`;
  switch (method.sqlVerb) {
    case 'SELECT': {
      const list = method.response === 'list';
      // A list shows a few scalar columns; an item, or a list whose rows are all objects, every field;
      // a resource whose page lists no field, `*`.
      // Fields whose names are no plain identifiers (`content-submodule__links`) are read with `*`.
      const picked = list ? listColumns(resource) : [];
      const plain = resource.fields.map((f) => f.name).filter((n) => /^[A-Za-z_]\w*$/.test(n));
      const names = picked.length > 0 ? picked : plain;
      const columns = names.length === 0 ? '*' : names.map(ident).join(list ? ', ' : ',\n  ');
      const order =
        list && resource.fields.some((f) => f.name === 'created_at') ? '\nORDER BY created_at DESC' : '';
      return `SELECT\n  ${columns}\nFROM ${resource.id}${where}${order};`;
    }
    case 'DELETE':
      return `DELETE FROM ${resource.id}${where};`;
    case 'INSERT': {
      const columns = [...body, ...route];
      if (columns.length === 0) return `INSERT INTO ${resource.id}\nSELECT 1;`;
      const row = columns.map((p) => literal(values[p], p)).join(', ');
      return `INSERT INTO ${resource.id} (\n  ${columns.map(ident).join(', ')}\n)\nSELECT\n  ${row};`;
    }
    case 'UPDATE':
    case 'REPLACE': {
      const set = body.map((p) => `${ident(p)} = ${literal(values[p], p)}`).join(',\n  ');
      const filter = route.length === 0 ? '' : `\n${whereClause(route, values)}`;
      return `${method.sqlVerb} ${resource.id}\nSET ${set}${filter};`;
    }
    case 'EXEC': {
      const args = params.map((p) => `@${p}=${literal(values[p], p)}`).join(',\n  ');
      return `EXEC ${resource.id}.${method.name}${args === '' ? '' : `\n  ${args}`};`;
    }
  }
}
