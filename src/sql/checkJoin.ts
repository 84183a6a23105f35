import { kindOf, type AstNode } from './ast';
import { isSafeName } from './allowList';
import { fail, ok, sqlError, type Result } from './errors';
import { locate } from './locate';
import { conjuncts } from './where';

/** A table a local query may read: its local name and, when known, its columns (lower case). */
export interface LocalTable {
  readonly table: string;
  readonly columns?: ReadonlySet<string>;
}

/** A table a checked query reads, with the alias it was given (`FROM … p`). */
export interface SourceRef {
  readonly table: string;
  readonly alias?: string;
}

/** `p.name` resolved to the local table it belongs to. */
export interface ColumnRef {
  readonly table: string;
  readonly column: string;
}

/** One `a.x = b.y` of a JOIN's ON, with each side on a different table. */
export interface JoinEquality {
  readonly left: ColumnRef;
  readonly right: ColumnRef;
}

/** The one JOIN a query may have: its kind and its ON equalities. */
export interface CheckedJoin {
  readonly mode: 'INNER' | 'LEFT';
  readonly on: readonly JoinEquality[];
}

const JOIN_KEYS = new Set(['joinmode', 'table', 'as', 'on']);

/** Reads a FROM or JOIN table node: a known local table with at most a plain alias. */
export function readSource(
  node: AstNode | undefined,
  tables: readonly LocalTable[],
  text: string,
  alias?: unknown,
): Result<SourceRef> {
  const err = (message: string, needles: readonly string[], code: 'not-allowed' | 'unknown-resource') =>
    fail<SourceRef>(sqlError(code, message, text, locate(text, needles)));
  if (kindOf(node) !== 'Table' || !node) {
    return err(
      'FROM and JOIN take resources (github.<service>.<resource>): functions, sub-queries, files, URLs and parameters are not allowed there.',
      ['FROM', 'JOIN'],
      'not-allowed',
    );
  }
  const name = typeof node.tableid === 'string' ? node.tableid : '';
  if (node.databaseid !== undefined || !tables.some((t) => t.table === name)) {
    return err(
      `Unknown table ${name}: write the resource's full name, github.<service>.<resource> (SHOW RESOURCES IN github.packages lists them).`,
      [name],
      'unknown-resource',
    );
  }
  for (const key of Object.keys(node)) {
    if (key !== 'tableid' && key !== 'as' && node[key] !== undefined)
      return err(`${key} is not allowed in FROM.`, [], 'not-allowed');
  }
  const as = alias ?? node.as;
  if (as === undefined) return ok({ table: name });
  if (typeof as !== 'string' || !isSafeName(as))
    return err('A table alias must be a plain name (letters, digits, _).', [], 'not-allowed');
  return ok({ table: name, alias: as });
}

/**
 * Checks a query's JOINs: at most one, INNER or LEFT, over another resource, with an ON made only of
 * equalities between a column of each table joined by AND: what StackQL's data flow can feed from.
 */
export function checkJoins(
  joins: unknown,
  from: SourceRef,
  tables: readonly LocalTable[],
  text: string,
): Result<{ source: SourceRef; join: CheckedJoin; on: AstNode } | undefined> {
  const err = (message: string, ...needles: string[]) =>
    fail(sqlError('not-allowed', message, text, locate(text, needles)));
  if (joins === undefined) return ok(undefined);
  const list = Array.isArray(joins) ? (joins as AstNode[]) : [];
  if (list.length === 0) return ok(undefined);
  if (list.length > 1) return err('One JOIN per query: a resource may depend on one other resource.', 'JOIN');
  const j = list[0];
  if (!j) return ok(undefined);
  for (const key of Object.keys(j)) {
    if (j[key] !== undefined && !JOIN_KEYS.has(key))
      return err(`JOIN … ${key.toUpperCase()} is not supported: write JOIN … ON a.x = b.y.`, 'JOIN');
  }
  const mode = j.joinmode === 'INNER' || j.joinmode === 'LEFT' ? j.joinmode : undefined;
  if (!mode) {
    return err(
      `${String(j.joinmode)} JOIN is not supported: use JOIN (inner) or LEFT JOIN, with ON.`,
      String(j.joinmode),
    );
  }
  const source = readSource(j.table as AstNode | undefined, tables, text, j.as);
  if (!source.ok) return source;
  if (source.value.table === from.table) {
    return err(
      'A resource can appear once in a query: join it with another resource.',
      source.value.alias ?? source.value.table,
    );
  }
  const names = new Set([from.alias ?? from.table, source.value.alias ?? source.value.table]);
  if (names.size < 2) return err('The two tables of a JOIN need different aliases.', 'JOIN');
  const clash =
    from.alias === source.value.table
      ? from.alias
      : source.value.alias === from.table
        ? from.table
        : undefined;
  if (clash !== undefined) {
    return err(`The alias ${clash} is the name of the other table: pick another, e.g. p and v.`, clash);
  }
  const on = j.on as AstNode | undefined;
  if (!on) return err('A JOIN needs ON: JOIN … ON v.param = p.column.', 'JOIN');
  const equalities: JoinEquality[] = [];
  const resolve = (node: AstNode | undefined) => resolveColumn(node, [from, source.value], tables);
  for (const term of conjuncts(on)) {
    const left = kindOf(term) === 'Op' && term.op === '=' ? resolve(term.left as AstNode) : undefined;
    const right = kindOf(term) === 'Op' && term.op === '=' ? resolve(term.right as AstNode) : undefined;
    if (!left || !right || left.table === right.table) {
      return err(
        'ON takes equalities between a column of each table, joined by AND: ON v.package_name = p.name AND v.package_type = p.package_type.',
        'ON',
      );
    }
    equalities.push({ left, right });
  }
  return ok({ source: source.value, join: { mode, on: equalities }, on });
}

