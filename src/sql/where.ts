import type { ParamValue } from '../resources/calls';
import type { ResourceDef } from '../resources/types';
import { kindOf, type AstNode } from './ast';
import type { Span } from './errors';
import { locate } from './locate';
import type { ParamTerm } from './params';
import { isKeyword, type Token } from './tokenize';

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
  // `= true` / `= false`: a boolean param's value, as the text the request takes.
  if (node && kind === 'LogicValue') return node.value === true ? 'true' : 'false';
  if (!node || (kind !== 'StringValue' && kind !== 'NumValue')) return undefined;
  return typeof node.value === 'string' || typeof node.value === 'number' ? node.value : undefined;
}

function dedupe(values: readonly ParamValue[]): ParamValue[] {
  return [...new Set(values)];
}

const COMPARISONS: ReadonlySet<string> = new Set(['=', '==', '!=', '<>', '<', '>', '<=', '>=']);

/**
 * StackQL's docs quote every param value (`package_version_id = '42'`). The call takes the number
 * (`validateParam`), and so must the local query: alasql compares strictly, so `= '42'` would drop
 * every row, which carries its call's 42. Each quoted string of digits compared with an integer param
 * of the named resources (`=`, `<>`, …, either side, or in an `IN` list) becomes that number, padded
 * with spaces so no other character moves. Anything else in quotes ('4x2', '-1', '') stays text, for
 * validation to refuse by name.
 */
export function unquoteIntegers(
  text: string,
  tokens: readonly Token[],
  named: readonly { readonly resource: ResourceDef }[],
): string {
  const integers = new Set(
    named.flatMap(({ resource: r }) =>
      Object.values(r.params)
        .filter(
          (p) => p.type === 'integer' && r.fields.every((f) => f.name !== p.name || f.type === 'integer'),
        )
        .map((p) => p.name),
    ),
  );
  const isParam = (t: Token | undefined) =>
    (t?.kind === 'word' || t?.kind === 'quoted') && integers.has(t.value);
  const digits = (t: Token | undefined): t is Token =>
    (t?.kind === 'string' || (t?.kind === 'quoted' && t.text.startsWith('"'))) && /^\d+$/.test(t.value);
  let out = text;
  const unquote = (t: Token) => {
    out = out.slice(0, t.start) + t.value.padEnd(t.end - t.start) + out.slice(t.end);
  };
  tokens.forEach((t, i) => {
    if (isParam(t) && tokens[i + 1]?.text === '.') return; // a qualifier named like a param
    const op = tokens[i + 1]?.text ?? '';
    const value = tokens[i + 2];
    if (isParam(t) && COMPARISONS.has(op) && digits(value)) unquote(value);
    if (digits(t) && COMPARISONS.has(op) && isParam(lastOfName(tokens, i + 2))) unquote(t);
    const inAt = isKeyword(tokens[i + 1], 'NOT') ? i + 2 : i + 1;
    if (!isParam(t) || !isKeyword(tokens[inAt], 'IN') || tokens[inAt + 1]?.text !== '(') return;
    for (let j = inAt + 2; j < tokens.length && tokens[j]?.text !== ')'; j++) {
      const item = tokens[j];
      if (digits(item)) unquote(item);
    }
  });
  return out;
}

/** The last part of the dotted name starting at token `i` (`v.package_version_id` → its column). */
function lastOfName(tokens: readonly Token[], i: number): Token | undefined {
  let j = i;
  while (tokens[j + 1]?.text === '.') j += 2;
  return tokens[j];
}
