import alasql from 'alasql';

import { CORRELATED, REAL_ARITHMETIC } from '../sql/checkExpr';
import { engineLike } from './like';
import { IN_VALUES, SUBQUERY_VALUES } from './subqueries';
import { DIVIDE_OPERATOR, REMAINDER_OPERATOR, sqliteCast } from './sqliteFunctions';
import { CONCAT_OPERATOR, PLUS_OPERATOR } from './textFunctions';

/**
 * Run-time patches to alasql 4.19.1 in the engine's realm, each closing a way that text from a query
 * or from the data reached the JavaScript alasql generates, or a plain object keyed by data. Each is
 * listed with its test in SECURITY.md. They change alasql's own objects, so they run once per realm
 * (the engine's worker; a test process), before the first query compiles.
 */

interface OpNode {
  readonly op?: unknown;
  /** Set by the checker on `x IN (SELECT …)`: the sub-query's index in its SELECT's `queries`. */
  readonly queriesidx?: unknown;
  readonly left: { toJS(context: string, tableid: unknown, defcols: unknown): string };
  readonly right: { toJS(context: string, tableid: unknown, defcols: unknown): string };
}
type ToJS = (this: OpNode, context: string, tableid: unknown, defcols: unknown) => string;

interface Alasql {
  readonly options: Record<string, unknown>;
  readonly utils: Record<string, unknown>;
  readonly stdfn: Record<string, unknown>;
  readonly Query: { readonly prototype: object };
  readonly yy: {
    readonly Op: { readonly prototype: { toJS: ToJS } };
    readonly Select: (abstract new (...args: never[]) => object) & {
      readonly prototype: { toJS: (this: { queriesidx?: unknown }, context: string) => string };
    };
    readonly StringValue: {
      readonly prototype: {
        toString(this: { value: unknown }): string;
        toJS(this: { value: unknown }): string;
      };
    };
  };
}

const a = alasql as unknown as Alasql;
let done = false;

// alasql's ROUND and SUM code assigns an undeclared `__alasql_tmp`, which makes it a global on first
// use. Declared when the engine loads, a query creates no global at all.
if (!('__alasql_tmp' in globalThis)) {
  Object.defineProperty(globalThis, '__alasql_tmp', { value: undefined, writable: true });
}

