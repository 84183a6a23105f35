import type { MethodDef, ResourceDef } from '@site/src/resources/types';
import { PROVIDER, SERVICE_OVERVIEW } from '@site/src/resources/registry';
import { JSON_FUNCTIONS } from '@site/src/sql/allowList';
import { cursorContext, type CursorContext } from './cursor';
import type { TableRef } from './tables';

/** What a completion inserts, and how the editor labels it. */
export interface CompletionEntry {
  readonly label: string;
  readonly kind: 'resource' | 'alias' | 'field' | 'param' | 'method' | 'value' | 'keyword' | 'function';
  readonly insertText: string;
  readonly detail: string;
  readonly documentation?: string;
}

const KEYWORDS = [
  'SELECT',
  'FROM',
  'WHERE',
  'AND',
  'OR',
  'NOT',
  'IN',
  'LIKE',
  'BETWEEN',
  'IS NULL',
  'IS NOT NULL',
  'JOIN',
  'LEFT JOIN',
  'ON',
  'ORDER BY',
  'GROUP BY',
  'HAVING',
  'LIMIT',
  'OFFSET',
  'DISTINCT',
  'AS',
  'ASC',
  'DESC',
  'CASE',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
  'COUNT',
  'SUM',
  'MIN',
  'MAX',
  'AVG',
  'DELETE FROM',
  'EXEC',
  'SHOW METHODS IN',
  'SHOW RESOURCES IN',
  'SHOW SERVICES IN',
  'DESCRIBE',
  'DESCRIBE EXTENDED',
];

const requires = (m: MethodDef): string =>
  m.requiredParams.length > 0 ? `requires ${m.requiredParams.join(', ')}` : 'no required params';

/** A service's title and description from the overview, as its completion's documentation. */
function documentationOf(service: string): { documentation?: string } {
  const overview = SERVICE_OVERVIEW.find((s) => s.name === service);
  return overview ? { documentation: `${overview.title}: ${overview.description}` } : {};
}

function resourceEntry(r: ResourceDef): CompletionEntry {
  return { label: r.id, kind: 'resource', insertText: r.id, detail: 'resource', documentation: r.summary };
}

/**
 * Each distinct `provider.service` the resources name, in catalogue order, then the other services
 * `known` lists (those of the provider not loaded yet: their resources load when the text names them).
 */
function serviceIds(resources: readonly ResourceDef[], known: readonly string[] = []): string[] {
  return [...new Set([...resources.map((r) => `${r.provider}.${r.service}`), ...known])];
}

/** `provider.service` of every service of the provider, loaded or not, for `completionsAt`. */
export function providerServiceIds(): string[] {
  return SERVICE_OVERVIEW.map((s) => `${PROVIDER}.${s.name}`);
}

/** A resource's fields, then its params that are not also fields, with their allowed values. */
export function columnEntries(resource: ResourceDef): CompletionEntry[] {
  const entries: CompletionEntry[] = resource.fields.map((f) => ({
    label: f.name,
    kind: 'field',
    insertText: f.name,
    detail: f.type,
    documentation: f.description || undefined,
  }));
  for (const p of Object.values(resource.params)) {
    entries.push({
      label: p.name,
      kind: 'param',
      insertText: p.name,
      detail: `param · ${p.type}`,
      documentation: p.description,
    });
  }
  return entries;
}

/** Quoted values of every enum param of the resource (`'container'`, `'deleted'`). */
function valueEntries(resource: ResourceDef): CompletionEntry[] {
  return Object.values(resource.params).flatMap((p) =>
    (p.enum ?? []).map((value): CompletionEntry => ({
      label: `'${value}'`,
      kind: 'value',
      insertText: `'${value}'`,
      detail: `${p.name} value`,
    })),
  );
}

