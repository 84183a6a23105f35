import { allResourcesAndAliases, PROVIDER, RESOURCE_IDS, SERVICE_OVERVIEW } from '../resources/registry';
import { fail, sqlError, type Result, type Span } from './errors';
import { nearest } from './nearest';
import type { Statement } from './statement';
import type { MetaPlan } from './types';

/** A meta answer: rows from cell values in the order of `columns`. */
export function table(columns: readonly string[], values: readonly (readonly string[])[]): MetaPlan {
  const rows = values.map((v) => Object.fromEntries(columns.map((c, k) => [c, v[k] ?? null])));
  return { kind: 'meta', columns, rows };
}

/** A provider as `SHOW PROVIDERS` and `REGISTRY LIST` list it. */
export interface ProviderVersion {
  readonly name: string;
  /** `v24.04.00227`: the version in the provider's service ids (`packages:v24.04.00227`). */
  readonly version: string;
}

/**
 * The providers the catalogue holds, each at the version these pages document. StackQL versions a
 * provider as a whole and writes the version into each service id, so the first service's id says it.
 */
export function providers(): readonly ProviderVersion[] {
  const first = SERVICE_OVERVIEW[0];
  return first ? [{ name: PROVIDER, version: first.id.split(':')[1] ?? '' }] : [];
}

/** An unknown resource, with the nearest known id when one is close, and where to find the rest. */
export function unknownResource<T>(st: Statement, span: Span, id: string): Result<T> {
  // Every resource of the provider, loaded or not, and the aliases of those loaded.
  const hint = nearest(id, [...new Set([...RESOURCE_IDS, ...allResourcesAndAliases().map((r) => r.id)])]);
  return fail(
    sqlError(
      'unknown-resource',
      `Unknown resource ${id}.${hint ? ` Did you mean ${hint}?` : ''} SHOW RESOURCES IN github.<service> lists a service's resources.`,
      st.source,
      span,
    ),
  );
}

/** An unknown provider or service, with the nearest known name and the list of known ones. */
export function unknownName<T>(
  st: Statement,
  span: Span,
  id: string,
  what: 'provider' | 'service',
  known: readonly string[],
): Result<T> {
  const hint = nearest(id, known);
  return fail(
    sqlError(
      'unknown-resource',
      `Unknown ${what} ${id}.${hint ? ` Did you mean ${hint}?` : ''} This playground knows ${known.join(', ')}.`,
      st.source,
      span,
    ),
  );
}
