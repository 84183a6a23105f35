import { findMethod, findResource } from '../resources/registry';
import type { MethodDef, ParamLocation, ResourceDef } from '../resources/types';
import { fail, ok, sqlError, type Result } from './errors';
import { unknownResource, table } from './metaTable';
import { nearest } from './nearest';
import { readDottedName, spanOf, type Statement } from './statement';
import type { MetaPlan } from './types';

const DESCRIBE_METHOD = 'DESCRIBE METHOD [EXTENDED] github.<service>.<resource>.<method>';
const SHOW_INSERT = 'SHOW INSERT INTO github.<service>.<resource>';

/**
 * `DESCRIBE METHOD [EXTENDED] <resource>.<method>`: a method's inputs and outputs in StackQL's shape,
 * one row each: `name`, `type`, `param_type` (`input_required`, `input_optional` or `output`), plus
 * `in`, where an input goes in the request (`path`, `query`, `body`; `response` for an output), which
 * StackQL's own answer does not say. EXTENDED adds `description`, as it does for DESCRIBE. StackQL's
 * `shape` column (a JSON schema of object fields) is left out: the catalogue keeps no nested schemas.
 */
export function describeMethod(st: Statement, at: number, extended: boolean): Result<MetaPlan> {
  const name = readDottedName(st.tokens, at);
  const extra = name ? st.tokens[name.next] : undefined;
  if (!name || extra || name.parts.length !== 4) {
    const resource = name?.parts.length === 3 ? findResource(name.parts.join('.')) : undefined;
    const methods = resource ? ` ${resource.id} has ${methodList(resource)}.` : '';
    const span = extra ? spanOf(st.tokens.slice(name?.next)) : spanOf(st.tokens);
    return fail(sqlError('syntax', `Expected ${DESCRIBE_METHOD}.${methods}`, st.source, span));
  }
  const resourceId = name.parts.slice(0, 3).join('.').toLowerCase();
  const resource = findResource(resourceId);
  if (!resource) return unknownResource(st, name.span, resourceId);
  const methodName = name.parts[3] ?? '';
  const method = findMethod(resource, methodName);
  if (!method) {
    const hint = nearest(
      methodName,
      resource.methods.map((m) => m.name),
    );
    return fail(
      sqlError(
        'unknown-method',
        `${resource.id} has no method ${methodName}.${hint ? ` Did you mean ${hint}?` : ''} It has ${methodList(resource)}.`,
        st.source,
        name.span,
      ),
    );
  }
  const columns = ['name', 'type', 'param_type', 'in', ...(extended ? ['description'] : [])];
  const input = (param: string, paramType: string): string[] => {
    const def = resource.params[param];
    return [
      param,
      def?.type ?? 'string',
      paramType,
      paramLocation(resource, method, param),
      def?.description ?? '',
    ];
  };
  const outputs = method.response === 'empty' ? [] : resource.fields;
  return ok(
    table(columns, [
      ...method.requiredParams.map((p) => input(p, 'input_required')),
      ...method.optionalParams.map((p) => input(p, 'input_optional')),
      ...outputs.map((f) => [f.name, f.type, 'output', 'response', f.description]),
    ]),
  );
}

/**
 * `SHOW INSERT INTO <resource>`: the INSERT template StackQL prints for the resource's INSERT method,
 * as one row with one column, `insert_statement`. A resource with no INSERT method is an error that
 * names the methods it has and what reaches them.
 */
export function showInsert(st: Statement, at: number): Result<MetaPlan> {
  const { tokens, source } = st;
  const into = tokens[at];
  const name = readDottedName(tokens, at + 1);
  const extra = name ? tokens[name.next] : undefined;
  if (into?.kind !== 'word' || into.text.toUpperCase() !== 'INTO' || name?.parts.length !== 3 || extra) {
    const span = extra && name ? spanOf(tokens.slice(name.next)) : spanOf(tokens);
    return fail(sqlError('syntax', `Expected ${SHOW_INSERT}.`, source, span));
  }
  const id = name.parts.join('.').toLowerCase();
  const resource = findResource(id);
  if (!resource) return unknownResource(st, name.span, id);
  const template = insertTemplate(resource);
  if (template === undefined) {
    return fail(
      sqlError(
        'unsupported-statement',
        `${resource.id} has no INSERT method, so there is no INSERT to show. It has ${methodList(resource)}; SHOW METHODS IN ${resource.id} lists them with their params.`,
        source,
        name.span,
      ),
    );
  }
  return ok({ ...table(['insert_statement'], [[template]]), text: template });
}

/**
 * The INSERT template of a resource's INSERT method, in StackQL's style: the body fields as
 * `data__<field>` (required then optional, as the method lists them), then the required params that
 * are not body fields (path and query), each with a `{{ name }}` placeholder, quoted for text.
 * Undefined when the resource has no INSERT method.
 */
export function insertTemplate(resource: ResourceDef): string | undefined {
  const method = resource.methods.find(isInsert);
  if (!method) return undefined;
  const required = new Set(method.requiredParams);
  const inBody = (p: string) => paramLocation(resource, method, p) === 'body';
  const body = [...method.requiredParams, ...method.optionalParams].filter(inBody);
  const params = method.requiredParams.filter((p) => !inBody(p));
  const placeholder = (p: string, mark: boolean) => {
    const def = resource.params[p];
    const name = def?.property ?? p;
    const value = def?.type === 'string' ? `'{{ ${name} }}'` : `{{ ${name} }}`;
    return mark ? `${value} /* required */` : value;
  };
  // The catalogue names body params as StackQL's columns (`data__title`); an older name gets the prefix.
  const columns = [...body.map((p) => (p.startsWith('data__') ? p : `data__${p}`)), ...params];
  const values = [
    ...body.map((p) => placeholder(p, required.has(p))),
    ...params.map((p) => placeholder(p, false)),
  ];
  return [
    `INSERT INTO ${resource.id} (`,
    columns.map((c) => `  ${c}`).join(',\n'),
    ')',
    'SELECT',
    values.map((v) => `  ${v}`).join(',\n'),
    ';',
  ].join('\n');
}

/** Whether a method is reached by INSERT; read as text, so it holds before the catalogue has any. */
function isInsert(method: MethodDef): boolean {
  const verb: string = method.sqlVerb;
  return verb === 'INSERT';
}

/**
 * Where a method puts a param: a `{name}` in its path template decides, then the resource-level
 * location (`body` or `query`), as `queryParams` in resources/calls.ts builds requests.
 */
function paramLocation(resource: ResourceDef, method: MethodDef, param: string): ParamLocation {
  if (method.http.path.includes(`{${param}}`)) return 'path';
  return resource.params[param]?.in === 'body' ? 'body' : 'query';
}

/** `a (SELECT), b (DELETE)`: a resource's methods and the verb that reaches each. */
function methodList(resource: ResourceDef): string {
  const list = resource.methods.map((m) => `${m.name} (${m.sqlVerb})`).join(', ');
  return `the methods ${list}`;
}
