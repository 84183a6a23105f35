import type { ParamValue } from '../resources/calls';
import { kindOf, type AstNode } from './ast';
import type { Span } from './errors';
import { locate } from './locate';
import type { ParamTerm } from './params';

/** The params a WHERE gives, and how many of its AND-ed terms are something else (local filters). */
export interface WhereParams {
  readonly terms: readonly ParamTerm[];
  readonly localTerms: number;
}

/**
 * Reads params from the top-level AND-ed terms of a checked WHERE: `param = literal`,
 * `literal = param` and `param IN (literals)`. A param given twice keeps the values both allow (so
 * `org = 'a' AND org = 'b'` plans no call, and the query returns no rows, as SQL says it should).
 * Anything else, including terms under OR or NOT, stays a local filter.
 */
export function whereParams(
  where: AstNode | undefined,
  names: ReadonlySet<string>,
  tables: ReadonlySet<string>,
  text: string,
): WhereParams {
  const found = new Map<string, { values: ParamValue[]; span?: Span }>();
  let localTerms = 0;
  for (const term of conjuncts(where)) {
    const hit = paramTerm(term, names, tables);
    if (!hit) {
      localTerms++;
      continue;
    }
    const seen = found.get(hit.name);
    const values = seen ? seen.values.filter((v) => hit.values.includes(v)) : dedupe(hit.values);
    found.set(hit.name, { values, ...(seen?.span ? { span: seen.span } : spanFor(text, hit.name)) });
  }
  const terms = [...found].map(([name, t]) => ({
    name,
    values: t.values,
    ...(t.span ? { span: t.span } : {}),
  }));
  return { terms, localTerms };
}

/** Where the param is named in the WHERE clause (not in the select list before it). */
function spanFor(text: string, name: string): { span?: Span } {
  const where = locate(text, ['WHERE']);
  const span = locate(text, [name], where?.end ?? 0);
  return span ? { span } : {};
}

/** The AND-ed terms of an expression, looking through plain parentheses. */
export function conjuncts(expr: AstNode | undefined): AstNode[] {
  if (!expr) return [];
  const kind = kindOf(expr);
  if (kind === 'Op' && expr.op === 'AND') {
    return [...conjuncts(expr.left as AstNode), ...conjuncts(expr.right as AstNode)];
  }
  if (kind === 'UniOp' && (expr.op === null || expr.op === undefined))
    return conjuncts(expr.right as AstNode);
  return [expr];
}

/** A WHERE term that gives a param (`param = literal` or `param IN (literals)`), or undefined. */
export function paramTerm(
  term: AstNode,
  names: ReadonlySet<string>,
  tables: ReadonlySet<string>,
): { name: string; values: ParamValue[] } | undefined {
  if (kindOf(term) !== 'Op') return undefined;
  const left = term.left as AstNode | undefined;
  const right = term.right as AstNode | AstNode[] | undefined;
  if (term.op === '=') {
    const a = columnName(left, names, tables);
    const b = Array.isArray(right) ? undefined : columnName(right, names, tables);
    const av = literal(left);
    const bv = Array.isArray(right) ? undefined : literal(right);
    if (a !== undefined && bv !== undefined) return { name: a, values: [bv] };
    if (b !== undefined && av !== undefined) return { name: b, values: [av] };
    return undefined;
  }
  if (term.op === 'IN' && Array.isArray(right)) {
    const name = columnName(left, names, tables);
    const values = right.map(literal);
    if (name === undefined || values.some((v) => v === undefined)) return undefined;
    return { name, values: values as ParamValue[] };
  }
  return undefined;
}

function columnName(node: AstNode | undefined, names: ReadonlySet<string>, tables: ReadonlySet<string>) {
  if (kindOf(node) !== 'Column' || !node) return undefined;
  const id = node.columnid;
  const table = node.tableid;
  if (typeof id !== 'string' || !names.has(id)) return undefined;
  return table === undefined || (typeof table === 'string' && tables.has(table)) ? id : undefined;
}

function literal(node: AstNode | undefined): ParamValue | undefined {
  const kind = kindOf(node);
  // `= -1` parses as a unary minus; reading it as a value lets validation say what is wrong with it.
  if (node && kind === 'UniOp' && node.op === '-') {
    const inner = literal(node.right as AstNode | undefined);
    return typeof inner === 'number' ? -inner : undefined;
  }
  if (!node || (kind !== 'StringValue' && kind !== 'NumValue')) return undefined;
  return typeof node.value === 'string' || typeof node.value === 'number' ? node.value : undefined;
}

function dedupe(values: readonly ParamValue[]): ParamValue[] {
  return [...new Set(values)];
}
