import type { ApiCall } from '../resources/calls';

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
  /** `github.packages.org_versions`, or undefined for a SELECT with no FROM (`SELECT 1 + 1`). */
  readonly resource?: string;
  /** The StackQL method chosen, when there is a resource. */
  readonly method?: string;
  /** One call per combination of IN-list values, in the order the rows should be combined. */
  readonly calls: readonly ApiCall[];
  readonly query: string;
  /** The local table name used in `query`. */
  readonly table: string;
  /**
   * Limit push-down: when the query only needs the first rows (LIMIT/TOP and no local filter, ORDER BY,
   * GROUP BY, DISTINCT or aggregate), how many rows in total, over the calls in order, are enough.
   */
  readonly maxRows?: number;
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

/** SHOW / DESCRIBE: answered from the resource definition, no request. */
export interface MetaPlan {
  readonly kind: 'meta';
  readonly columns: readonly string[];
  readonly rows: readonly ResultRow[];
}

/** What one statement asks for, checked and ready to fetch and run. */
export type QueryPlan = SelectPlan | DeletePlan | ExecPlan | MetaPlan;
