import type { MethodDef, ResourceDef } from '@site/src/resources/types';
import { isWord, scan, statementAround, type ScanToken } from './scan';
import { dottedNameAt, resourceOf, tableNamed, tableRefs, type TableRef } from './tables';

/** What the cursor is in the middle of, as completions need to know it. */
export type CursorContext =
  /** After `github.`: the provider's services. */
  | { readonly kind: 'services'; readonly provider: string }
  /** After `github.packages.`: the service's resources. */
  | { readonly kind: 'resources'; readonly provider: string; readonly service: string }
  /** After `EXEC github.packages.org_versions.`: its EXEC methods. */
  | { readonly kind: 'methods'; readonly resource: ResourceDef }
  /** After `p.` (an alias, or a resource name): that table's fields and params. */
  | { readonly kind: 'columns'; readonly table: TableRef }
  /** After `@` in an EXEC: the method's params. */
  | { readonly kind: 'execParams'; readonly resource?: ResourceDef; readonly method?: MethodDef }
  /** Inside a string after `column =` or `@param=`: the values the column or param allows. */
  | { readonly kind: 'values'; readonly values: readonly string[]; readonly of: string }
  /** Where a name is expected: after FROM/JOIN/DESCRIBE/SHOW METHODS IN, EXEC, SHOW RESOURCES IN, … */
  | { readonly kind: 'names'; readonly what: 'resource' | 'exec' | 'service' | 'provider' }
  /** Anywhere else: the statement's tables, their columns, keywords and functions. */
  | { readonly kind: 'general'; readonly tables: readonly TableRef[] }
  /** Nowhere a completion helps (inside a quoted name, after an unknown qualifier). */
  | { readonly kind: 'none' };

/** The cursor's statement, the tables it names and, for an EXEC, its resource and method. */
export interface StatementInfo {
  readonly tokens: readonly ScanToken[];
  readonly tables: readonly TableRef[];
  readonly exec?: { readonly resource: ResourceDef; readonly method?: MethodDef };
}

/** Scans `text` and reads the statement around `offset`. */
export function statementInfo(
  text: string,
  offset: number,
  resources: readonly ResourceDef[],
): StatementInfo {
  const tokens = statementAround(scan(text), offset);
  const tables = tableRefs(tokens, resources);
  if (!isWord(tokens[0], 'EXEC')) return { tokens, tables };
  const name = dottedNameAt(tokens, 1);
  const resource = name && resourceOf(resources, name.parts);
  if (!name || !resource) return { tokens, tables };
  const wanted = name.parts[3]?.toLowerCase();
  const method = resource.methods.find((m) => m.name === wanted);
  return { tokens, tables, exec: method ? { resource, method } : { resource } };
}

/**
 * The qualifier parts just before position `at` (`github.packages.` → [github, packages]), and the
 * index of the first token of the whole dotted name.
 */
function qualifierBefore(
  tokens: readonly ScanToken[],
  index: number,
  at: number,
): { parts: string[]; first: number } {
  const parts: string[] = [];
  let j = index - 1;
  let pos = at;
  for (;;) {
    const dot = tokens[j];
    const word = tokens[j - 1];
    if (dot?.kind !== 'punct' || dot.value !== '.' || dot.end !== pos) break;
    if ((word?.kind !== 'word' && word?.kind !== 'quoted') || word.end !== dot.start) break;
    parts.unshift(word.value);
    pos = word.start;
    j -= 2;
  }
  return { parts, first: j + 1 };
}

