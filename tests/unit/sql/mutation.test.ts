import { beforeAll, describe, expect, it } from 'vitest';

import { planMutation } from '../../../src/sql/mutation';
import { planQuery } from '../../../src/sql/plan';
import { splitStatement } from '../../../src/sql/statement';
import type { MutationPlan } from '../../../src/sql/types';
import { error } from './planOrError';
import { registerTestkit } from './testkit';

beforeAll(() => {
  registerTestkit();
});

const REPOS = 'github.testkit.repos';

/** The requests a refused INSERT/UPDATE/REPLACE shows, checking it says it is not run yet. */
function refused(sql: string) {
  const e = error(sql);
  expect(e.code).toBe('unsupported-statement');
  expect(e.message).toMatch(
    /^Running (INSERT|UPDATE|REPLACE) is not supported yet, so the playground sends nothing\./,
  );
  return { message: e.message, requests: e.requests };
}

function mutation(sql: string, verb: MutationPlan['verb']): MutationPlan {
  const st = splitStatement(sql);
  if (!st.ok) throw new Error(st.error.message);
  const p = planMutation(st.value, verb);
  if (!p.ok) throw new Error(`${p.error.code}: ${p.error.message}`);
  return p.value;
}

describe('INSERT: refused, with the request it would make', () => {
  it('puts data__ columns in the JSON body and the others in the path', () => {
    const r = refused(`INSERT INTO ${REPOS} (data__name, org) SELECT 'hello', 'acme';`);
    expect(r.requests).toEqual([{ method: 'POST', url: '/orgs/acme/repos', body: { name: 'hello' } }]);
    expect(r.message).toContain('POST /orgs/acme/repos with the JSON body {"name":"hello"}');
    expect(r.message).toContain('github.testkit.repos.create_in_org');
  });

  it('types body values by their params (boolean, integer) and URL-encodes path params', () => {
    const r = refused(
      `INSERT INTO ${REPOS} (org, data__name, data__private, data__watchers) SELECT 'a/b', 'x', true, '3'`,
    );
    expect(r.requests).toEqual([
      { method: 'POST', url: '/orgs/a%2Fb/repos', body: { name: 'x', private: true, watchers: 3 } },
    ]);
  });

  it('makes one request per VALUES row, and leaves out a NULL', () => {
    const p = mutation(
      `INSERT INTO ${REPOS} (org, data__name, data__description) VALUES ('acme', 'a', NULL), ('acme', 'b', 'B')`,
      'INSERT',
    );
    expect(p).toMatchObject({ kind: 'mutation', verb: 'INSERT', resource: REPOS, method: 'create_in_org' });
    expect(p.calls.map((c) => c.params)).toEqual([
      { org: 'acme', data__name: 'a' },
      { org: 'acme', data__name: 'b', data__description: 'B' },
    ]);
    const r = refused(`INSERT INTO ${REPOS} (org, data__name) VALUES ('acme', 'a'), ('acme', 'b')`);
    expect(r.message).toContain('these 2 requests, one after another');
    expect(r.requests?.map((q) => q.body)).toEqual([{ name: 'a' }, { name: 'b' }]);
  });

  it('names missing required params as SELECT and DELETE do', () => {
    const e = error(`INSERT INTO ${REPOS} (org) SELECT 'acme'`);
    expect(e.code).toBe('missing-params');
    expect(e.message).toContain(
      'Missing required params for INSERT on github.testkit.repos: create_in_org needs data__name.',
    );
    expect(e.message).toContain('Add them to the column list');
  });

  it('refuses a column no INSERT method takes, a bad value, and malformed statements', () => {
    expect(error(`INSERT INTO ${REPOS} (org, data__name, bogus) SELECT 'a', 'b', 'c'`)).toMatchObject({
      code: 'invalid-param',
      message: expect.stringMatching(
        /^bogus is not a param of github\.testkit\.repos's INSERT methods/,
      ) as string,
    });
    expect(
      error(`INSERT INTO ${REPOS} (org, data__name, data__private) SELECT 'a', 'b', 'maybe'`).message,
    ).toMatch(/^data__private must be true or false/);
    expect(error(`INSERT INTO ${REPOS} (org, data__name) SELECT 'a'`).message).toMatch(
      /names 2 columns but a row gives 1 value/,
    );
    expect(error(`INSERT INTO ${REPOS} SELECT 'a'`).code).toBe('syntax');
    expect(error(`INSERT ${REPOS} (org) SELECT 'a'`).code).toBe('syntax');
    expect(error(`INSERT INTO x VALUES (1)`).code).toBe('syntax');
  });

  it('refuses a resource that has no INSERT method, or no such resource', () => {
    expect(error(`INSERT INTO github.testkit.stargazers (owner) SELECT 'a'`)).toMatchObject({
      code: 'unsupported-statement',
      message: expect.stringContaining('github.testkit.stargazers has no INSERT method') as string,
    });
    expect(error(`INSERT INTO github.testkit.repoz (org) SELECT 'a'`).message).toContain(
      'Did you mean github.testkit.repos?',
    );
  });
});