/** Applies every patch; later calls do nothing. */
export function hardenAlasql(): void {
  if (done) return;
  done = true;

  // The IN-list cache pasted the list's raw values into generated code (`alasql.sets["a,b"]`) and
  // keyed it by them joined with commas, so ('p,q') and ('p','q') shared one set. Off, IN builds a
  // Set from the compiled values; non-writable, so nothing can turn it back on.
  Object.defineProperty(a.options, 'cache', { value: false, writable: false, configurable: false });

  // GROUP BY keeps groups in `query.xgroups[key]`, a plain object keyed by the group's values: a
  // value `__proto__` reached Object.prototype (and the group's counters were written onto it),
  // `constructor` or `toString` found a built-in instead of a new group. A null-prototype object
  // instead, whatever alasql assigns.
  // The first assignment gives the query an accessor of its own, over a variable: the group code
  // reads `this.xgroups` once or twice per row, and a closure's variable is cheaper than a WeakMap.
  const nullProto = (value: unknown) => Object.assign(Object.create(null) as Record<string, unknown>, value);
  Object.defineProperty(a.Query.prototype, 'xgroups', {
    set(this: object, value: unknown) {
      let groups = nullProto(value);
      Object.defineProperty(this, 'xgroups', {
        get: () => groups,
        set: (next: unknown) => {
          groups = nullProto(next);
        },
        configurable: false,
        enumerable: false,
      });
    },
  });

  // alasql keeps each GROUP BY key as `<SQL text>\t<JavaScript>` and splits it at the first tab, so
  // a tab in a string literal of a GROUP BY expression turned the rest of the literal into code, or
  // cut the JavaScript short inside a string. String literals now print without tabs, as SQL (U+2409
  // ␉, quotes doubled) and as JavaScript (control characters as \u escapes after alasql's escaping).
  const escapeq = a.utils.escapeq as (s: string) => string;
  a.yy.StringValue.prototype.toString = function () {
    return `'${String(this.value).replaceAll("'", "''").replaceAll('\t', '\u2409')}'`;
  };
  a.yy.StringValue.prototype.toJS = function () {
    let js = '';
    for (const ch of escapeq(String(this.value))) {
      const c = ch.charCodeAt(0);
      js += c < 0x20 ? `\\u${c.toString(16).padStart(4, '0')}` : ch;
    }
    return `'${js}'`;
  };

  // `||` and `+` on text build strings inline in alasql's code, where no budget could see them:
  // they compile to calls of the engine's charged functions instead (textFunctions.ts).
  // `/` and `%` compile to SQLite's (integer division unless an operand is REAL, NULL for a zero
  // divisor); `real` is the checker's mark, written into the code as the literal true or false.
  const toJS = a.yy.Op.prototype.toJS;
  a.yy.Op.prototype.toJS = function (context, tableid, defcols) {
    // IN (SELECT …) with SQLite's NULLs; the sub-query's values kept for the run unless it is
    // correlated (alasql guesses correlation from qualified names only; the checker knows).
    if ((this.op === 'IN' || this.op === 'NOT IN') && this.right instanceof a.yy.Select) {
      const index = subqueryIndex(this.queriesidx);
      const left = this.left.toJS(context, tableid, defcols);
      const values = `alasql.fn.${SUBQUERY_VALUES}(alasql.utils.flatArray(this.queriesfn[${index}](params, null, ${context})))`;
      const set = CORRELATED.has(this.right)
        ? values
        : `((this.subqueryCache ||= {}).in${index} ||= ${values})`;
      return `alasql.fn.${IN_VALUES}(${left}, ${set}, ${this.op === 'NOT IN' ? 'true' : 'false'})`;
    }
    if (this.op === 'GLOB') {
      const left = this.left.toJS(context, tableid, defcols);
      const right = this.right.toJS(context, tableid, defcols);
      return `alasql.fn.glob(${right}, ${left})`;
    }
    if (this.op === '/' || this.op === '%') {
      const left = this.left.toJS(context, tableid, defcols);
      const right = this.right.toJS(context, tableid, defcols);
      if (this.op === '%') return `alasql.fn[${JSON.stringify(REMAINDER_OPERATOR)}](${left}, ${right})`;
      const real = REAL_ARITHMETIC.has(this) ? 'true' : 'false';
      return `alasql.fn[${JSON.stringify(DIVIDE_OPERATOR)}](${left}, ${right}, ${real})`;
    }
    const fn = this.op === '||' ? CONCAT_OPERATOR : this.op === '+' ? PLUS_OPERATOR : undefined;
    if (fn === undefined) return toJS.call(this, context, tableid, defcols);
    const left = this.left.toJS(context, tableid, defcols);
    const right = this.right.toJS(context, tableid, defcols);
    return `alasql.fn[${JSON.stringify(fn)}](${left}, ${right})`;
  };

  // A sub-query used as a value that reads nothing of the row runs once per query, not once per row.
  const selectToJS = a.yy.Select.prototype.toJS;
  a.yy.Select.prototype.toJS = function (context) {
    const once = selectToJS.call(this, context);
    if (CORRELATED.has(this)) return once;
    const key = `s${String(subqueryIndex(this.queriesidx))}`;
    return `((c) => Object.hasOwn(c, '${key}') ? c.${key} : (c.${key} = ${once}))(this.subqueryCache ||= {})`;
  };

  // LIKE: SQLite's, without a cache keyed by patterns in a plain object (see sql/like.ts), each
  // pattern compiled once (like.ts).
  const like = engineLike;
  a.utils.like = (pattern: unknown, value: unknown, escape?: unknown): boolean => {
    if (escape !== undefined && escape !== '') throw new Error('LIKE … ESCAPE is not supported.');
    return like(pattern, value);
  };

  // CAST as SQLite does it, by the type's affinity (and charged where it builds text).
  a.stdfn.CONVERT = (value: unknown, args: unknown): unknown => {
    const type = (args as { dbtypeid?: unknown } | undefined)?.dbtypeid;
    return sqliteCast(value, typeof type === 'string' ? type : '');
  };
}

/** A sub-query's index, as the checker set it: a small integer, pasted into generated code. */
function subqueryIndex(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new Error('Malformed sub-query index.');
  }
  return value;
}

/**
 * Freezes the prototypes a value in a query can reach, so that nothing a query does, through a path
 * not found yet, can add to or change them for later queries (prototype pollution). Not Error's:
 * libraries assign `this.name` in their error constructors, which a frozen prototype would break
 * (the "override mistake"), and no query can reach it. Only for a realm that runs nothing but the
 * engine: code that assigns a built-in's name on a plain object (`obj.toString = …`) fails after it,
 * which is why the checker refuses such names as columns and aliases (allowList.ts).
 */
export function freezeRealm(): void {
  const iterator = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())) as object;
  for (const proto of [
    Object.prototype,
    Array.prototype,
    Function.prototype,
    String.prototype,
    Number.prototype,
    Boolean.prototype,
    Symbol.prototype,
    BigInt.prototype,
    RegExp.prototype,
    Date.prototype,
    Map.prototype,
    Set.prototype,
    WeakMap.prototype,
    WeakSet.prototype,
    Promise.prototype,
    iterator,
  ]) {
    Object.freeze(proto);
  }
}
