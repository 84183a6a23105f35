import { useEffect, useState, useSyncExternalStore } from 'react';
import {
  catalogueVersion,
  loadServicesFor,
  onCatalogueChange,
  servicesNamedIn,
  findService,
} from '@site/src/resources/registry';

/**
 * The catalogue as the playground's SQL needs it. A page registers only its own service; the services
 * the text names load as it is typed (a chunk each), and this hook re-renders its component when one
 * arrives, so completions, the plan preview and the underline read them. Returns the catalogue's
 * version (a dependency for what reads it) and, when a service could not be loaded, why.
 */
export function useCatalogue(sql: string): { readonly version: number; readonly failed?: string } {
  const version = useSyncExternalStore(onCatalogueChange, catalogueVersion, catalogueVersion);
  const [failed, setFailed] = useState<string>();
  useEffect(() => {
    let live = true;
    loadServicesFor(sql).then(
      () => {
        if (live) setFailed(undefined);
      },
      (e: unknown) => {
        if (live) setFailed(catalogueLoadError(sql, e));
      },
    );
    return () => {
      live = false;
    };
  }, [sql]);
  return failed === undefined ? { version } : { version, failed };
}

/** Whether every service the text names is registered: what reads it would otherwise call it unknown. */
export function catalogueReadyFor(sql: string): boolean {
  return servicesNamedIn(sql).every((name) => findService(name) !== undefined);
}

/** The message for definitions that did not load (a lost connection, a chunk gone after a deploy). */
export function catalogueLoadError(sql: string, error: unknown): string {
  const missing = servicesNamedIn(sql)
    .filter((name) => !findService(name))
    .map((name) => `github.${name}`);
  const why = error instanceof Error && error.message ? ` (${error.message})` : '';
  return `The definitions of ${missing.join(', ') || 'a service'} could not be loaded${why}. Check the connection and run again; reloading the page also helps.`;
}