/** The values a string at token `s` may take, from the column or `@param` before `=`/`IN (`/`LIKE`. */
function valuesFor(info: StatementInfo, s: number): CursorContext {
  const { tokens } = info;
  let j = s - 1;
  while (tokens[j]?.kind === 'string' || tokens[j]?.value === ',' || tokens[j]?.value === '(') j--;
  const op = tokens[j];
  if (op?.value !== '=' && !isWord(op, 'IN') && !isWord(op, 'LIKE')) return { kind: 'none' };
  const name = tokens[j - 1];
  if (name?.kind === 'variable') {
    const param = info.exec?.resource.params[name.value];
    return param?.enum ? { kind: 'values', values: param.enum, of: param.name } : { kind: 'none' };
  }
  if (name?.kind !== 'word') return { kind: 'none' };
  const { parts } = qualifierBefore(tokens, j - 1, name.start);
  const qualified =
    parts.length === 1 && parts[0] !== undefined ? tableNamed(info.tables, parts[0]) : undefined;
  const candidates = qualified ? [qualified] : parts.length === 0 ? info.tables : [];
  for (const { resource } of candidates) {
    const column = name.value.toLowerCase();
    const own = Object.hasOwn(resource.params, column) ? resource.params[column] : undefined;
    const values = own?.enum ?? resource.fields.find((f) => f.name === column)?.enum;
    if (values) return { kind: 'values', values, of: column };
  }
  return { kind: 'none' };
}

/** What is expected after the keyword(s) ending at token `k`, or undefined for "anything". */
function nameExpectedAfter(tokens: readonly ScanToken[], k: number): CursorContext | undefined {
  const prev = tokens[k];
  if (isWord(prev, 'FROM') || isWord(prev, 'JOIN') || isWord(prev, 'DESCRIBE'))
    return { kind: 'names', what: 'resource' };
  if (isWord(prev, 'EXTENDED') && isWord(tokens[k - 1], 'DESCRIBE'))
    return { kind: 'names', what: 'resource' };
  if (isWord(prev, 'EXEC')) return { kind: 'names', what: 'exec' };
  if (isWord(prev, 'IN') && isWord(tokens[k - 2], 'SHOW')) {
    if (isWord(tokens[k - 1], 'METHODS')) return { kind: 'names', what: 'resource' };
    if (isWord(tokens[k - 1], 'RESOURCES')) return { kind: 'names', what: 'service' };
    if (isWord(tokens[k - 1], 'SERVICES')) return { kind: 'names', what: 'provider' };
  }
  return undefined;
}

/** Where the cursor at `offset` of `text` is, for completions. Pure and linear in the text. */
export function cursorContext(
  text: string,
  offset: number,
  resources: readonly ResourceDef[],
): CursorContext {
  const info = statementInfo(text, offset, resources);
  const { tokens } = info;
  // The token the cursor is in or just after; `index` is where a partial word starts.
  let index = tokens.findIndex((t) => t.start >= offset);
  if (index === -1) index = tokens.length;
  let at: ScanToken | undefined;
  for (const t of tokens) if (t.start < offset && offset <= t.end) at = t;
  let start = offset;
  if (at) {
    const k = tokens.indexOf(at);
    const inside = offset < at.end || at.open === true;
    if (at.kind === 'string') return inside ? valuesFor(info, k) : { kind: 'general', tables: info.tables };
    if (at.kind === 'quoted' && inside) return { kind: 'none' };
    if (at.kind === 'variable') return { kind: 'execParams', ...info.exec };
    if (at.kind === 'word') {
      index = k;
      start = at.start;
    } else index = k + 1;
  }
  const { parts, first } = qualifierBefore(tokens, index, start);
  if (parts.length === 0)
    return nameExpectedAfter(tokens, first - 1) ?? { kind: 'general', tables: info.tables };
  const [head = '', service = ''] = parts;
  const provider = resources.find((r) => r.provider === head.toLowerCase())?.provider;
  if (provider !== undefined) {
    if (parts.length === 1) return { kind: 'services', provider };
    if (parts.length === 2) return { kind: 'resources', provider, service: service.toLowerCase() };
    const resource = resourceOf(resources, parts);
    const exec = isWord(tokens[first - 1], 'EXEC');
    return parts.length === 3 && resource && exec ? { kind: 'methods', resource } : { kind: 'none' };
  }
  const table = parts.length === 1 ? tableNamed(info.tables, head) : undefined;
  return table ? { kind: 'columns', table } : { kind: 'none' };
}
