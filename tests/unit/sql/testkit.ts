/**
 * A small synthetic service, `github.testkit`, registered beside the real catalogue, with each shape of
 * method the whole provider has: a paginated list that takes `per_page`, one that does not, a list
 * GitHub wraps in an object (`rowsKey`), single objects, a 204 check, a download redirect, and writes
 * by POST, PUT, PATCH and DELETE with JSON body params (`data__…`) for INSERT, UPDATE, REPLACE, DELETE
 * and EXEC. Tests of the planner and the client read it as they read any service.
 */
import { registerService } from '../../../src/resources/registry';
import type { FieldDef, MethodDef, ParamDef, ResourceDef, ServiceDef } from '../../../src/resources/types';

const field = (name: string, type: FieldDef['type'] = 'string'): FieldDef => ({
  name,
  type,
  description: '',
  required: false,
});

const param = (
  name: string,
  type: ParamDef['type'],
  where: ParamDef['in'],
  extra: Partial<ParamDef> = {},
): ParamDef => ({
  name,
  type,
  in: where,
  description: '',
  ...(where === 'body' ? { property: name.replace(/^data__/, '') } : {}),
  ...extra,
});

const PAGING: Record<string, ParamDef> = {
  per_page: param('per_page', 'integer', 'query', { minimum: 1, maximum: 100 }),
  page: param('page', 'integer', 'query', { minimum: 1 }),
};

function method(
  name: string,
  sqlVerb: MethodDef['sqlVerb'],
  http: string,
  required: string[],
  optional: string[] = [],
  extra: Partial<MethodDef> = {},
): MethodDef {
  const [verb = 'GET', path = '/'] = http.split(' ');
  return {
    name,
    sqlVerb,
    requiredParams: required,
    optionalParams: optional,
    http: { method: verb as MethodDef['http']['method'], path, operationId: `testkit/${name}` },
    response: sqlVerb === 'SELECT' ? 'item' : 'empty',
    paginated: false,
    scopes: [],
    description: '',
    ...extra,
  };
}

function resource(
  name: string,
  def: Pick<ResourceDef, 'fields' | 'methods' | 'params' | 'rowSchema'>,
): ResourceDef {
  return {
    provider: 'github',
    service: 'testkit',
    name,
    id: `github.testkit.${name}`,
    type: 'Resource',
    summary: name,
    examples: [],
    ...def,
  };
}

const OWNER_REPO = {
  owner: param('owner', 'string', 'path'),
  repo: param('repo', 'string', 'path'),
};

const repos = resource('repos', {
  rowSchema: 'full-repository',
  fields: [
    field('id', 'integer'),
    field('name'),
    field('full_name'),
    field('private', 'boolean'),
    field('owner', 'object'),
  ],
  params: {
    org: param('org', 'string', 'path'),
    ...OWNER_REPO,
    type: param('type', 'string', 'query', { enum: ['all', 'public', 'private'] }),
    ...PAGING,
    data__name: param('data__name', 'string', 'body'),
    data__private: param('data__private', 'boolean', 'body'),
    data__description: param('data__description', 'string', 'body'),
    data__topics: param('data__topics', 'array', 'body'),
    data__security: param('data__security', 'object', 'body'),
    data__watchers: param('data__watchers', 'integer', 'body'),
    data__new_owner: param('data__new_owner', 'string', 'body'),
  },
  methods: [
    method('list_for_org', 'SELECT', 'GET /orgs/{org}/repos', ['org'], ['type', 'per_page', 'page'], {
      response: 'list',
      paginated: true,
      scopes: ['repo'],
    }),
    method('get', 'SELECT', 'GET /repos/{owner}/{repo}', ['owner', 'repo'], [], { scopes: ['repo'] }),
    method(
      'create_in_org',
      'INSERT',
      'POST /orgs/{org}/repos',
      ['org', 'data__name'],
      ['data__private', 'data__description', 'data__watchers'],
      {
        response: 'item',
        scopes: ['repo'],
      },
    ),
    method(
      'update',
      'UPDATE',
      'PATCH /repos/{owner}/{repo}',
      ['owner', 'repo'],
      ['data__name', 'data__private', 'data__description', 'data__security'],
      {
        response: 'item',
        scopes: ['repo'],
      },
    ),
    method(
      'replace_all_topics',
      'REPLACE',
      'PUT /repos/{owner}/{repo}/topics',
      ['owner', 'repo', 'data__topics'],
      [],
      {
        response: 'item',
        scopes: ['repo'],
      },
    ),
    method(
      'transfer',
      'EXEC',
      'POST /repos/{owner}/{repo}/transfer',
      ['owner', 'repo', 'data__new_owner'],
      [],
      {
        response: 'item',
        scopes: ['repo'],
      },
    ),
    method('delete', 'DELETE', 'DELETE /repos/{owner}/{repo}', ['owner', 'repo'], [], {
      scopes: ['delete_repo'],
      lookup: { resource: 'github.testkit.repos', method: 'get' },
    }),
  ],
});

