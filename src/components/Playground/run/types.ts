import type { GitHubError, Progress, RequestLogEntry, WaitEvent } from '@site/src/github';
import type { SqlError } from '@site/src/sql/errors';
import type { ResultRow } from '@site/src/sql/types';

/** Where a run's rows came from: SHOW and DESCRIBE come from the resource definition. */
export type DataSource = 'sample' | 'github' | 'definition';

/** A result the page shows: the first window of rows, and how to fetch the rest. */
export interface QueryResult {
  readonly columns: readonly string[];
  /** Rows `0 … rows.length-1` of `total`; the table asks the engine for further windows. */
  readonly rows: readonly ResultRow[];
  readonly total: number;
  /** Engine result id for further windows; undefined for answers computed on the page (SHOW …). */
  readonly resultId?: number;
  readonly source: DataSource;
  /** Set when some pages did not arrive: the rows are real, but not all there are. */
  readonly partial?: { readonly pages: number; readonly rows: number; readonly reason: string };
  /** True while more pages are still coming (an interim result over the first page). */
  readonly interim: boolean;
  readonly elapsedMs: number;
  /** A note for the reader (what a DELETE or EXEC did, or that it changed sample data only). */
  readonly note?: string;
  /** A meta answer that is one piece of text (`MetaPlan.text`), shown instead of the table. */
  readonly text?: string;
}

/** An error shown in the alert region: from the SQL layer, the engine, or the GitHub client. */
export interface PlaygroundError {
  readonly code: string;
  readonly message: string;
  /** Where in the SQL text, for the editor to underline (1-based). */
  readonly line?: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** A link that helps (token settings, SSO authorization, GitHub's docs). */
  readonly helpUrl?: string;
  /**
   * For INSERT, UPDATE and REPLACE, which are planned but not run yet: the requests they would make
   * (URLs relative to the API base URL), also written out in `message`.
   */
  readonly requests?: SqlError['requests'];
}

/** What the progress bar shows while a run is under way. */
export interface RunProgress {
  readonly startedAt: number;
  readonly phase: 'fetching' | 'querying' | 'writing';
  readonly calls: number;
  readonly callIndex: number;
  readonly fetch?: Progress;
  readonly wait?: WaitEvent;
  /** For a JOIN's dependent calls: which key of the driving table is being fetched (`package` 12 of 40). */
  readonly unit?: { readonly name: string; readonly index: number; readonly count: number };
}

export type { GitHubError, RequestLogEntry, SqlError };
