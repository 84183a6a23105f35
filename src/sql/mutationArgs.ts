import type { ParamValue } from '../resources/calls';
import { fail, ok, sqlError, type Result, type Span } from './errors';
import type { ParamTerm } from './params';
import { isKeyword, type Token } from './tokenize';

/**
 * Reading the parts of INSERT, UPDATE and REPLACE that are not a WHERE: INSERT's column list and its
 * rows (`SELECT 'a', 1` or `VALUES ('a', 1), …`), and UPDATE's `SET name = value, …`. Values are
 * literals only (text, numbers, `true`/`false`; `NULL` leaves the param out): the statement names the
 * request it makes, so nothing is computed.
 */

export const INSERT_USAGE =
  "INSERT INTO github.<service>.<resource> (data__<property>, <param>, …) SELECT '<value>', … (or VALUES ('<value>', …))";
export const UPDATE_USAGE =
  "<verb> github.<service>.<resource> SET data__<property> = '<value>', … WHERE <param> = '<value>' AND …";

/** A literal value: a param value, or `null` for SQL's NULL (the param is left out). */
interface Literal {
  readonly value: ParamValue | null;
  readonly next: number;
}

/** The literal at token `i`, or undefined when it is not one. */
function readLiteral(tokens: readonly Token[], i: number): Literal | undefined {
  const t = tokens[i];
  if (t?.kind === 'string') return { value: t.value, next: i + 1 };
  if (t?.kind === 'number') return { value: Number(t.text), next: i + 1 };
  const n = tokens[i + 1];
  if (t?.text === '-' && n?.kind === 'number') return { value: -Number(n.text), next: i + 2 };
  if (isKeyword(t, 'TRUE') || isKeyword(t, 'FALSE'))
    return { value: t?.text.toLowerCase() ?? '', next: i + 1 };
  if (isKeyword(t, 'NULL')) return { value: null, next: i + 1 };
  return undefined;
}

function spanOfTokens(tokens: readonly Token[], from: number, to: number): Span {
  return { start: tokens[from]?.start ?? 0, end: tokens[Math.max(from, to - 1)]?.end ?? 0 };
}

/** Reads `a, b, c` of `read` items up to (not including) a token `stop` accepts, or the end. */
function readList<T>(
  tokens: readonly Token[],
  start: number,
  read: (i: number) => { item: T; next: number } | undefined,
  stop: (t: Token) => boolean,
): { items: T[]; next: number } | { at: number } {
  const items: T[] = [];
  let i = start;
  for (;;) {
    const got = read(i);
    if (!got) return { at: i };
    items.push(got.item);
    i = got.next;
    const t = tokens[i];
    if (t?.text !== ',') return t === undefined || stop(t) ? { items, next: i } : { at: i };
    i++;
  }
}

/** A column of INSERT's list: its name and where it is written. */
interface Column {
  readonly name: string;
  readonly span: Span;
}

/**
 * INSERT's `(col, …) SELECT v, …` or `(col, …) VALUES (v, …), (v, …)` from token `start` (just after
 * the resource name): per row, one term per column with its value (each row is one request). A NULL
 * leaves its column out of the row.
 */