const runs = resource('workflow_runs', {
  rowSchema: 'workflow-run',
  fields: [
    field('id', 'integer'),
    field('name'),
    field('status'),
    field('head_branch'),
    field('run_number', 'integer'),
  ],
  params: {
    ...OWNER_REPO,
    run_id: param('run_id', 'integer', 'path', { minimum: 1 }),
    status: param('status', 'string', 'query'),
    ...PAGING,
    data__enable_debug_logging: param('data__enable_debug_logging', 'boolean', 'body'),
  },
  methods: [
    method(
      'list_workflow_runs_for_repo',
      'SELECT',
      'GET /repos/{owner}/{repo}/actions/runs',
      ['owner', 'repo'],
      ['status', 'per_page', 'page'],
      {
        response: 'list',
        rowsKey: 'workflow_runs',
        paginated: true,
      },
    ),
    method('get_workflow_run', 'SELECT', 'GET /repos/{owner}/{repo}/actions/runs/{run_id}', [
      'owner',
      'repo',
      'run_id',
    ]),
    method(
      'delete_workflow_run',
      'DELETE',
      'DELETE /repos/{owner}/{repo}/actions/runs/{run_id}',
      ['owner', 'repo', 'run_id'],
      [],
      {
        scopes: ['repo'],
        lookup: { resource: 'github.testkit.workflow_runs', method: 'get_workflow_run' },
      },
    ),
    method(
      're_run_workflow',
      'EXEC',
      'POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun',
      ['owner', 'repo', 'run_id'],
      ['data__enable_debug_logging'],
      {
        scopes: ['repo'],
        response: 'empty',
      },
    ),
  ],
});

const logs = resource('workflow_run_logs', {
  rowSchema: '',
  fields: [],
  params: { ...OWNER_REPO, run_id: param('run_id', 'integer', 'path', { minimum: 1 }) },
  methods: [
    method(
      'download_workflow_run_logs',
      'SELECT',
      'GET /repos/{owner}/{repo}/actions/runs/{run_id}/logs',
      ['owner', 'repo', 'run_id'],
      [],
      {
        response: 'redirect',
      },
    ),
  ],
});

const stargazers = resource('stargazers', {
  rowSchema: 'simple-user',
  fields: [field('login'), field('id', 'integer')],
  params: { ...OWNER_REPO },
  // Paginated by Link, but takes no per_page: the client must not add one.
  methods: [
    method('list_stargazers', 'SELECT', 'GET /repos/{owner}/{repo}/stargazers', ['owner', 'repo'], [], {
      response: 'list',
      paginated: true,
    }),
  ],
});

const starring = resource('starring', {
  rowSchema: '',
  fields: [],
  params: { ...OWNER_REPO },
  methods: [
    method('check_repo_is_starred', 'EXEC', 'GET /user/starred/{owner}/{repo}', ['owner', 'repo']),
    method(
      'list_stargazers_empty',
      'SELECT',
      'GET /user/starred/{owner}/{repo}/empty',
      ['owner', 'repo'],
      [],
      {
        response: 'empty',
      },
    ),
  ],
});

/** The service, as registered. */
export const TESTKIT: ServiceDef = {
  provider: 'github',
  name: 'testkit',
  id: 'testkit:v0',
  title: 'Test kit',
  description: 'A synthetic service for tests.',
  summary: { resources: 5, selectableResources: 5, methods: 17 },
  resources: [repos, runs, logs, stargazers, starring],
};

/** Registers `github.testkit` (once per test file: each file has its own registry). */
export function registerTestkit(): ServiceDef {
  return registerService(TESTKIT);
}
