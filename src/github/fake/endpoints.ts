/**
 * The endpoints of the fake API: every operation of every registered resource, routed from its HTTP
 * path (`routes.ts`). The `packages` operations have a handler per kind of operation over the packages
 * dataset, whichever owner it is for (the same handler serves `/orgs/{org}/…`, `/users/{username}/…`
 * and `/user/…`); every other operation is answered from generated rows (`genericEndpoints.ts`).
 */
import { allResources, catalogueVersion } from '../../resources/registry';
import type { EndpointContext, EndpointResult } from './context';
import { answerGeneric } from './genericEndpoints';
import { isOwner, resolveOwner } from './owners';
import type { OwnerRequest } from './packageEndpoints';
import {
  deletePackageEndpoint,
  getPackage,
  listDockerConflicts,
  listPackages,
  restorePackageEndpoint,
} from './packageEndpoints';
import type { Route } from './routes';
import { compileRoutes, matchCompiled } from './routes';
import { deleteVersion, getVersion, listVersions, restoreVersion } from './versionEndpoints';

export type { EndpointContext, EndpointResult } from './context';
export { linkHeader } from './context';
export type { Route } from './routes';

type Handler = (request: OwnerRequest) => EndpointResult;

/**
 * Handlers by GitHub operation id, without the owner suffix (`-for-organization`, `-for-user`, …):
 * GitHub names each operation `<what>-for-<owner>` or `<what>-owned-by-<owner>`.
 */
const HANDLERS: readonly (readonly [RegExp, Handler])[] = [
  [/^packages\/list-docker-migration-conflicting-packages-for-/, listDockerConflicts],
  [/^packages\/list-packages-for-/, listPackages],
  [/^packages\/get-package-for-/, getPackage],
  [/^packages\/delete-package-for-/, deletePackageEndpoint],
  [/^packages\/restore-package-for-/, restorePackageEndpoint],
  [/^packages\/get-all-package-versions-for-package-owned-by-/, listVersions],
  [/^packages\/get-package-version-for-/, getVersion],
  [/^packages\/delete-package-version-for-/, deleteVersion],
  [/^packages\/restore-package-version-for-/, restoreVersion],
];

function handlerOf(operationId: string): Handler | undefined {
  return HANDLERS.find(([pattern]) => pattern.test(operationId))?.[1];
}

/**
 * A value computed from the registered catalogue, again only when a service has been registered since:
 * a page registers services as it needs them, and the fake serves each from its registration on.
 */
export function perCatalogue<T>(compute: () => T): () => T {
  let cached: { readonly version: number; readonly value: T } | undefined;
  return () => {
    const version = catalogueVersion();
    if (cached?.version !== version) cached = { version, value: compute() };
    return cached.value;
  };
}

const routes = perCatalogue(() => compileRoutes(allResources()));

/** The method a request is for, from its HTTP method and raw (still encoded) path; undefined for 404. */
export function matchRoute(httpMethod: string, rawPath: string): Route | undefined {
  return matchCompiled(routes(), httpMethod, rawPath);
}

/** The GitHub operation ids the fake answers: every one of the registered catalogue. */
export function servedOperations(): string[] {
  return routes().map((r) => r.method.http.operationId);
}

/** Answers a matched request from the dataset or the generated rows, changing them for writes. */
export function answer(route: Route, ctx: EndpointContext): EndpointResult {
  const handler = handlerOf(route.method.http.operationId);
  if (!handler) return answerGeneric(route, ctx);
  const owner = resolveOwner(route, ctx);
  if (!isOwner(owner)) return owner;
  return handler({ route, ctx, owner });
}
