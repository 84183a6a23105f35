import type { ParamValue } from './calls';
import type { MethodDef, ResourceDef } from './types';

/** A ready-to-run StackQL statement for one method, for the docs and the playground's example list. */
export interface ExampleQuery {
  /** Short heading, `List versions`. */
  readonly title: string;
  /** The method the statement reaches. */
  readonly method: string;
  readonly sql: string;
}

/**
 * Values that work against the built-in sample data, so every example runs without a token
 * (`tests/unit/docs.test.ts` checks them against the dataset). The container name holds a `/`, as
 * real ones often do. Param names absent here are left as `{{ name }}` placeholders.
 */
export const SAMPLE_VALUES: Readonly<Record<string, ParamValue>> = {
  org: 'acme',
  package_name: 'web/frontend',
  package_type: 'container',
  // An untagged image: the version one would delete.
  package_version_id: 81005383,
};

/** A deleted version of the sample package, for the restore example. */
export const SAMPLE_DELETED_VERSION_ID = 81005136;

function literal(value: ParamValue | undefined, name: string): string {
  if (value === undefined) return `'{{ ${name} }}'`;
  return typeof value === 'number' ? String(value) : `'${value.replaceAll("'", "''")}'`;
}

function whereClause(params: readonly string[], values: Readonly<Record<string, ParamValue>>): string {
  return params.map((p, i) => `${i === 0 ? 'WHERE' : 'AND'} ${p} = ${literal(values[p], p)}`).join('\n');
}

/**
 * The StackQL statement that reaches `method`, with `values` filled in (placeholders elsewhere):
 * a SELECT for SELECT methods, `DELETE FROM … WHERE …`, and `EXEC resource.method @p=…`.
 */
export function exampleSql(
  resource: ResourceDef,
  method: MethodDef,
  values: Readonly<Record<string, ParamValue>> = {},
): string {
  const params = method.requiredParams;
  switch (method.sqlVerb) {
    case 'SELECT': {
      const list = method.response === 'list';
      const columns = list
        ? 'id, name, created_at, updated_at'
        : resource.fields.map((f) => f.name).join(',\n  ');
      const order = list ? '\nORDER BY created_at DESC' : '';
      return `SELECT\n  ${columns}\nFROM ${resource.id}\n${whereClause(params, values)}${order};`;
    }
    case 'DELETE':
      return `DELETE FROM ${resource.id}\n${whereClause(params, values)};`;
    case 'EXEC': {
      const args = params.map((p) => `@${p}=${literal(values[p], p)}`).join(',\n  ');
      return `EXEC ${resource.id}.${method.name}\n  ${args};`;
    }
  }
}

const TITLES: Readonly<Record<MethodDef['response'] | MethodDef['sqlVerb'], string>> = {
  list: 'List the versions of a package',
  item: 'Get one version',
  empty: '',
  SELECT: '',
  DELETE: 'Delete a version',
  EXEC: 'Restore a deleted version',
};

/** One example per method, with the sample data's values, in the definition's method order. */
export function methodExamples(resource: ResourceDef): ExampleQuery[] {
  return resource.methods.map((method) => ({
    title: method.sqlVerb === 'SELECT' ? TITLES[method.response] : TITLES[method.sqlVerb],
    method: method.name,
    sql: exampleSql(
      resource,
      method,
      method.sqlVerb === 'EXEC'
        ? { ...SAMPLE_VALUES, package_version_id: SAMPLE_DELETED_VERSION_ID }
        : SAMPLE_VALUES,
    ),
  }));
}
