import alasql from 'alasql';

/**
 * Names StackQL users give columns and aliases — `COUNT(*) AS count`, `SUM(size) AS total`,
 * `value`, `first`, `index`, `default` — are keywords to alasql's lexer, so `AS count` was a syntax
 * error where SQLite takes it. alasql reads SQL for every statement it knows (INSERT … VALUES, CREATE
 * INDEX …); the playground only ever gives it a SELECT. So, once per realm before anything is parsed
 * (ast.ts and alasqlTokens.ts import this module first), its lexer rules change:
 * - words that are aggregates or functions in a SELECT are keywords only before `(`;
 * - words only other statements use are never keywords (and GROUP_CONCAT, whose MySQL form with
 *   SEPARATOR alasql parses, so that SQLite's `group_concat(x, sep)` is an ordinary call).
 * Either way the word is then an identifier, which the checker treats as any column or alias.
 * Rules keep alasql's `^(?:…)` form, which alasqlTokens.ts reads.
 */

/** Keywords only as a call: `count(` is COUNT, `count` alone a name. */
const CALL_ONLY = ['COUNT', 'SUM', 'AVG', 'TOTAL', 'FIRST', 'LAST', 'REPLACE'];
/** Keywords of statements the playground never parses: always names. */
const NEVER = [
  'VALUE',
  'VALUES',
  'DEFAULT',
  'INDEX',
  'COLUMN',
  'COLUMNS',
  'SEARCH',
  'MERGE',
  'PLAN',
  'QUERY',
  'TABLES',
  'TEMP',
  'TEMPORARY',
  'PRINT',
  'CALL',
  'REPEAT',
  'RETURN',
  'CHECK',
  'UNIQUE',
  'INTERVAL',
  'PERCENT',
  'EXPLAIN',
  'SHOW',
  'SOURCE',
  'GROUP_CONCAT',
  'BEFORE',
  'AFTER',
  'INSTEAD',
  // Graph search, DDL and alasql's own statements and clauses: names in a SELECT (GitHub has `path`,
  // `content` and `action` fields).
  'PATH',
  'CONTENT',
  'ACTION',
  'SET',
  'VIEW',
  'OPTION',
  'IDENTITY',
  'GRAPH',
  'VERTEX',
  'EDGE',
  'ASSERT',
  'REQUIRE',
  'PRIMARY',
  'FOREIGN',
  'REFERENCES',
  'CASCADE',
  'RESTRICT',
  'NO',
  'TRIGGER',
  'FUNCTION',
  'AGGREGATE',
  'RETURNS',
  'ATTACH',
  'DETACH',
  'FETCH',
  'NEXT',
  'ONLY',
  'ROWS',
  'ARRAY',
];
/** Keywords only before a number: `TOP 10` is TOP, `top` alone (`MAX(id) AS top`) a name. */
const BEFORE_NUMBER = ['TOP'];

/** Words this module made names (for messages and the editor). */
export const RELAXED_KEYWORDS: ReadonlySet<string> = new Set([...CALL_ONLY, ...NEVER, ...BEFORE_NUMBER]);

function relax(): void {
  const rules = (alasql as unknown as { parser?: { lexer?: { rules?: unknown } } }).parser?.lexer?.rules;
  if (!Array.isArray(rules)) return;
  for (const [i, rule] of (rules as unknown[]).entries()) {
    if (!(rule instanceof RegExp)) continue;
    const word = /^\^\(\?:([A-Z_]+)\\b\)$/.exec(rule.source)?.[1];
    if (word === undefined) continue;
    if (CALL_ONLY.includes(word)) rules[i] = new RegExp(`^(?:${word}\\b(?=\\s*\\())`, 'i');
    else if (NEVER.includes(word)) rules[i] = /^(?:(?!))/i;
    else if (BEFORE_NUMBER.includes(word)) rules[i] = new RegExp(`^(?:${word}\\b(?=\\s*[0-9(]))`, 'i');
  }
}

relax();