/** A column node as `{ table, column }`: by its qualifier, or, unqualified, by the one table that has it. */
export function resolveColumn(
  node: AstNode | undefined,
  sources: readonly SourceRef[],
  tables: readonly LocalTable[],
): ColumnRef | undefined {
  if (kindOf(node) !== 'Column' || !node || typeof node.columnid !== 'string') return undefined;
  const column = node.columnid.toLowerCase();
  const q = node.tableid;
  if (typeof q === 'string') {
    // Once a table has an alias, only the alias names it (as in SQL).
    const s = sources.find((src) => (src.alias ?? src.table) === q);
    return s ? { table: s.table, column } : undefined;
  }
  const owners = sources.filter((s) => tables.find((t) => t.table === s.table)?.columns?.has(column));
  return owners.length === 1 && owners[0] ? { table: owners[0].table, column } : undefined;
}

/** Every column node in an expression tree. */
function columnsIn(node: unknown, out: AstNode[] = []): AstNode[] {
  if (Array.isArray(node)) {
    for (const child of node) columnsIn(child, out);
  } else if (typeof node === 'object' && node !== null) {
    if (kindOf(node) === 'Column') out.push(node as AstNode);
    else for (const child of Object.values(node)) columnsIn(child, out);
  }
  return out;
}

/**
 * The top-level AND-ed WHERE terms that read only `table`'s columns: they can filter that table's rows
 * before anything is joined to them (a JOIN's driving rows, before the dependent calls are planned).
 */
export function termsOnly(
  terms: readonly AstNode[],
  table: string,
  sources: readonly SourceRef[],
  tables: readonly LocalTable[],
): AstNode[] {
  return terms.filter((term) =>
    columnsIn(term).every((col) => resolveColumn(col, sources, tables)?.table === table),
  );
}

/** What the expression checks of a query over its tables need to know about names. */
export interface NameScope {
  /** Qualifiers a column may carry: each table's alias, or its name when it has none. */
  readonly qualifiers: ReadonlySet<string>;
  /** Every known column, when every table's columns are known. */
  readonly columns?: ReadonlySet<string>;
  /** Columns more than one table has: unqualified, they are refused (SQLite: ambiguous column name). */
  readonly ambiguous?: ReadonlySet<string>;
  /**
   * In a JOIN, the qualifier of the one table that has each other column: an unqualified column is
   * read from its own table, not from whichever table alasql would guess.
   */
  readonly owners?: ReadonlyMap<string, string>;
}

/** The names of a query's tables, for the expression checks. */
export function nameScope(sources: readonly SourceRef[], tables: readonly LocalTable[]): NameScope {
  const qualifiers = new Set(sources.map((s) => s.alias ?? s.table));
  const sets = sources.map((s) => tables.find((t) => t.table === s.table)?.columns);
  const known = sets.filter((c): c is ReadonlySet<string> => c !== undefined);
  if (known.length !== sets.length || known.length === 0) return { qualifiers };
  const columns = new Set(known.flatMap((c) => [...c]));
  if (sources.length < 2) return { qualifiers, columns };
  const ambiguous = new Set<string>();
  const owners = new Map<string, string>();
  for (const column of columns) {
    const having = sources.filter((_, i) => known[i]?.has(column));
    const [only, second] = having;
    if (second) ambiguous.add(column);
    else if (only) owners.set(column, only.alias ?? only.table);
  }
  return { qualifiers, columns, ambiguous, owners };
}
