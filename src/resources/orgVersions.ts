import type { ParamDef, ResourceDef } from './types';

/**
 * `github.packages.org_versions`, from GitHub's OpenAPI description (`@octokit/openapi` 23.0.2, extract
 * in `spec/packages-org-versions.openapi.json`; `tests/unit/resources.test.ts` checks the two agree).
 * Field order, types and method descriptions follow the StackQL provider's page, which wins where the
 * two differ: it calls the timestamp columns `string` and shows StackQL's older method descriptions.
 */

const PERMISSIONS_URL =
  'https://docs.github.com/packages/learn-github-packages/about-permissions-for-github-packages';
const REPO_SCOPED = `[About permissions for GitHub Packages](${PERMISSIONS_URL}#permissions-for-repository-scoped-packages)`;
const GRANULAR = `[About permissions for GitHub Packages](${PERMISSIONS_URL}#granular-permissions-for-userorganization-scoped-packages)`;

const PATH = '/orgs/{org}/packages/{package_type}/{package_name}/versions';
const PAGINATION_DOCS =
  'For more information, see "[Using pagination in the REST API](https://docs.github.com/rest/using-the-rest-api/using-pagination-in-the-rest-api)."';

/** The package types GitHub Packages knows, in the spec's order. */
export const PACKAGE_TYPES = ['npm', 'maven', 'rubygems', 'docker', 'nuget', 'container'] as const;
export type PackageType = (typeof PACKAGE_TYPES)[number];

/** Values of the list method's `state` param. */
export const VERSION_STATES = ['active', 'deleted'] as const;

const params = {
  org: {
    name: 'org',
    type: 'string',
    in: 'path',
    description: 'The organization name. The name is not case sensitive.',
  },
  package_name: { name: 'package_name', type: 'string', in: 'path', description: 'The name of the package.' },
  package_type: {
    name: 'package_type',
    type: 'string',
    in: 'path',
    enum: PACKAGE_TYPES,
    description:
      "The type of supported package. Packages in GitHub's Gradle registry have the type `maven`. Docker images pushed to GitHub's Container registry (`ghcr.io`) have the type `container`. You can use the type `docker` to find images that were pushed to GitHub's Docker registry (`docker.pkg.github.com`), even if these have now been migrated to the Container registry.",
  },
  package_version_id: {
    name: 'package_version_id',
    type: 'integer',
    in: 'path',
    minimum: 1,
    description: 'Unique identifier of the package version.',
  },
  state: {
    name: 'state',
    type: 'string',
    in: 'query',
    enum: VERSION_STATES,
    default: 'active',
    description: 'The state of the package, either active or deleted.',
  },
  per_page: {
    name: 'per_page',
    type: 'integer',
    in: 'query',
    default: 30,
    minimum: 1,
    maximum: 100,
    description: `The number of results per page (max 100). ${PAGINATION_DOCS}`,
  },
  page: {
    name: 'page',
    type: 'integer',
    in: 'query',
    default: 1,
    minimum: 1,
    description: `The page number of the results to fetch. ${PAGINATION_DOCS}`,
  },
} as const satisfies Record<string, ParamDef>;

/** Name of a param of `org_versions`. */
export type OrgVersionsParam = keyof typeof params;

const KEY_PARAMS = ['org', 'package_name', 'package_type'] as const;
const VERSION_PARAMS = [...KEY_PARAMS, 'package_version_id'] as const;

