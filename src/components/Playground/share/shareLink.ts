import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

/** The fragment key of a shared query: `#sql=<lz-string>`. */
const KEY = 'sql';
/** A shared query longer than this (decompressed) is refused: nobody pastes 100 KB of SQL on purpose. */
export const MAX_SHARED_SQL = 20_000;

/**
 * A link to `pageUrl` that carries only the SQL, compressed into the fragment. The fragment never
 * reaches a server, and a link never carries the token, the API base URL or any other setting.
 */
export function shareLink(pageUrl: string, sql: string): string {
  const url = new URL(pageUrl);
  url.search = '';
  url.hash = `${KEY}=${compressToEncodedURIComponent(sql)}`;
  return url.toString();
}

/**
 * The SQL a link carries, or undefined. Reads the `sql` key of the fragment only: anything else a
 * link holds (a token, a base URL, in the fragment or the query string) is ignored on purpose.
 */
export function readSharedSql(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const packed = params.get(KEY);
  if (!packed) return undefined;
  // URLSearchParams turns '+' into ' '; lz-string's URI alphabet uses '+', so put it back.
  const sql = decompressFromEncodedURIComponent(packed.replaceAll(' ', '+'));
  if (!sql || sql.length > MAX_SHARED_SQL) return undefined;
  return sql;
}
