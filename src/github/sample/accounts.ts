/**
 * GitHub's account and repository objects as the `package` schema embeds them (`owner` is a
 * `simple-user`, `repository` a `minimal-repository`), built from a login and a name the way
 * api.github.com builds its hypermedia links.
 */
import type { MinimalRepository, SimpleUser } from '../types';
import type { OwnerKind } from './model';

const API = 'https://api.github.com';

/** The `simple-user` of an organization or a user. */
export function simpleUser(owner: {
  readonly login: string;
  readonly id: number;
  readonly kind: OwnerKind;
}): SimpleUser {
  const url = `${API}/users/${owner.login}`;
  return {
    login: owner.login,
    id: owner.id,
    node_id: nodeId(owner.kind === 'Organization' ? '012:Organization' : '04:User', owner.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${String(owner.id)}?v=4`,
    gravatar_id: '',
    url,
    html_url: `https://github.com/${owner.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: owner.kind,
    site_admin: false,
  };
}

/** Link templates of a repository, by property name, relative to its API URL. */
const REPO_LINKS: Readonly<Record<string, string>> = {
  archive_url: '/{archive_format}{/ref}',
  assignees_url: '/assignees{/user}',
  blobs_url: '/git/blobs{/sha}',
  branches_url: '/branches{/branch}',
  collaborators_url: '/collaborators{/collaborator}',
  comments_url: '/comments{/number}',
  commits_url: '/commits{/sha}',
  compare_url: '/compare/{base}...{head}',
  contents_url: '/contents/{+path}',
  contributors_url: '/contributors',
  deployments_url: '/deployments',
  downloads_url: '/downloads',
  events_url: '/events',
  forks_url: '/forks',
  git_commits_url: '/git/commits{/sha}',
  git_refs_url: '/git/refs{/sha}',
  git_tags_url: '/git/tags{/sha}',
  hooks_url: '/hooks',
  issue_comment_url: '/issues/comments{/number}',
  issue_events_url: '/issues/events{/number}',
  issues_url: '/issues{/number}',
  keys_url: '/keys{/key_id}',
  labels_url: '/labels{/name}',
  languages_url: '/languages',
  merges_url: '/merges',
  milestones_url: '/milestones{/number}',
  notifications_url: '/notifications{?since,all,participating}',
  pulls_url: '/pulls{/number}',
  releases_url: '/releases{/id}',
  stargazers_url: '/stargazers',
  statuses_url: '/statuses/{sha}',
  subscribers_url: '/subscribers',
  subscription_url: '/subscription',
  tags_url: '/tags',
  teams_url: '/teams',
  trees_url: '/git/trees{/sha}',
};

/** The `minimal-repository` a package is linked to, owned by the package's owner. */
export function minimalRepository(
  owner: SimpleUser,
  name: string,
  visibility: 'public' | 'private',
): MinimalRepository {
  const fullName = `${owner.login}/${name}`;
  const id = stableId(fullName);
  const url = `${API}/repos/${fullName}`;
  const links = Object.fromEntries(Object.entries(REPO_LINKS).map(([key, path]) => [key, url + path]));
  return {
    id,
    node_id: nodeId('010:Repository', id),
    name,
    full_name: fullName,
    owner,
    private: visibility === 'private',
    html_url: `https://github.com/${fullName}`,
    description: null,
    fork: false,
    url,
    ...links,
  };
}

/** GitHub's legacy global node id, `MDQ6VXNlcjE=` for user 1: base64 of `<len>:<Type><id>`. */
function nodeId(typed: string, id: number): string {
  return btoa(`${typed}${String(id)}`);
}

/** A repository id that is the same for the same full name in every build (FNV-1a, 1e6–1e9). */
function stableId(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return 1_000_000 + ((hash >>> 0) % 999_000_000);
}
