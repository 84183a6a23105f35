import { fail, ok, sqlError, type Result, type SqlError } from './errors';
import { MAX_NESTING } from './limits';
import { allOf, anyOf, cell, equal, likeOf, negate, type Truth, type Value } from './metaTruth';
import { nearest } from './nearest';
import { spanOf, type Statement } from './statement';
import { isKeyword, type Token } from './tokenize';
import type { ResultRow } from './types';

/**
 * The `LIKE '<pattern>'` and `WHERE <condition>` that end StackQL's SHOW listings, evaluated here over
 * the listing's rows. The condition has its own small grammar over the StackQL tokens (comparisons,
 * LIKE, IN, AND/OR/NOT, brackets, literals and the listing's columns) and is never handed to alasql:
 * a listing is a few rows of text, and nothing the reader types here can reach code generation.
 */

/** What a listing offers a filter: its columns, and the one `LIKE` alone matches. */
export interface FilterTarget {
  /** The statement, for messages: `SHOW METHODS`. */
  readonly statement: string;
  readonly columns: readonly string[];
  /** The column `LIKE '<pattern>'` matches: StackQL's name of each listed thing. */
  readonly nameColumn: string;
  /** Other names a condition may use for a column (`name` for SHOW METHODS' `MethodName`). */
  readonly aliases?: Readonly<Record<string, string>>;
}

/** Whether a row passes; true only when the condition is true (not false, not unknown). */
export type RowFilter = (row: ResultRow) => boolean;

type Expr = (row: ResultRow) => Truth;
type Operand = (row: ResultRow) => Value;

const WORDS = new Set(['AND', 'OR', 'NOT', 'LIKE', 'IN', 'IS', 'NULL', 'BETWEEN', 'ESCAPE', 'WHERE']);
const EQUALS = new Set(['=', '==']);
const NOT_EQUALS = new Set(['!=', '<>']);
const ORDERING = new Set(['<', '>', '<=', '>=']);
const OPERATORS = '=, !=, <>, LIKE, NOT LIKE, IN (…) or NOT IN (…)';

/**
 * Reads the filter that starts at token `at` (LIKE, WHERE, or the end of the statement) into a row
 * filter, or an error that says what to write. With nothing at `at`, every row passes.
 */
export function readFilter(st: Statement, at: number, target: FilterTarget): Result<RowFilter> {
  const first = st.tokens[at];
  if (!first) return ok(() => true);
  const parser = new FilterParser(st, at + 1, target);
  if (isKeyword(first, 'LIKE')) {
    const pattern = st.tokens[at + 1];
    if (pattern?.kind !== 'string') {
      return parser.fail(
        `Expected a pattern in quotes after LIKE, e.g. ${target.statement} … LIKE '%version%' (% is any text, _ one character).`,
        pattern ? [pattern] : [first],
      );
    }
    const more = `for more than one pattern, write WHERE ${target.nameColumn} LIKE 'a%' OR ${target.nameColumn} LIKE 'b%'`;
    parser.expectEnd(at + 2, 'the pattern', more);
    if (parser.error) return fail(parser.error);
    const column = target.nameColumn;
    return ok((row) => likeOf(pattern.value, cell(row[column])) === true);
  }
  if (isKeyword(first, 'WHERE')) {
    if (!st.tokens[at + 1]) {
      return parser.fail(
        `Expected a condition after WHERE, e.g. WHERE ${target.nameColumn} LIKE '%version%'.`,
        [first],
      );
    }
    const expr = parser.parse();
    if (parser.error) return fail(parser.error);
    return ok((row) => expr(row) === true);
  }
  return parser.fail(
    `Expected LIKE '<pattern>', WHERE <condition> or the end of the statement here, e.g. ${target.statement} … LIKE '%version%'.`,
    st.tokens.slice(at),
  );
}

/** A recursive-descent parser over the condition's tokens; the first error stops it. */
class FilterParser {
  error: SqlError | undefined;
  private depth = 0;

  constructor(
    private readonly st: Statement,
    private i: number,
    private readonly target: FilterTarget,
  ) {}

  fail<T>(message: string, at: readonly Token[]): Result<T> {
    return fail(sqlError('syntax', message, this.st.source, spanOf(at.length ? at : this.st.tokens)));
  }

  /** The whole condition, which must end the statement. */
  parse(): Expr {
    const expr = this.or();
    this.expectEnd(this.i, 'the condition', 'join conditions with AND or OR, or end the statement');
    return expr;
  }

  expectEnd(i: number, after: string, advice: string): void {
    const extra = this.st.tokens[i];
    if (!extra || this.error) return;
    this.setError(
      isKeyword(extra, 'ESCAPE')
        ? 'LIKE … ESCAPE is not supported in a SHOW filter: % and _ always match any text and any one character.'
        : `Unexpected ${extra.text} after ${after}: ${advice}.`,
      extra,
    );
  }

  private setError(message: string, at?: Token): void {
    if (this.error) return;
    const span = at ? spanOf([at]) : { start: this.st.source.length, end: this.st.source.length };
    this.error = sqlError('syntax', message, this.st.source, span);
  }

  private peek(): Token | undefined {
    return this.st.tokens[this.i];
  }

  private isPunct(text: string): boolean {
    const t = this.peek();
    return t?.kind === 'punct' && t.text === text;
  }

  private or(): Expr {
    const terms = [this.and()];
    while (!this.error && isKeyword(this.peek(), 'OR')) {
      this.i++;
      terms.push(this.and());
    }
    return terms.length === 1 ? (terms[0] ?? never) : (row) => anyOf(terms.map((t) => t(row)));
  }

