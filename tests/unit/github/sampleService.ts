/**
 * A small synthetic service, `github.sampletest`, in the catalogue's JSON shape: what the sample
 * generator and the fake's generic endpoints must handle, whatever the real catalogue holds today.
 * `gears` (121 rows: two pages at `per_page=100`) is a wrapped, paginated list with an example row and
 * item, delete, exec and redirect methods; `levers` an unpaginated list with no example row, for an organization and for `/user`.
 */
const path = (name: string, type: 'string' | 'integer', where: 'path' | 'query' = 'path') => ({
  name,
  type,
  in: where,
  description: '',
});

const method = (
  name: string,
  sqlVerb: string,
  http: string,
  route: string,
  response: string,
  extra: Record<string, unknown> = {},
) => ({
  name,
  sqlVerb,
  requiredParams: [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
  optionalParams: [],
  http: { method: http, path: route, operationId: `sampletest/${name.replaceAll('_', '-')}` },
  response,
  paginated: false,
  scopes: [],
  description: '',
  ...extra,
});

const GEAR = '/repos/{owner}/{repo}/gears/{gear_id}';

export const SAMPLE_SERVICE = {
  provider: 'github',
  name: 'sampletest',
  id: 'sampletest:v0',
  title: 'Sample test',
  description: '',
  summary: { resources: 2, selectableResources: 2, methods: 8 },
  resources: [
    {
      provider: 'github',
      service: 'sampletest',
      name: 'gears',
      id: 'github.sampletest.gears',
      type: 'Resource',
      summary: 'Gears of a repository.',
      rowSchema: 'gear',
      fields: [
        { name: 'id', type: 'integer', format: 'int64', description: '', required: true },
        { name: 'name', type: 'string', description: '', required: true },
        { name: 'state', type: 'string', description: '', required: true, enum: ['open', 'closed'] },
        { name: 'created_at', type: 'string', format: 'date-time', description: '', required: true },
        { name: 'url', type: 'string', format: 'uri', description: '', required: true },
        { name: 'repo', type: 'string', description: '', required: false },
        { name: 'owner', type: 'object', description: '', required: false },
        { name: 'tags', type: 'array', description: '', required: false },
        { name: 'score', type: 'number', description: '', required: false },
        { name: 'private', type: 'boolean', description: '', required: false },
        { name: 'sha', type: 'string', description: '', required: false },
        { name: 'closed_at', type: 'string', format: 'date-time', description: '', required: false },
        { name: 'event', type: 'string', description: '', required: false },
      ],
      sampleRow: {
        id: 5000,
        name: 'spur',
        state: 'closed',
        created_at: '2024-02-01T10:00:00Z',
        url: 'https://api.github.com/repos/octo/tools/gears/5000',
        repo: 'tools',
        owner: { login: 'octo' },
        tags: ['metal'],
        score: 1.5,
        private: false,
        sha: 'abcdef1234567',
        closed_at: null,
        event: 'push',
      },
      methods: [
        method('list_gears', 'SELECT', 'GET', '/repos/{owner}/{repo}/gears', 'list', {
          optionalParams: ['state', 'per_page', 'page'],
          paginated: true,
          rowsKey: 'gears',
          scopes: ['sample:gears'],
        }),
        method('get_gear', 'SELECT', 'GET', GEAR, 'item'),
        method('delete_gear', 'DELETE', 'DELETE', GEAR, 'empty', {
          lookup: { resource: 'github.sampletest.gears', method: 'get_gear' },
        }),
        method('turn_gear', 'EXEC', 'POST', `${GEAR}/turn`, 'item'),
        method('download_gear', 'EXEC', 'GET', `${GEAR}/archive`, 'redirect'),
      ],
      params: {
        owner: path('owner', 'string'),
        repo: path('repo', 'string'),
        gear_id: path('gear_id', 'integer'),
        state: { ...path('state', 'string', 'query'), enum: ['open', 'closed', 'all'] },
        per_page: { ...path('per_page', 'integer', 'query'), maximum: 100 },
        page: path('page', 'integer', 'query'),
      },
      examples: [],
    },
    {
      provider: 'github',
      service: 'sampletest',
      name: 'levers',
      id: 'github.sampletest.levers',
      type: 'Resource',
      summary: 'Levers of an organization.',
      rowSchema: 'lever',
      fields: [
        { name: 'id', type: 'integer', description: '', required: true },
        { name: 'title', type: 'string', description: '', required: true },
        { name: 'org', type: 'string', description: '', required: false },
        { name: 'html_url', type: 'string', description: '', required: false },
        { name: 'updated_at', type: 'string', format: 'date-time', description: '', required: false },
      ],
      methods: [
        method('list_levers', 'SELECT', 'GET', '/orgs/{org}/levers', 'list'),
        method('list_my_levers', 'SELECT', 'GET', '/user/levers', 'list'),
        method('pull_lever', 'EXEC', 'PUT', '/orgs/{org}/levers/{lever_id}', 'empty'),
      ],
      params: { org: path('org', 'string'), lever_id: path('lever_id', 'integer') },
      examples: [],
    },
  ],
};
