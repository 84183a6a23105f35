import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildService } from '../../../src/resources/catalogue/buildService';
import { readServiceSources } from '../../../src/resources/catalogue/loadSources';
import { scopesIn } from '../../../src/resources/catalogue/fromOpenApi';
import { stackqlMethodName } from '../../../src/resources/catalogue/openApi';
import { parseResourcePage } from '../../../src/resources/catalogue/parsePage';
import { seedPagePath } from '../../support/seedPage';

const sources = readServiceSources('github', 'packages');

describe('buildService reports what it cannot build, and builds the rest', () => {
  it('leaves out a method no operation matches by name or params, and names it', () => {
    const page = sources.resourcePages.org_versions ?? '';
    const renamed = page.replace(
      '<CopyableCode code="get_package_version_for_organization" /> | `SELECT` | <CopyableCode code="org, package_name, package_type, package_version_id" />',
      '<CopyableCode code="get_one_version" /> | `SELECT` | <CopyableCode code="org, version" />',
    );
    const built = buildService({
      ...sources,
      resourcePages: { ...sources.resourcePages, org_versions: renamed },
    });
    expect(built.problems).toEqual([
      {
        code: 'unmatched-method',
        where: 'packages.org_versions.get_one_version',
        message: expect.stringContaining('no operation') as unknown,
      },
    ]);
    const versions = built.service.resources.find((r) => r.name === 'org_versions');
    expect(versions?.methods.map((m) => m.name)).toEqual([
      'get_all_package_versions_for_package_owned_by_org',
      'delete_package_version_for_org',
      'restore_package_version_for_org',
    ]);
    // The writes' lookup had no other GET on their path.
    expect(versions?.methods[1]?.lookup).toBeUndefined();
  });

  it('matches a method whose name no operation has by its params, and reports it', () => {
    const page = (sources.resourcePages.org_versions ?? '').replace(
      '<CopyableCode code="get_package_version_for_organization" />',
      '<CopyableCode code="get_one_version" />',
    );
    const built = buildService({
      ...sources,
      resourcePages: { ...sources.resourcePages, org_versions: page },
    });
    expect(built.problems.map((p) => [p.code, p.where])).toEqual([
      ['renamed-operation', 'packages.org_versions.get_one_version'],
    ]);
    const versions = built.service.resources.find((r) => r.name === 'org_versions');
    expect(versions?.methods[1]?.http.operationId).toBe('packages/get-package-version-for-organization');
  });

  it('reports a missing page, a page out of shape, and required params the spec does not have', () => {
    const rest = Object.fromEntries(
      Object.entries(sources.resourcePages).filter(([name]) => name !== 'org_packages'),
    );
    const broken = (sources.resourcePages.user_packages ?? '').replace('## Methods', '## Something');
    const wrongParams = (sources.resourcePages.org_versions ?? '').replace(
      'code="org, package_name, package_type" /> | Lists',
      'code="org, package_name, package_type, state" /> | Lists',
    );
    const built = buildService({
      ...sources,
      resourcePages: { ...rest, user_packages: broken, org_versions: wrongParams },
    });
    expect(built.problems.map((p) => [p.code, p.where])).toEqual([
      ['page', 'packages.org_packages'],
      ['page', 'packages.user_packages'],
      ['required-params', 'packages.org_versions.get_all_package_versions_for_package_owned_by_org'],
    ]);
    // The page is StackQL's truth for what a statement must give: its list is kept.
    const versions = built.service.resources.find((r) => r.name === 'org_versions');
    expect(versions?.methods[0]?.requiredParams).toEqual(['org', 'package_name', 'package_type', 'state']);
    expect(versions?.methods[0]?.optionalParams).toEqual(['per_page', 'page']);
    expect(built.service.resources).toHaveLength(5);
  });

  it('reports a page field the row schema lacks', () => {
    const page = (sources.resourcePages.org_versions ?? '').replace(
      '| <CopyableCode code="license" />',
      '| <CopyableCode code="licence" />',
    );
    const built = buildService({
      ...sources,
      resourcePages: { ...sources.resourcePages, org_versions: page },
    });
    expect(built.problems).toEqual([
      {
        code: 'field',
        where: 'packages.org_versions',
        message: 'field licence is not a property of the row schema',
      },
    ]);
  });
});

describe('catalogue helpers', () => {
  it('names methods as StackQL does: the operation id after the service, in snake_case', () => {
    expect(stackqlMethodName('packages/delete-package-for-org')).toBe('delete_package_for_org');
  });

  it('takes backticked classic scopes from sentences about scopes, not the conditional ones', () => {
    expect(
      scopesIn(
        'Tokens need the `read:packages` and `delete:packages` scopes. If the `package_type` is x, the `repo` scope is also required.',
        'the `read:packages` scope. GitHub Apps must have the `actions:read` permission.',
        'If the repository is private, you must use an access token with the `repo` scope.',
        'need the `repo` or `public_repo` scope<br />the token can use the `public_repo` scope instead',
      ),
    ).toEqual(['read:packages', 'delete:packages', 'repo', 'public_repo']);
  });

  it('reads a page with no required params as an empty list', () => {
    const page = parseResourcePage(sources.resourcePages.docker_migration_packages ?? '');
    expect(page.methods[0]).toMatchObject({
      name: 'list_docker_migration_conflicting_packages_for_authenticated_user',
      requiredParams: [],
    });
  });
});

describe('parseResourcePage on the rest of the provider (the next services)', () => {
  const page = (service: string, resource: string): string =>
    readFileSync(seedPagePath(resource, service), 'utf8');

  it('reads an empty Fields section as no fields', () => {
    const usage = parseResourcePage(page('actions', 'workflow_usage'));
    expect(usage.fields).toEqual([]);
    expect(usage.methods.map((m) => m.name)).toEqual(['get_workflow_usage']);
  });

  it('keeps a cell written `||` as an empty cell', () => {
    const stargazers = parseResourcePage(page('activity', 'repo_stargazers_with_timestamps'));
    expect(stargazers.fields.find((f) => f.name === 'avatar_url')).toEqual({
      name: 'avatar_url',
      type: '',
      description: '',
    });
  });
});