/** A resource's methods; EXEC methods insert `resource.method` unless `bare` (after `resource.`). */
function methodEntries(
  resource: ResourceDef,
  methods: readonly MethodDef[],
  bare: boolean,
): CompletionEntry[] {
  return methods.map((m) => ({
    label: bare ? m.name : m.sqlVerb === 'EXEC' ? `${resource.id}.${m.name}` : m.name,
    kind: 'method',
    insertText: bare || m.sqlVerb !== 'EXEC' ? m.name : `${resource.id}.${m.name}`,
    detail: `${m.sqlVerb} · ${requires(m)}`,
    documentation: m.description,
  }));
}

/** After `@` in an EXEC: the method's params, required first (every param of the resource when unknown). */
function execParamEntries(
  resource: ResourceDef | undefined,
  method: MethodDef | undefined,
): CompletionEntry[] {
  if (!resource) return [];
  const names = method ? [...method.requiredParams, ...method.optionalParams] : Object.keys(resource.params);
  return names.flatMap((name) => {
    const p = Object.hasOwn(resource.params, name) ? resource.params[name] : undefined;
    if (!p) return [];
    const required = method?.requiredParams.includes(name) ?? false;
    return [
      {
        label: name,
        kind: 'param' as const,
        insertText: name,
        detail: `${required ? 'required' : 'optional'} param · ${p.type}`,
        documentation: p.description,
      },
    ];
  });
}

/**
 * SQLite's functions and aggregates the engine computes as SQLite does (allowList.ts), and StackQL's
 * split_part: what to insert and what each does.
 */
const SQL_FUNCTIONS: readonly (readonly [name: string, insert: string, detail: string])[] = [
  ['strftime', "strftime('%Y-%m', ", 'strftime(format, time, modifier…): a date as text (SQLite)'],
  ['date', 'date(', "date(time, modifier…): 'YYYY-MM-DD' (SQLite)"],
  ['datetime', 'datetime(', "datetime(time, modifier…): 'YYYY-MM-DD HH:MM:SS' (SQLite)"],
  ['time', 'time(', "time(time, modifier…): 'HH:MM:SS' (SQLite)"],
  ['julianday', 'julianday(', 'julianday(time, modifier…): days, a real (SQLite)'],
  ['unixepoch', 'unixepoch(', 'unixepoch(time, modifier…): seconds since 1970 (SQLite)'],
  ['split_part', 'split_part(', 'split_part(text, delimiter, n): the n-th field (StackQL)'],
  ['group_concat', 'group_concat(', 'group_concat(x, separator): aggregate, values joined (SQLite)'],
  ['json_group_array', 'json_group_array(', 'json_group_array(x): aggregate, a JSON array (SQLite)'],
  [
    'json_group_object',
    'json_group_object(',
    'json_group_object(name, value): aggregate, a JSON object (SQLite)',
  ],
  ['typeof', 'typeof(', "typeof(x): 'null', 'integer', 'real' or 'text' (SQLite)"],
  ['length', 'length(', 'length(x): characters (SQLite)'],
  ['trim', 'trim(', 'trim(x, characters): both ends trimmed (SQLite)'],
  ['ltrim', 'ltrim(', 'ltrim(x, characters): the start trimmed (SQLite)'],
  ['rtrim', 'rtrim(', 'rtrim(x, characters): the end trimmed (SQLite)'],
  ['json_object', 'json_object(', "json_object('label', value, …): a JSON object (SQLite)"],
  ['json_array', 'json_array(', 'json_array(value, …): a JSON array (SQLite)'],
];

/** Keywords and the JSON functions, with a ready-to-edit call on the first object column in scope. */
function commonEntries(tables: readonly TableRef[]): CompletionEntry[] {
  const json = tables.flatMap((t) => t.resource.fields).find((f) => f.type === 'object')?.name;
  return [
    ...KEYWORDS.map((k): CompletionEntry => ({
      label: k,
      kind: 'keyword',
      insertText: k,
      detail: 'keyword',
    })),
    ...JSON_FUNCTIONS.map((fn): CompletionEntry => ({
      label: fn,
      kind: 'function',
      insertText: json === undefined ? `${fn}(` : `${fn}(${json}, '$')`,
      detail: 'JSON function (SQLite)',
    })),
    ...SQL_FUNCTIONS.map(([label, insertText, detail]): CompletionEntry => ({
      label,
      kind: 'function',
      insertText,
      detail,
    })),
  ];
}

