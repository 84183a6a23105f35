import type { ParamValue } from '../calls';
import type { MethodDef, ResourceDef } from '../types';

/** The parts of a resource a statement is written from. */
export type ExampleResource = Pick<ResourceDef, 'id' | 'fields'>;

/** Columns a list example shows: at most this many, so the statement reads at a glance. */
const LIST_COLUMNS = 6;

function literal(value: ParamValue | undefined, name: string): string {
  if (value === undefined) return `'{{ ${name} }}'`;
  return typeof value === 'number' ? String(value) : `'${value.replaceAll("'", "''")}'`;
}

function whereClause(params: readonly string[], values: Readonly<Record<string, ParamValue>>): string {
  return params.map((p, i) => `${i === 0 ? 'WHERE' : 'AND'} ${p} = ${literal(values[p], p)}`).join('\n');
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
 * The StackQL statement that reaches `method`, with `values` filled in (`'{{ name }}'` placeholders
 * elsewhere): a SELECT for SELECT methods (a list ordered newest first when rows have `created_at`),
 * `DELETE FROM … WHERE …`, and `EXEC resource.method @p=…`.
 */
export function exampleSql(
  resource: ExampleResource,
  method: Pick<MethodDef, 'name' | 'sqlVerb' | 'requiredParams' | 'response'>,
  values: Readonly<Record<string, ParamValue>> = {},
): string {
  const params = method.requiredParams;
  const where = params.length === 0 ? '' : `\n${whereClause(params, values)}`;
  switch (method.sqlVerb) {
    case 'SELECT': {
      const list = method.response === 'list';
      const columns = list
        ? listColumns(resource).join(', ')
        : resource.fields.map((f) => f.name).join(',\n  ');
      const order =
        list && resource.fields.some((f) => f.name === 'created_at') ? '\nORDER BY created_at DESC' : '';
      return `SELECT\n  ${columns}\nFROM ${resource.id}${where}${order};`;
    }
    case 'DELETE':
      return `DELETE FROM ${resource.id}${where};`;
    case 'INSERT': {
      const columns = params.join(',\n  ');
      const row = params.map((p) => literal(values[p], p)).join(',\n  ');
      return `INSERT INTO ${resource.id} (\n  ${columns}\n)\nSELECT\n  ${row};`;
    }
    case 'UPDATE':
    case 'REPLACE': {
      return `${method.sqlVerb} ${resource.id}\nSET {{ field }} = '{{ value }}'${where};`;
    }
    case 'EXEC': {
      const args = params.map((p) => `@${p}=${literal(values[p], p)}`).join(',\n  ');
      return `EXEC ${resource.id}.${method.name}${args === '' ? '' : `\n  ${args}`};`;
    }
  }
}