export function readInsertRows(
  tokens: readonly Token[],
  start: number,
  source: string,
): Result<ParamTerm[][]> {
  const syntax = (message: string, at: number) =>
    fail<ParamTerm[][]>(
      sqlError('syntax', `${message} Write ${INSERT_USAGE}.`, source, spanOfTokens(tokens, at, at + 1)),
    );
  if (tokens[start]?.text !== '(') return syntax('Expected the list of columns in brackets.', start);
  const columns = readList<Column>(
    tokens,
    start + 1,
    (i) => {
      const t = tokens[i];
      if (t?.kind !== 'word' && t?.kind !== 'quoted') return undefined;
      return { item: { name: t.value.toLowerCase(), span: t }, next: i + 1 };
    },
    (t) => t.text === ')',
  );
  if ('at' in columns) return syntax('Expected a column name.', columns.at);
  let i = columns.next + 1;
  const rows: Literal[][] = [];
  const rowOf = (from: number, stop: (t: Token) => boolean) =>
    readList<Literal>(
      tokens,
      from,
      (j) => {
        const lit = readLiteral(tokens, j);
        return lit ? { item: lit, next: lit.next } : undefined;
      },
      stop,
    );
  if (isKeyword(tokens[i], 'SELECT')) {
    const row = rowOf(i + 1, () => false);
    if ('at' in row)
      return syntax('Expected a value (text in quotes, a number, true, false or NULL).', row.at);
    rows.push(row.items);
    i = row.next;
  } else if (isKeyword(tokens[i], 'VALUES')) {
    i++;
    for (;;) {
      if (tokens[i]?.text !== '(') return syntax('Expected a row of values in brackets.', i);
      const row = rowOf(i + 1, (t) => t.text === ')');
      if ('at' in row)
        return syntax('Expected a value (text in quotes, a number, true, false or NULL).', row.at);
      rows.push(row.items);
      i = row.next + 1;
      if (tokens[i]?.text !== ',') break;
      i++;
    }
  } else {
    return syntax('Expected SELECT or VALUES after the columns.', i);
  }
  if (i < tokens.length) return syntax('Expected the end of the statement.', i);
  return termsOf(columns.items, rows, source, tokens, start);
}

function termsOf(
  columns: readonly Column[],
  rows: readonly Literal[][],
  source: string,
  tokens: readonly Token[],
  start: number,
): Result<ParamTerm[][]> {
  const twice = columns.find((c, k) => columns.findIndex((d) => d.name === c.name) !== k);
  if (twice) return fail(sqlError('syntax', `${twice.name} is given twice.`, source, twice.span));
  const uneven = rows.find((r) => r.length !== columns.length);
  if (uneven) {
    return fail(
      sqlError(
        'syntax',
        `INSERT names ${columns.length} column${columns.length === 1 ? '' : 's'} but a row gives ${uneven.length} value${uneven.length === 1 ? '' : 's'}: give one value per column, in order.`,
        source,
        spanOfTokens(tokens, start, tokens.length),
      ),
    );
  }
  return ok(
    rows.map((row) =>
      columns.flatMap((c, k): ParamTerm[] => {
        const value = row[k]?.value;
        return value === null || value === undefined ? [] : [{ name: c.name, values: [value], span: c.span }];
      }),
    ),
  );
}

/**
 * UPDATE's `SET name = value, …` from token `start` (the token after SET), up to WHERE or the end: one
 * term per name. Returns the terms and the index of WHERE (or the end).
 */
export function readSetList(
  tokens: readonly Token[],
  start: number,
  source: string,
  verb: string,
): Result<{ terms: ParamTerm[]; next: number }> {
  const usage = UPDATE_USAGE.replace('<verb>', verb);
  const list = readList<ParamTerm>(
    tokens,
    start,
    (i) => {
      const name = tokens[i];
      if ((name?.kind !== 'word' && name?.kind !== 'quoted') || tokens[i + 1]?.text !== '=') return undefined;
      const lit = readLiteral(tokens, i + 2);
      if (lit?.value == null) return undefined;
      const span = spanOfTokens(tokens, i, lit.next);
      return { item: { name: name.value.toLowerCase(), values: [lit.value], span }, next: lit.next };
    },
    (t) => isKeyword(t, 'WHERE'),
  );
  if ('at' in list) {
    return fail(
      sqlError(
        'syntax',
        `Expected name = value (text in quotes, a number, true or false) in SET. Write ${usage}.`,
        source,
        spanOfTokens(tokens, list.at, list.at + 1),
      ),
    );
  }
  const twice = list.items.find((t, k) => list.items.findIndex((u) => u.name === t.name) !== k);
  if (twice) return fail(sqlError('syntax', `${twice.name} is set twice.`, source, twice.span));
  return ok({ terms: list.items, next: list.next });
}