/** First entry per (kind, label): two joined tables both have `name`, the list shows it once. */
function unique(entries: readonly CompletionEntry[]): CompletionEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const key = `${e.kind}\u0000${e.label}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The statement's aliases, the columns of its tables, their values, keywords and functions. */
function generalEntries(
  tables: readonly TableRef[],
  resources: readonly ResourceDef[],
  known: readonly string[],
): CompletionEntry[] {
  if (tables.length === 0) {
    const services = serviceIds(resources, known).map((id): CompletionEntry => ({
      label: id,
      kind: 'resource',
      insertText: id,
      detail: 'service',
    }));
    // No table yet (`SELECT package_ht`): every column of the catalogue, once each.
    const columns = unique(resources.flatMap(columnEntries));
    return [...resources.map(resourceEntry), ...services, ...columns, ...commonEntries([])];
  }
  const aliases = tables.flatMap(({ alias, resource }) =>
    alias === undefined
      ? []
      : [{ label: alias, kind: 'alias' as const, insertText: alias, detail: `alias of ${resource.id}` }],
  );
  return unique([
    ...aliases,
    ...tables.flatMap((t) => columnEntries(t.resource)),
    ...tables.flatMap((t) => valueEntries(t.resource)),
    ...commonEntries(tables),
  ]);
}

/** The completions for one cursor context. */
export function entriesFor(
  context: CursorContext,
  resources: readonly ResourceDef[],
  known: readonly string[] = [],
): CompletionEntry[] {
  switch (context.kind) {
    case 'services':
      return serviceIds(resources, known)
        .filter((id) => id.startsWith(`${context.provider}.`))
        .map((id) => id.slice(context.provider.length + 1))
        .map((s) => ({
          label: s,
          kind: 'resource',
          insertText: s,
          detail: `service of ${context.provider}`,
          ...documentationOf(s),
        }));
    case 'resources':
      return resources
        .filter((r) => r.provider === context.provider && r.service === context.service)
        .map((r) => ({
          label: r.name,
          kind: 'resource',
          insertText: r.name,
          detail: 'resource',
          documentation: r.summary,
        }));
    case 'methods': {
      const { resource } = context;
      return methodEntries(
        resource,
        resource.methods.filter((m) => m.sqlVerb === 'EXEC'),
        true,
      );
    }
    case 'columns':
      return columnEntries(context.table.resource);
    case 'execParams':
      return execParamEntries(context.resource, context.method);
    case 'values':
      return context.values.map((v) => ({
        label: v,
        kind: 'value',
        insertText: v,
        detail: `${context.of} value`,
      }));
    case 'names':
      if (context.what === 'provider')
        return [...new Set(resources.map((r) => r.provider))].map((p) => ({
          label: p,
          kind: 'resource',
          insertText: p,
          detail: 'provider',
        }));
      if (context.what === 'service')
        return serviceIds(resources, known).map((id) => ({
          label: id,
          kind: 'resource',
          insertText: id,
          detail: 'service',
        }));
      if (context.what === 'exec')
        return resources.flatMap((r) =>
          methodEntries(
            r,
            r.methods.filter((m) => m.sqlVerb === 'EXEC'),
            false,
          ),
        );
      return resources.map(resourceEntry);
    case 'general':
      return generalEntries(context.tables, resources, known);
    case 'none':
      return [];
  }
}

/**
 * The completions at `offset` in `text`, from the catalogue: services after `github.`, resources after
 * `github.packages.`, a table's fields and params after its alias (`p.`), EXEC methods and `@` params,
 * allowed values inside a string, and otherwise the columns of the statement's tables (all of a JOIN's).
 */
export function completionsAt(
  text: string,
  offset: number,
  resources: readonly ResourceDef[],
  /** Other `provider.service` ids to offer, whose resources are not loaded yet (providerServiceIds). */
  known: readonly string[] = [],
): CompletionEntry[] {
  return entriesFor(cursorContext(text, offset, resources), resources, known);
}
