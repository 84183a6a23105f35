import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

/** The fragment key of a shared query: `#sql=<lz-string>`. */
const KEY = 'sql';
/**
 * A shared query longer than this (packed or decompressed) is refused: nobody pastes 100 KB of SQL on
 * purpose, and real SQL compresses to well under its own length.
 */
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
  return sql;
}