describe('UPDATE and REPLACE: refused, with the request they would make', () => {
  it('UPDATE … SET data__… WHERE …: PATCH with the JSON body', () => {
    const r = refused(
      `UPDATE ${REPOS} SET data__description = 'It''s new', data__private = false WHERE owner = 'acme' AND repo = 'web';`,
    );
    expect(r.requests).toEqual([
      { method: 'PATCH', url: '/repos/acme/web', body: { description: "It's new", private: false } },
    ]);
    // The body's properties in the method's order of params, whatever order SET gave them in.
    expect(r.message).toContain(
      `PATCH /repos/acme/web with the JSON body {"private":false,"description":"It's new"}`,
    );
  });

  it('REPLACE: PUT with an array body param from its JSON text; an object param alike', () => {
    const r = refused(
      `REPLACE ${REPOS} SET data__topics = '["a", "b"]' WHERE owner = 'acme' AND repo = 'web'`,
    );
    expect(r.requests).toEqual([
      { method: 'PUT', url: '/repos/acme/web/topics', body: { topics: ['a', 'b'] } },
    ]);
    const u = refused(
      `UPDATE ${REPOS} SET data__security = '{"a": {"status": "on"}}' WHERE owner = 'a' AND repo = 'b'`,
    );
    expect(u.requests?.[0]?.body).toEqual({ security: { a: { status: 'on' } } });
  });

  it('an IN list in WHERE is one request per value', () => {
    const r = refused(`UPDATE ${REPOS} SET data__private = true WHERE owner = 'acme' AND repo IN ('a', 'b')`);
    expect(r.requests?.map((q) => q.url)).toEqual(['/repos/acme/a', '/repos/acme/b']);
  });

  it('names missing params, and refuses a WHERE that filters, a bad JSON value, a param set twice', () => {
    const missing = error(`UPDATE ${REPOS} SET data__private = true WHERE owner = 'acme'`);
    expect(missing).toMatchObject({ code: 'missing-params' });
    expect(missing.message).toContain('update needs repo');
    expect(error(`UPDATE ${REPOS} SET data__private = true WHERE owner = 'a' OR repo = 'b'`).code).toBe(
      'not-allowed',
    );
    expect(
      error(`REPLACE ${REPOS} SET data__topics = 'a, b' WHERE owner = 'a' AND repo = 'b'`).message,
    ).toMatch(/^data__topics must be a JSON array in quotes/);
    expect(
      error(`UPDATE ${REPOS} SET data__name = 'a', data__name = 'b' WHERE owner = 'a' AND repo = 'b'`)
        .message,
    ).toBe('data__name is set twice.');
    expect(error(`UPDATE ${REPOS} SET owner = 'a' WHERE owner = 'a' AND repo = 'b'`).message).toBe(
      'owner is given in both SET and WHERE.',
    );
    expect(error(`UPDATE ${REPOS} data__name = 'a'`).code).toBe('syntax');
    expect(error(`UPDATE x SET a = 1`).code).toBe('syntax');
  });

  it('underlines what is wrong in the WHERE where the reader wrote it', () => {
    const e = error(
      `UPDATE ${REPOS}\nSET data__private = true\nWHERE owner = 'a' AND repo = 'b' AND nonsense(1)`,
    );
    expect(e.line).toBe(3);
  });
});

describe('SHOW INSERT INTO a resource whose body params are named as StackQL names its columns', () => {
  it('lists data__<property> once, with the property as the placeholder', () => {
    const r = planQuery(`SHOW INSERT INTO ${REPOS}`);
    if (!r.ok || r.value.kind !== 'meta') throw new Error('no template');
    expect(r.value.text).toBe(
      [
        `INSERT INTO ${REPOS} (`,
        '  data__name,',
        '  data__private,',
        '  data__description,',
        '  data__watchers,',
        '  org',
        ')',
        'SELECT',
        "  '{{ name }}' /* required */,",
        '  {{ private }},',
        "  '{{ description }}',",
        '  {{ watchers }},',
        "  '{{ org }}'",
        ';',
      ].join('\n'),
    );
  });
});
