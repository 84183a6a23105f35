import alasql from 'alasql';

import { isSafeName } from './allowList';
import { kindOf, type AstNode } from './ast';
import { fail, ok, sqlError, type Result } from './errors';
import { nearest } from './nearest';
import { tokenize, type Token } from './tokenize';

type ColumnCtor = new (params: { columnid: string }) => AstNode;
const Column = (alasql as unknown as { yy: { Column: ColumnCtor } }).yy.Column;

/** The names an ORDER BY or GROUP BY term may refer to. */
export interface KeyNames {
  /** Known columns, lower case. */
  readonly columns: ReadonlySet<string>;
  /** The SELECT list's aliases, as written. */
  readonly aliases: readonly string[];
}

/**
 * Checks one ORDER BY or GROUP BY term for a bare string. alasql reads `ORDER BY 'x'` as the column
 * named x and pastes that text into the JavaScript it compiles (`p['t']['x']`), so the string could
 * break out as code; SQLite reads it as a constant, which sorts nothing and groups every row into one.
 * Either way it is not what the reader meant, so it is refused and the message says what to write.
 * A double-quoted name that `localText` did not turn into a known column is an unknown column to
 * SQLite, unless it names an alias of the SELECT list, which then becomes a reference to that alias.
 * Returns the term to keep (the same node, or the alias reference).
 */
export function checkClauseKey(
  term: unknown,
  clause: 'ORDER BY' | 'GROUP BY',
  text: string,
  names: KeyNames,
): Result<unknown> {
  if (kindOf(term) !== 'StringValue') return ok(term);
  const value = String((term as AstNode).value);
  const token = literalToken(text, clause, value);
  const span = token ? { start: token.start, end: token.end } : undefined;
  if (token?.kind === 'quoted') {
    const alias = names.aliases.find((a) => a === value) ?? names.aliases.find((a) => sameName(a, value));
    if (alias !== undefined && isSafeName(alias)) return ok(new Column({ columnid: alias }));
    const hint = nearest(value, [...names.columns, ...names.aliases]);
    const message = `Unknown column "${value}" in ${clause}${hint ? `; the nearest known column is ${hint}` : ''}.`;
    return fail(sqlError('not-allowed', message, text, span));
  }
  const column = [...names.columns, ...names.aliases].find((c) => sameName(c, value));
  const fix = column ? `: ${clause} ${column}` : `, e.g. ${clause} created_at`;
  const message =
    clause === 'ORDER BY'
      ? `ORDER BY '${value}' sorts by a constant text, which changes nothing. To sort by a column, write its name without quotes${fix}.`
      : `GROUP BY '${value}' groups by a constant text, which puts every row in one group. To group by a column, write its name without quotes${fix}.`;
  return fail(sqlError('not-allowed', message, text, span));
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

let lastText: string | undefined;
let lastTokens: readonly Token[] | undefined;

/**
 * The statement's tokens, read once per statement: a query may have a thousand string terms, and
 * tokenizing the whole text again for each made planning quadratic (seconds on the main thread).
 */
function tokensOf(text: string): readonly Token[] | undefined {
  if (text !== lastText) {
    const lexed = tokenize(text);
    lastText = text;
    lastTokens = lexed.ok ? lexed.value.tokens : undefined;
  }
  return lastTokens;
}

/**
 * The token a string term came from: a double-quoted name or a single-quoted string spelling `value`,
 * after the clause's keyword. alasql keeps `""` in a double-quoted string as it is, so the raw text
 * between the quotes is compared for those.
 */
function literalToken(text: string, clause: string, value: string): Token | undefined {
  const tokens = tokensOf(text);
  if (!tokens) return undefined;
  const keyword = clause.split(' ')[0] ?? '';
  const start = tokens.findIndex(
    (t, i) =>
      t.kind === 'word' && t.text.toUpperCase() === keyword && tokens[i + 1]?.text.toUpperCase() === 'BY',
  );
  return tokens
    .slice(Math.max(start, 0))
    .find(
      (t) =>
        (t.kind === 'quoted' && t.text.startsWith('"') && t.text.slice(1, -1) === value) ||
        (t.kind === 'string' && t.value === value),
    );
}
