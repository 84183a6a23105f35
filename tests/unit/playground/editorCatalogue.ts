/**
 * A catalogue for the editor tests: the registry's `org_versions` and an `org_packages` shaped like
 * the provider's (only what the tests read). The completion code takes the catalogue as an argument,
 * so these tests pin its behaviour whatever the registry holds; `completions.test.ts` also runs over
 * the real registry.
 */
import { getResource } from '../../../src/resources/registry';
import type { ParamDef, ResourceDef } from '../../../src/resources/types';

export const versions = getResource('github.packages.org_versions');

const param = (name: string, extra: Partial<ParamDef> = {}): ParamDef => ({
  name,
  type: 'string',
  in: 'path',
  description: `The ${name}.`,
  ...extra,
});

export const packages: ResourceDef = {
  ...versions,
  name: 'org_packages',
  id: 'github.packages.org_packages',
  summary: 'Packages of an organization.',
  fields: [
    { name: 'id', type: 'integer', required: true, description: 'Unique identifier of the package.' },
    { name: 'name', type: 'string', required: true, description: 'The name of the package.' },
    { name: 'package_type', type: 'string', required: true, description: '' },
    {
      name: 'version_count',
      type: 'integer',
      required: true,
      description: 'The number of versions of the package.',
    },
    { name: 'visibility', type: 'string', required: true, description: '', enum: ['private', 'public'] },
    { name: 'owner', type: 'object', required: false, description: '' },
  ],
  params: {
    org: param('org'),
    package_type: param('package_type', { enum: ['npm', 'container'] }),
    package_name: param('package_name'),
    visibility: param('visibility', { in: 'query', enum: ['public', 'private', 'internal'] }),
  },
  methods: [
    {
      name: 'list_packages_for_organization',
      sqlVerb: 'SELECT',
      requiredParams: ['org', 'package_type'],
      optionalParams: ['visibility'],
      http: {
        method: 'GET',
        path: '/orgs/{org}/packages',
        operationId: 'packages/list-packages-for-organization',
      },
      response: 'list',
      paginated: true,
      scopes: ['read:packages'],
      description: 'Lists packages in an organization.',
    },
    {
      name: 'restore_package_for_org',
      sqlVerb: 'EXEC',
      requiredParams: ['org', 'package_type', 'package_name'],
      optionalParams: ['token'],
      http: {
        method: 'POST',
        path: '/orgs/{org}/packages/{package_type}/{package_name}/restore',
        operationId: 'packages/restore-package-for-org',
      },
      response: 'empty',
      paginated: false,
      scopes: ['read:packages', 'write:packages'],
      description: 'Restores a package.',
    },
  ],
  examples: [],
};

/** Another service of another provider's shape, to show nothing is hard-wired to `github.packages`. */
export const other: ResourceDef = { ...packages, service: 'repos', name: 'repos', id: 'github.repos.repos' };

export const CATALOGUE: readonly ResourceDef[] = [packages, versions, other];

/** `text` with `|` marking the cursor: the text without it and the cursor's offset. */
export function at(marked: string): [string, number] {
  const offset = marked.indexOf('|');
  if (offset === -1) throw new Error('no cursor in the text');
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}
