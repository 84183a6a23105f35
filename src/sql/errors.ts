import type { PlannedRequest } from '../resources/calls';

/**
 * Typed errors of the SQL layer and the engine. Every refusal is a value the playground can show and
 * underline, never a bare thrown string.
 */

/** What went wrong, for code that reacts to the kind of error (tests, the UI's hint text). */
export type SqlErrorCode =
  | 'empty' // nothing but whitespace and comments
  | 'syntax' // the text does not parse
  | 'multiple-statements' // more than one statement in a run
  | 'unsupported-statement' // a statement form the playground does not run (INSERT, UPDATE, REPLACE yet)
  | 'unknown-resource' // a name that is no resource (or service, or provider) of the catalogue
  | 'unknown-method' // EXEC of a method the resource does not have
  | 'not-allowed' // a construct outside the allow-list (JavaScript, INTO, sub-queries, …)
  | 'missing-params' // a method's required params are not all given
  | 'invalid-param' // a param value the API would reject
  | 'fan-out' // an IN list that would make too many API calls
  | 'too-complex' // over a size or nesting limit (see limits.ts): planning it would block the page
  | 'internal' // the planner failed unexpectedly: a bug of ours, reported instead of thrown
  | 'runtime' // the local query failed while running
  | 'timeout' // the run went over its time limit
  | 'cancelled' // the run was cancelled
  | 'no-data' // the datasets a plan names are not loaded in the engine
  | 'engine'; // the worker failed or was restarted

/** An error with a message a person can act on and, when it comes from the text, where (1-based). */
export interface SqlError {
  readonly code: SqlErrorCode;
  readonly message: string;
  /**
   * For a statement the playground reads but does not run yet (INSERT, UPDATE, REPLACE): the exact
   * requests it would make, relative to the API base URL. The message says them too.
   */
  readonly requests?: readonly PlannedRequest[];
  readonly line?: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

/** A half-open range of character offsets in the statement text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Either a value or the error that stopped it; the layer's functions return this instead of throwing. */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: SqlError };

/** Wraps a value as a success. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps an error as a failure. */
export function fail<T = never>(error: SqlError): Result<T> {
  return { ok: false, error };
}

/** 1-based line and column of a character offset. */
export function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** An error underlining `span` of `text` (the end column is exclusive, as Monaco's markers expect). */
export function sqlError(code: SqlErrorCode, message: string, text?: string, span?: Span): SqlError {
  if (text === undefined || span === undefined) return { code, message };
  const start = position(text, span.start);
  const end = position(text, Math.max(span.end, span.start + 1));
  return { code, message, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
