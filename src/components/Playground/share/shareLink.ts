import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { chartParams, readChartParams } from '../chart/chartSettings';
import type { ResultDisplay } from '../chart/types';
import { redactTokens } from '../history/tokenPattern';

/** The fragment key of a shared query: `#sql=<lz-string>`. */
const KEY = 'sql';
/**
 * A shared query longer than this (packed or decompressed) is refused: nobody pastes 100 KB of SQL on
 * purpose, and real SQL compresses to well under its own length.
 */
export const MAX_SHARED_SQL = 20_000;

/** A share link, and how many token-like strings were replaced by `[REDACTED]` in its SQL. */
export interface ShareLink {
  readonly url: string;
  readonly removedTokens: number;
}

/** The SQL a link carries, and how many token-like strings were replaced by `[REDACTED]` in it. */
export interface SharedSql {
  readonly sql: string;
  readonly removedTokens: number;
  /** The Chart view and its settings, when the link asks for them (`view=chart&kind=…`). */
  readonly display?: ResultDisplay;
}

/**
 * A link to `pageUrl` that carries only the SQL, compressed into the fragment, and, when the Chart
 * view is on, its settings (`view=chart&kind=bar&x=month&y=n`: column names, never data). The
 * fragment never reaches a server, and a link never carries the token, the API base URL or any other
 * setting; text in the SQL that looks like a GitHub token (a reader pasted one into a comment or a
 * string) is replaced, and counted so the page can say so.
 */
export function buildShareLink(pageUrl: string, sql: string, display?: ResultDisplay): ShareLink {
  const { text, removed } = redactTokens(sql);
  const url = new URL(pageUrl);
  url.search = '';
  const chart = new URLSearchParams(chartParams(display)).toString();
  url.hash = `${KEY}=${compressToEncodedURIComponent(text)}${chart ? `&${chart}` : ''}`;
  return { url: url.toString(), removedTokens: removed };
}

/** `buildShareLink`'s URL alone, for callers with nobody to tell (scripts, benchmarks). */
export function shareLink(pageUrl: string, sql: string, display?: ResultDisplay): string {
  return buildShareLink(pageUrl, sql, display).url;
}

/**
 * The SQL a link carries, or undefined. Reads the `sql` key of the fragment and the chart's settings
 * beside it (`readChartParams`: each checked, unknown values dropped) only: anything else a link
 * holds (a token, a base URL, in the fragment or the query string) is ignored on purpose, and
 * token-like text in the SQL itself (a link made elsewhere) is replaced and counted.
 */
export function readSharedSql(hash: string): SharedSql | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const packed = params.get(KEY);
  // LZ output can grow quadratically with its input (80 KB of crafted text is gigabytes of SQL), so a
  // fragment longer than any real shared query is refused before it is decompressed.
  if (!packed || packed.length > MAX_SHARED_SQL) return undefined;
  let sql: string | null;
  try {
    // URLSearchParams turns '+' into ' '; lz-string's URI alphabet uses '+', so put it back.
    sql = decompressFromEncodedURIComponent(packed.replaceAll(' ', '+'));
  } catch {
    return undefined; // lz-string throws on some garbage instead of returning null
  }
  if (!sql || sql.length > MAX_SHARED_SQL) return undefined;
  const { text, removed } = redactTokens(sql);
  const display = readChartParams(params);
  return display ? { sql: text, removedTokens: removed, display } : { sql: text, removedTokens: removed };
}
