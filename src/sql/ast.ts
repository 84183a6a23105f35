import alasql from 'alasql';

import './alasqlLexer';

import { fail, ok, sqlError, type Result } from './errors';
import { checkComplexity } from './limits';
import { tokenize, type Token } from './tokenize';

/**
 * A typed view of alasql's parse tree. alasql's typings describe only a few node shapes, so nodes are
 * handled as plain records and identified by their exact constructor from `alasql.yy` (an exact
 * prototype match, so a subclass added in a later alasql version is unknown, hence refused).
 */

/** Node classes the checker knows by name. Anything else is outside the allow-list. */
export type NodeKind =
  | 'Select'
  | 'Table'
  | 'Column'
  | 'Expression'
  | 'Op'
  | 'UniOp'
  | 'NumValue'
  | 'StringValue'
  | 'LogicValue'
  | 'NullValue'
  | 'FuncValue'
  | 'AggrValue'
  | 'CaseValue'
  | 'Convert'
  | 'WithSelect'
  | 'ExistsValue';

/** Any parse-tree node: its own enumerable properties by name. */
export type AstNode = Record<string, unknown>;

type Ctor = abstract new (...args: never[]) => unknown;
const yy = (alasql as unknown as { yy: Readonly<Record<string, Ctor | undefined>> }).yy;

const KINDS: readonly NodeKind[] = [
  'Select',
  'Table',
  'Column',
  'Expression',
  'Op',
  'UniOp',
  'NumValue',
  'StringValue',
  'LogicValue',
  'NullValue',
  'FuncValue',
  'AggrValue',
  'CaseValue',
  'Convert',
  'WithSelect',
  'ExistsValue',
];

const BY_PROTOTYPE = new Map<unknown, NodeKind>();
for (const kind of KINDS) {
  const c = yy[kind];
  if (c) BY_PROTOTYPE.set(c.prototype, kind);
}

/** The allow-listed kind of a node, or undefined for any other value (including plain objects). */
export function kindOf(value: unknown): NodeKind | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  return BY_PROTOTYPE.get(Object.getPrototypeOf(value));
}

/** The alasql class name of a node, for error messages about what is not allowed. */
export function className(value: unknown): string {
  if (typeof value !== 'object' || value === null) return typeof value;
  for (const [name, c] of Object.entries(yy)) {
    if (typeof c === 'function' && Object.getPrototypeOf(value) === c.prototype) return name;
  }
  return 'object';
}

/** Location of a syntax error as jison reports it (lines 1-based, columns 0-based). */
interface JisonHash {
  readonly text?: string;
  readonly token?: string;
  readonly loc?: { first_line: number; first_column: number; last_line: number; last_column: number };
}

class ParseFailure extends Error {
  constructor(
    message: string,
    readonly hash: JisonHash,
  ) {
    super(message);
  }
}

// jison only passes the error's location to `yy.parseError`; alasql's default drops it. Installing our
// own once keeps the location for editor underlines. It throws as the default does.
(alasql as unknown as { parser: { yy: { parseError: unknown } } }).parser.yy.parseError = (
  message: string,
  hash: JisonHash,
): never => {
  throw new ParseFailure(message, hash);
};

/**
 * Parses alasql SQL into statements, or a syntax error at the offending token. The size and nesting
 * limits are checked first, on the very text alasql gets: within them the parse is fast and the tree
 * shallow enough for every recursive walk over it.
 */
export function parseAlasql(text: string): Result<readonly AstNode[]> {
  const limit = checkComplexity(text);
  if (limit) return fail(limit);
  try {
    const parsed = alasql.parse(text) as unknown as { statements: AstNode[] };
    return ok(parsed.statements);
  } catch (e) {
    // Unreachable within the limits; if a shape they miss overflows the parser, say what to do.
    if (e instanceof RangeError) {
      return fail(sqlError('too-complex', 'The query is too deeply nested to parse; simplify it.'));
    }
    if (!(e instanceof ParseFailure) || !e.hash.loc) {
      const message = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
      return fail(sqlError('syntax', `Syntax error: ${message}`));
    }
    const { loc, token } = e.hash;
    // jison's `loc` is the last token it accepted; the offending one is the next token after it.
    const after = offsetOf(text, loc.last_line, loc.last_column);
    const next = tokenize(text).ok ? nextToken(text, after) : undefined;
    if (token === 'EOF' || !next) {
      return fail(
        sqlError(
          'syntax',
          'Syntax error: the statement ends too early. Complete the expression or clause.',
          text,
          {
            start: Math.max(after - 1, 0),
            end: after,
          },
        ),
      );
    }
    const message = `Syntax error near '${next.text}'. Check the SQL; a column name that is also a keyword can be quoted: \`name\`.`;
    return fail(sqlError('syntax', message, text, next));
  }
}

/** The character offset of a 1-based line and 0-based column. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl === -1) return text.length;
    offset = nl + 1;
  }
  return Math.min(offset + column, text.length);
}

/** The first token that starts at or after `offset`. */
function nextToken(text: string, offset: number): Token | undefined {
  const lexed = tokenize(text);
  return lexed.ok ? lexed.value.tokens.find((t) => t.start >= offset) : undefined;
}
