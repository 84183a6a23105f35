/**
 * Whose packages a request is about: `/orgs/{org}` names an organization, `/users/{username}` a user,
 * and `/user/...` the user the token stands for (the dataset's `authenticatedUser`).
 */
import { sameLogin } from '../sample/dataset';
import type { FakeOwner, FakePackage } from '../sample/model';
import type { EndpointContext, EndpointResult } from './context';
import { error } from './context';
import type { Route } from './routes';

/** The owner a route is about, or the error GitHub answers (404 unknown owner, 401 `/user` anonymously). */
export function resolveOwner(route: Route, ctx: EndpointContext): FakeOwner | EndpointResult {
  const { org, username } = route.params;
  const [login, kind] =
    org !== undefined
      ? [org, 'Organization']
      : username !== undefined
        ? [username, 'User']
        : [ctx.dataset.authenticatedUser, 'User'];
  if (org === undefined && username === undefined && !ctx.authenticated && !ctx.sampleMode) {
    return error(401, 'Requires authentication');
  }
  const owner = ctx.dataset.owners.find((o) => o.kind === kind && sameLogin(o.login, login));
  if (owner) return owner;
  if (!ctx.sampleMode) return error(404, 'Not Found');
  const known = ctx.dataset.owners.map((o) => `${describeKind(o)} "${o.login}"`).join(', ');
  return error(404, `Not Found. The sample data has: ${known}.`);
}

/** Whether `resolveOwner` found an owner (rather than an error to answer). */
export function isOwner(value: FakeOwner | EndpointResult): value is FakeOwner {
  return 'login' in value;
}

/** A live (not deleted) package of an owner by type and name. */
export function livePackage(
  owner: FakeOwner,
  params: Readonly<Record<string, string>>,
): FakePackage | undefined {
  return owner.packages.find(
    (p) => !p.deleted && p.type === params.package_type && p.name === params.package_name,
  );
}

/** GitHub's 404, with the owner's live packages listed in sample mode so a reader can fix a typo. */
export function notFound(ctx: EndpointContext, owner: FakeOwner, message: string): EndpointResult {
  if (!ctx.sampleMode) return error(404, message);
  const names = owner.packages
    .filter((p) => !p.deleted)
    .map((p) => `${p.type} ${p.name}`)
    .join(', ');
  return error(
    404,
    `${message} The sample ${describeKind(owner)} "${owner.login}" has: ${names || 'no packages'}.`,
  );
}

function describeKind(owner: FakeOwner): string {
  return owner.kind === 'Organization' ? 'organization' : 'user';
}
