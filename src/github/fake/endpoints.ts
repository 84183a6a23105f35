/**
 * The endpoints of the fake API: every `packages` operation of the catalogue, routed from its HTTP path
 * (`routes.ts`) and answered by a handler per kind of operation, whichever owner it is for: the same
 * handler serves `/orgs/{org}/…`, `/users/{username}/…` and `/user/…`.
 */
import type { EndpointContext, EndpointResult } from './context';
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

/** Compiled once: the catalogue is fixed for the life of the page or process. */
const ROUTES = compileRoutes((operationId) => handlerOf(operationId) !== undefined);

/** The method a request is for, from its HTTP method and raw (still encoded) path; undefined for 404. */
export function matchRoute(httpMethod: string, rawPath: string): Route | undefined {
  return matchCompiled(ROUTES, httpMethod, rawPath);
}

/** The GitHub operation ids the fake answers (every one the catalogue has a handler for). */
export function servedOperations(): string[] {
  return ROUTES.map((r) => r.method.http.operationId);
}

/** Answers a matched request from the dataset, changing it for delete and restore. */
export function answer(route: Route, ctx: EndpointContext): EndpointResult {
  const owner = resolveOwner(route, ctx);
  if (!isOwner(owner)) return owner;
  const handler = handlerOf(route.method.http.operationId);
  if (!handler) return { status: 404, body: { message: 'Not Found', status: '404' } };
  return handler({ route, ctx, owner });
}