  private and(): Expr {
    const terms = [this.not()];
    while (!this.error && isKeyword(this.peek(), 'AND')) {
      this.i++;
      terms.push(this.not());
    }
    return terms.length === 1 ? (terms[0] ?? never) : (row) => allOf(terms.map((t) => t(row)));
  }

  private not(): Expr {
    if (!isKeyword(this.peek(), 'NOT')) return this.predicate();
    const token = this.peek();
    if (!this.enter(token)) return never;
    this.i++;
    const inner = this.not();
    this.depth--;
    return (row) => negate(inner(row));
  }

  /** Recursion guard: brackets and NOTs nest at most MAX_NESTING deep, as in the rest of the planner. */
  private enter(at: Token | undefined): boolean {
    if (++this.depth <= MAX_NESTING) return true;
    if (!this.error) {
      const span = at ? spanOf([at]) : spanOf(this.st.tokens);
      this.error = sqlError(
        'too-complex',
        `The condition nests more than ${String(MAX_NESTING)} levels deep (brackets or NOT); simplify it.`,
        this.st.source,
        span,
      );
    }
    return false;
  }

  private predicate(): Expr {
    if (this.isPunct('(')) {
      const open = this.peek();
      if (!this.enter(open)) return never;
      this.i++;
      const inner = this.or();
      this.depth--;
      if (!this.isPunct(')')) this.setError('Expected ) to close the bracket.', this.peek() ?? open);
      else this.i++;
      return inner;
    }
    const left = this.operand();
    if (this.error) return never;
    return this.comparison(left);
  }

  private comparison(left: Operand): Expr {
    const op = this.peek();
    const before = this.st.tokens[this.i - 1];
    if (op?.kind === 'punct' && (EQUALS.has(op.text) || NOT_EQUALS.has(op.text))) {
      this.i++;
      const right = this.operand();
      const eq: Expr = (row) => equal(left(row), right(row));
      return NOT_EQUALS.has(op.text) ? (row) => negate(eq(row)) : eq;
    }
    const negated = isKeyword(op, 'NOT');
    const verb = negated ? this.st.tokens[this.i + 1] : op;
    if (isKeyword(verb, 'LIKE')) {
      this.i += negated ? 2 : 1;
      const pattern = this.operand();
      const like: Expr = (row) => likeOf(pattern(row), left(row));
      return negated ? (row) => negate(like(row)) : like;
    }
    if (isKeyword(verb, 'IN')) {
      this.i += negated ? 2 : 1;
      const list = this.list();
      const within: Expr = (row) => anyOf(list.map((item) => equal(left(row), item(row))));
      return negated ? (row) => negate(within(row)) : within;
    }
    const unsupported =
      (op?.kind === 'punct' && ORDERING.has(op.text)) || isKeyword(op, 'IS') || isKeyword(op, 'BETWEEN');
    const after = before ? ` after ${before.text}` : '';
    this.setError(
      unsupported
        ? `${op?.text ?? ''} is not supported in a SHOW filter (its columns are text): compare with ${OPERATORS}.`
        : `Expected a comparison${after}: ${OPERATORS}, e.g. WHERE ${this.target.nameColumn} LIKE '%version%'.`,
      op,
    );
    return never;
  }

  /** `( operand, … )` after IN. */
  private list(): Operand[] {
    if (!this.isPunct('(')) {
      this.setError("Expected ( after IN, e.g. IN ('EXEC', 'DELETE').", this.peek());
      return [];
    }
    const items: Operand[] = [];
    do {
      this.i++;
      items.push(this.operand());
    } while (!this.error && this.isPunct(','));
    if (!this.error && !this.isPunct(')')) this.setError('Expected , or ) in the IN list.', this.peek());
    this.i++;
    return items;
  }

  /** A 'string', a number (optionally negative), or a column of the listing (any case, or quoted). */
  private operand(): Operand {
    const t = this.peek();
    const columns = this.target.columns.join(', ');
    const expected = `a column (${columns}), a 'quoted string' or a number`;
    if (!t) {
      this.setError(`The condition ends early: expected ${expected}.`);
      return nothing;
    }
    this.i++;
    if (t.kind === 'string') return () => t.value;
    if (t.kind === 'number') return constant(Number(t.text));
    const next = this.peek();
    if (t.kind === 'punct' && t.text === '-' && next?.kind === 'number') {
      this.i++;
      return constant(-Number(next.text));
    }
    if ((t.kind === 'word' && !WORDS.has(t.text.toUpperCase())) || t.kind === 'quoted') {
      const column = this.column(t.value);
      if (column !== undefined) return (row) => cell(row[column]);
      const hint = nearest(t.value, [...this.target.columns, ...Object.keys(this.target.aliases ?? {})]);
      this.setError(
        t.kind === 'quoted' && t.text.startsWith('"')
          ? `Unknown column "${t.value}" in the condition: "…" names a column; write text in single quotes, '${t.value}'.`
          : `Unknown column ${t.value} in the condition.${hint ? ` Did you mean ${hint}?` : ''} ${this.target.statement} has the columns ${columns}.`,
        t,
      );
      return nothing;
    }
    this.setError(`Expected ${expected} here, not ${t.text}.`, t);
    return nothing;
  }

  private column(name: string): string | undefined {
    const wanted = name.toLowerCase();
    const found = this.target.columns.find((c) => c.toLowerCase() === wanted);
    if (found !== undefined) return found;
    const alias = Object.entries(this.target.aliases ?? {}).find(([a]) => a.toLowerCase() === wanted);
    return alias?.[1];
  }
}

const never: Expr = () => null;
const nothing: Operand = () => null;

function constant(n: number): Operand {
  return () => n;
}
