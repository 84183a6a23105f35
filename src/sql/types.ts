import type { ApiCall, ParamValue } from '../resources/calls';

/** A value in a result row, as alasql and the JSON functions produce it. */
export type CellValue = unknown;

/** One row of a result or of a meta answer, keyed by column name. */
export type ResultRow = Readonly<Record<string, CellValue>>;

/**
 * A SELECT to run locally over fetched rows. `query` is the reader's own text with comments and the
 * trailing semicolon blanked and the three-part name replaced by `table` (padded with spaces, so every
 * other character keeps its line and column). The engine parses and checks it again before it runs,
 * because an alasql tree cannot cross the worker boundary.
 */
export interface SelectPlan {
  readonly kind: 'select';
  /**
   * `github.packages.org_versions`, or undefined for a SELECT with no FROM (`SELECT 1 + 1`). With a JOIN,
   * the table fetched first (whose rows feed the other's params), which is not always FROM's.
   */
  readonly resource?: string;
  /** The StackQL method chosen, when there is a resource. */
  readonly method?: string;
  /** One call per combination of IN-list values, in the order the rows should be combined. */
  readonly calls: readonly ApiCall[];
  readonly query: string;
  /** The local table name used in `query` for `resource`. */
  readonly table: string;
  /**
   * Whether the first page's rows can be shown while the rest arrive: one call, and nothing (ORDER BY,
   * GROUP BY, DISTINCT, an aggregate, a JOIN) that more rows would change.
   */
  readonly streamable: boolean;
  /** The second table of a JOIN: fetched from WHERE params, or once per key of the first. */
  readonly join?: JoinPlan;
  /**
   * The other resources a query of several SELECTs reads (UNION, sub-queries, WITH), each fetched from
   * its SELECTs' own WHERE, before the query runs over all the tables.
   */
  readonly tables?: readonly TablePlan[];
  /** How many SELECTs the query has, when more than one: the most rows it can give is this many times its tables' rows. */
  readonly blocks?: number;
  /**
   * Limit push-down: when the query only needs the first rows (LIMIT/TOP and no local filter, ORDER BY,
   * GROUP BY, DISTINCT or aggregate), how many rows in total, over the calls in order, are enough.
   */
  readonly maxRows?: number;
}

/** One more resource a query reads, with the calls that fetch its rows. */
export interface TablePlan {
  readonly resource: string;
  readonly method: string;
  /** Local table name in `query`. */
  readonly table: string;
  readonly calls: readonly ApiCall[];
}

/** A param of the dependent table fed from a column of the driving table (`v.package_name = p.name`). */
export interface Feed {
  readonly param: string;
  readonly column: string;
}

/**
 * The JOIN's other table. With feeds, it depends on the driving table (`driver`): after the driving
 * table's rows are in, the engine gives the distinct values of the fed columns over the rows that pass
 * the WHERE terms touching only the driving table, and each distinct key is one call (times `fixed`),
 * serially. Without feeds, `fixed` are its calls, made from WHERE alone.
 */
export interface JoinPlan {
  readonly resource: string;
  readonly method: string;
  /** Local table name of this table. */
  readonly table: string;
  readonly feeds: readonly Feed[];
  /** The params WHERE gives this table: one set per combination of IN-list values. */
  readonly fixed: readonly Readonly<Record<string, ParamValue>>[];
  /** The most dependent calls the query may make; over it, nothing is requested. */
  readonly maxCalls: number;
  /** What one key of the driving table is, for progress (`package` 12 of 40). */
  readonly unit: string;
}

/** DELETE: the requests it would make. Running them is the playground's job, after confirmation. */
export interface DeletePlan {
  readonly kind: 'delete';
  readonly resource: string;
  readonly method: string;
  readonly calls: readonly ApiCall[];
}

/** EXEC of a method by name with `@param=value` arguments. */
export interface ExecPlan {
  readonly kind: 'exec';
  readonly resource: string;
  readonly method: string;
  readonly calls: readonly ApiCall[];
}

/**
 * INSERT, UPDATE or REPLACE: the requests it would make. The playground does not send these yet, so
 * `planQuery` refuses the statement and shows them (`SqlError.requests`); the plan is what it read.
 */
export interface MutationPlan {
  readonly kind: 'mutation';
  readonly verb: 'INSERT' | 'UPDATE' | 'REPLACE';
  readonly resource: string;
  readonly method: string;
  readonly calls: readonly ApiCall[];
}

/** SHOW / DESCRIBE / REGISTRY: answered from the resource definition, no request. */
export interface MetaPlan {
  readonly kind: 'meta';
  readonly columns: readonly string[];
  readonly rows: readonly ResultRow[];
  /**
   * The answer as one piece of text, when it is not a listing (REGISTRY PULL's message, SHOW INSERT's
   * template): shown as written, line breaks kept, where a table cell would cut it to one line. The
   * rows hold the same text in their one cell, for the JSON view and the exports.
   */
  readonly text?: string;
}

/** What one statement asks for, checked and ready to fetch and run. */
export type QueryPlan = SelectPlan | DeletePlan | ExecPlan | MetaPlan;