export const orgVersions: ResourceDef = {
  provider: 'github',
  service: 'packages',
  name: 'org_versions',
  id: 'github.packages.org_versions',
  type: 'Resource',
  summary: 'Versions of a package owned by an organization.',
  rowSchema: 'package-version',
  fields: [
    { name: 'id', type: 'integer', required: true, description: 'Unique identifier of the package version.' },
    { name: 'name', type: 'string', required: true, description: 'The name of the package version.' },
    { name: 'description', type: 'string', required: false, description: '' },
    { name: 'created_at', type: 'string', format: 'date-time', required: true, description: '' },
    { name: 'deleted_at', type: 'string', format: 'date-time', required: false, description: '' },
    { name: 'html_url', type: 'string', required: false, description: '' },
    { name: 'license', type: 'string', required: false, description: '' },
    { name: 'metadata', type: 'object', required: false, description: '' },
    { name: 'package_html_url', type: 'string', required: true, description: '' },
    { name: 'updated_at', type: 'string', format: 'date-time', required: true, description: '' },
    { name: 'url', type: 'string', required: true, description: '' },
  ],
  methods: [
    {
      name: 'get_all_package_versions_for_package_owned_by_org',
      sqlVerb: 'SELECT',
      requiredParams: KEY_PARAMS,
      optionalParams: ['state', 'per_page', 'page'],
      http: {
        method: 'GET',
        path: PATH,
        operationId: 'packages/get-all-package-versions-for-package-owned-by-org',
      },
      response: 'list',
      paginated: true,
      scopes: ['read:packages'],
      description: `Lists package versions for a package owned by an organization.<br /><br />If the \`package_type\` belongs to a GitHub Packages registry that only supports repository-scoped permissions, your token must also include the \`repo\` scope. For the list of GitHub Packages registries that only support repository-scoped permissions, see "${REPO_SCOPED}."`,
    },
    {
      name: 'get_package_version_for_organization',
      sqlVerb: 'SELECT',
      requiredParams: VERSION_PARAMS,
      optionalParams: [],
      http: {
        method: 'GET',
        path: `${PATH}/{package_version_id}`,
        operationId: 'packages/get-package-version-for-organization',
      },
      response: 'item',
      paginated: false,
      scopes: ['read:packages'],
      description: `Gets a specific package version in an organization.<br /><br />You must authenticate using an access token with the \`read:packages\` scope. If the \`package_type\` belongs to a GitHub Packages registry that only supports repository-scoped permissions, your token must also include the \`repo\` scope. For the list of GitHub Packages registries that only support repository-scoped permissions, see "${REPO_SCOPED}."`,
    },
    {
      name: 'delete_package_version_for_org',
      sqlVerb: 'DELETE',
      requiredParams: VERSION_PARAMS,
      optionalParams: [],
      http: {
        method: 'DELETE',
        path: `${PATH}/{package_version_id}`,
        operationId: 'packages/delete-package-version-for-org',
      },
      response: 'empty',
      paginated: false,
      scopes: ['read:packages', 'delete:packages'],
      description: `Deletes a specific package version in an organization. If the package is public and the package version has more than 5,000 downloads, you cannot delete the package version. In this scenario, contact GitHub support for further assistance.<br /><br />To use this endpoint, you must have admin permissions in the organization and authenticate using an access token with the \`read:packages\` and \`delete:packages\` scopes. In addition:<br />- If the \`package_type\` belongs to a GitHub Packages registry that only supports repository-scoped permissions, your token must also include the \`repo\` scope. For the list of these registries, see "${REPO_SCOPED}."<br />- If the \`package_type\` belongs to a GitHub Packages registry that supports granular permissions, you must have admin permissions to the package whose version you want to delete. For the list of these registries, see "${GRANULAR}."`,
    },
    {
      name: 'restore_package_version_for_org',
      sqlVerb: 'EXEC',
      requiredParams: VERSION_PARAMS,
      optionalParams: [],
      http: {
        method: 'POST',
        path: `${PATH}/{package_version_id}/restore`,
        operationId: 'packages/restore-package-version-for-org',
      },
      response: 'empty',
      paginated: false,
      scopes: ['read:packages', 'write:packages'],
      description: `Restores a specific package version in an organization.<br /><br />You can restore a deleted package under the following conditions:<br />  - The package was deleted within the last 30 days.<br />  - The same package namespace and version is still available and not reused for a new package. If the same package namespace is not available, you will not be able to restore your package. In this scenario, to restore the deleted package, you must delete the new package that uses the deleted package's namespace first.<br /><br />To use this endpoint, you must have admin permissions in the organization and authenticate using an access token with the \`read:packages\` and \`write:packages\` scopes. In addition:<br />- If the \`package_type\` belongs to a GitHub Packages registry that only supports repository-scoped permissions, your token must also include the \`repo\` scope. For the list of these registries, see "${REPO_SCOPED}."<br />- If the \`package_type\` belongs to a GitHub Packages registry that supports granular permissions, you must have admin permissions to the package whose version you want to restore. For the list of these registries, see "${GRANULAR}."`,
    },
  ],
  params,
};
