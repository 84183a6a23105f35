import { fail, sqlError, type Result, type SqlError } from './errors';
import { planExec } from './exec';
import { checkLength, checkTokenCount } from './limits';
import { planMeta } from './meta';
import { planRegistry } from './registryStatement';
import { planDelete, planSelect } from './select';
import { planMutation, refuseMutation } from './mutation';
import { spanOf, splitStatement } from './statement';
import type { QueryPlan } from './types';

const WRITES = new Set(['MERGE', 'CREATE', 'DROP', 'ALTER', 'TRUNCATE']);
const SCRIPTING = new Set([
  'REQUIRE',
  'SOURCE',
  'ATTACH',
  'DETACH',
  'USE',
  'SET',
  'DECLARE',
  'IF',
  'WHILE',
  'BEGIN',
  'COMMIT',
  'ROLLBACK',
  'PRINT',
  'ASSERT',
  'SEARCH',
]);

/**
 * Plans one StackQL statement: which API calls it needs and what runs locally, or a typed error that
 * says what to change. Pure: no request is made, nothing is run. Never throws, and is fast for any
 * text: the size and nesting limits (`limits.ts`) refuse what would be slow before it is parsed.
 */
export function planQuery(sql: string): Result<QueryPlan> {
  try {
    return plan(sql);
  } catch (e) {
    // The editor plans on every pause in typing: a throw here would be an uncaught error on the page.
    return fail(internalError(e));
  }
}

function plan(sql: string): Result<QueryPlan> {
  // Length first, in constant time; the token count before the StackQL rewrites, which walk the tokens.
  const tooLong = checkLength(sql);
  if (tooLong) return fail(tooLong);
  const st = splitStatement(sql);
  if (!st.ok) return st;
  const tooMany = checkTokenCount(sql, st.value.tokens);
  if (tooMany) return fail(tooMany);
  const first = st.value.tokens[0];
  const verb = first?.kind === 'word' ? first.text.toUpperCase() : (first?.text ?? '');
  const refuse = (code: 'not-allowed' | 'unsupported-statement', message: string) =>
    fail<QueryPlan>(sqlError(code, message, sql, first));
  switch (verb) {
    case 'SELECT':
    case 'WITH':
      return planSelect(st.value);
    case 'DELETE':
      return planDelete(st.value);
    case 'EXEC':
    case 'EXECUTE':
      return planExec(st.value);
    case 'SHOW':
    case 'DESCRIBE':
    case 'DESC':
      return planMeta(st.value);
    case 'REGISTRY':
      return planRegistry(st.value);
    case 'INSERT':
    case 'UPDATE':
    case 'REPLACE': {
      // Read and planned like any write, then refused with the requests it would make: not run yet.
      const planned = planMutation(st.value, verb);
      return planned.ok ? fail(refuseMutation(planned.value, sql, spanOf(st.value.tokens))) : planned;
    }
  }
  if (WRITES.has(verb)) {
    return refuse(
      'not-allowed',
      `${verb} is not allowed: the playground reads with SELECT, and changes things on GitHub only with DELETE and EXEC.`,
    );
  }
  if (SCRIPTING.has(verb)) return refuse('not-allowed', `${verb} is not allowed in the playground.`);
  return refuse(
    'unsupported-statement',
    'Start with SELECT, DELETE, EXEC, INSERT, UPDATE, REPLACE, SHOW or DESCRIBE, e.g. SHOW SERVICES IN github.',
  );
}

/** An unexpected exception as an error the playground can show. */
function internalError(e: unknown): SqlError {
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return sqlError(
    'internal',
    `Planning this query failed unexpectedly (${detail.slice(0, 200)}). This is a bug in the playground; simplifying the query may avoid it.`,
  );
}
