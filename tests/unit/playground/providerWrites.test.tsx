/**
 * DELETE and EXEC on resources beyond packages (the synthetic `github.testkit`): the confirmation lists
 * the exact requests with their JSON body, says what each touches from the catalogue (no word of it in
 * code), and Confirm sends them as listed.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';

import { ConfirmDialog } from '../../../src/components/Playground/confirm/ConfirmDialog';
import { confirmTitle, targetLabel } from '../../../src/components/Playground/confirm/confirmText';
import { writeActionOf } from '../../../src/components/Playground/run/writeAction';
import { prepareWrite, sendWrite, type WriteTarget } from '../../../src/components/Playground/run/writes';
import { writeSubjectOf } from '../../../src/components/Playground/run/writeSubject';
import type { ApiCall } from '../../../src/resources/calls';
import { getResource } from '../../../src/resources/registry';
import type { MethodDef } from '../../../src/resources/types';
import { createGitHubClient } from '../../../src/github/client';
import { instantClock, TOKEN } from '../github/helpers';
import { registerTestkit } from '../sql/testkit';
import { text } from '../docs/html';
import { writePlan } from './runnerHarness';

beforeAll(() => {
  registerTestkit();
});

const BASE = 'https://api.test';
const signal = () => new AbortController().signal;

interface Sent {
  readonly method: string;
  readonly url: string;
  readonly body?: string;
}

/** A client over a fetch that answers a GET with a row and anything else with 204 (or `answer`). */
function setup(answer?: (s: Sent) => Response) {
  const sent: Sent[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const s: Sent = {
      method: init?.method ?? 'GET',
      url,
      ...(typeof init?.body === 'string' ? { body: init.body } : {}),
    };
    sent.push(s);
    if (answer) return Promise.resolve(answer(s));
    return Promise.resolve(
      s.method === 'GET'
        ? new Response(JSON.stringify({ id: 42, name: 'CI', status: 'completed' }), {
            headers: { 'content-type': 'application/json' },
          })
        : new Response(null, { status: 204 }),
    );
  };
  return { sent, client: createGitHubClient({ baseUrl: BASE, token: TOKEN, fetch, clock: instantClock() }) };
}

describe('a DELETE on another service', () => {
  const SQL = `DELETE FROM github.testkit.workflow_runs WHERE owner = 'acme' AND repo = 'web' AND run_id = '42'`;

  it('looks the row up with the catalogue’s GET and names it from the path and the row schema', async () => {
    const { client, sent } = setup();
    const pending = await prepareWrite(writePlan(SQL), client, signal());
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual([`GET ${BASE}/repos/acme/web/actions/runs/42`]);
    const [target] = pending.targets;
    expect(target).toMatchObject({
      request: `DELETE ${BASE}/repos/acme/web/actions/runs/42`,
      id: 42,
      name: 'CI',
      subject: { noun: 'workflow run', nouns: 'workflow runs', short: 'run', key: [42] },
    });
    expect(confirmTitle(pending.targets)).toBe('Delete 1 workflow run?');
    expect(pending.targets.map(targetLabel)).toEqual(['Delete run 42']);
    expect(pending.scopes).toEqual(['repo']);
    const outcomes = await sendWrite(pending, client, signal());
    expect(outcomes).toMatchObject([{ ok: true, message: 'Deleted run 42.' }]);
    expect(sent.at(-1)).toEqual({ method: 'DELETE', url: `${BASE}/repos/acme/web/actions/runs/42` });
  });

  it('a row named by text is "the <thing> <names>"', async () => {
    const { client } = setup();
    const pending = await prepareWrite(
      writePlan(`DELETE FROM github.testkit.repos WHERE owner = 'acme' AND repo = 'web'`),
      client,
      signal(),
    );
    expect(pending.targets.map(targetLabel)).toEqual(['Delete the repo acme web']);
    expect(confirmTitle(pending.targets)).toBe('Delete 1 repo?');
  });
});

describe('an EXEC with a JSON body', () => {
  const SQL = `EXEC github.testkit.workflow_runs.re_run_workflow @owner='acme', @repo='web', @run_id=42 @@json='{"enable_debug_logging": true}'`;

  it('lists the POST with its JSON body, then sends exactly that', async () => {
    const { client, sent } = setup();
    const plan = writePlan(SQL);
    expect(plan.calls[0]?.params).toEqual({
      owner: 'acme',
      repo: 'web',
      run_id: 42,
      data__enable_debug_logging: 'true',
    });
    const pending = await prepareWrite(plan, client, signal());
    // re_run_workflow names no lookup: nothing is read first.
    expect(sent).toEqual([]);
    const [target] = pending.targets;
    expect(target).toMatchObject({
      request: `POST ${BASE}/repos/acme/web/actions/runs/42/rerun`,
      body: { enable_debug_logging: true },
    });
    expect(confirmTitle(pending.targets)).toBe('Run re_run_workflow on 1 workflow run?');
    expect(pending.targets.map(targetLabel)).toEqual(['Run re_run_workflow on run 42']);
    const shown = text(
      renderToStaticMarkup(
        <ConfirmDialog
          pending={pending}
          sample={false}
          onConfirm={() => undefined}
          onCancel={() => undefined}
        />,
      ),
    );
    expect(shown).toContain(
      `POST ${BASE}/repos/acme/web/actions/runs/42/rerunwith the JSON body {"enable_debug_logging":true}`,
    );
    expect(shown).toContain('It needs a classic token with “repo”.');
    const outcomes = await sendWrite(pending, client, signal());
    expect(outcomes).toMatchObject([{ ok: true, message: 'Ran re_run_workflow on run 42.' }]);
    expect(sent).toEqual([
      {
        method: 'POST',
        url: `${BASE}/repos/acme/web/actions/runs/42/rerun`,
        body: '{"enable_debug_logging":true}',
      },
    ]);
  });

  it('takes a body param as @data__…= too, and refuses a path param inside @@json', () => {
    const plan = writePlan(
      `EXEC github.testkit.workflow_runs.re_run_workflow @owner='acme', @repo='web', @run_id=42, @data__enable_debug_logging=false`,
    );
    expect(plan.calls[0]?.params.data__enable_debug_logging).toBe('false');
    expect(() =>
      writePlan(
        `EXEC github.testkit.workflow_runs.re_run_workflow @owner='acme', @repo='web' @@json='{"run_id": 42}'`,
      ),
    ).toThrow(/run_id is a path param of re_run_workflow, not part of its request body/);
  });
});

describe('an EXEC that is a GET', () => {
  it('goes through the dialog too, and says what GitHub answered', async () => {
    const { client, sent } = setup(() => new Response(null, { status: 204 }));
    const pending = await prepareWrite(
      writePlan(`EXEC github.testkit.starring.check_repo_is_starred @owner='acme', @repo='web'`),
      client,
      signal(),
    );
    expect(pending.targets.map((t) => t.request)).toEqual([`GET ${BASE}/user/starred/acme/web`]);
    const shown = text(
      renderToStaticMarkup(
        <ConfirmDialog
          pending={pending}
          sample={false}
          onConfirm={() => undefined}
          onCancel={() => undefined}
        />,
      ),
    );
    // GitHub documents no classic scope for it: the dialog says so instead of an empty list.
    expect(shown).toContain(
      'It needs a token that may make them (GitHub documents no classic scope for them).',
    );
    const outcomes = await sendWrite(pending, client, signal());
    expect(outcomes).toMatchObject([
      {
        ok: true,
        message:
          'Ran check_repo_is_starred on starred acme web. GitHub answered 204 with no content: there are no rows.',
      },
    ]);
    expect(sent.map((s) => s.method)).toEqual(['GET']);
  });

  it('quotes a created or returned object in the outcome', async () => {
    const { client } = setup(
      () =>
        new Response(JSON.stringify({ id: 1, full_name: 'octo/web' }), {
          status: 202,
          headers: { 'content-type': 'application/json' },
        }),
    );
    const pending = await prepareWrite(
      writePlan(
        `EXEC github.testkit.repos.transfer @owner='acme', @repo='web' @@json='{"new_owner": "octo"}'`,
      ),
      client,
      signal(),
    );
    expect(pending.targets[0]?.body).toEqual({ new_owner: 'octo' });
    const outcomes = await sendWrite(pending, client, signal());
    expect(outcomes).toMatchObject([
      {
        ok: true,
        message: 'Ran transfer on the repo acme web. GitHub answered {"id":1,"full_name":"octo/web"}',
      },
    ]);
  });

  it('refuses EXEC of an INSERT, UPDATE or REPLACE method, saying how to write it', () => {
    expect(() =>
      writePlan(
        `EXEC github.testkit.repos.replace_all_topics @owner='acme', @repo='web' @@json='{"topics": ["a"]}'`,
      ),
    ).toThrow(
      "replace_all_topics is a REPLACE method: write REPLACE github.testkit.repos SET data__topics = '…' WHERE owner = 'acme' AND repo = 'web'.",
    );
  });
});

describe('what a request touches, from its path', () => {
  const label = (verb: MethodDef['http']['method'], path: string, params: ApiCall['params']) => {
    const runs = getResource('github.testkit.workflow_runs');
    const [first] = runs.methods;
    if (!first) throw new Error('no method');
    const method: MethodDef = { ...first, http: { method: verb, path, operationId: 'x' } };
    const call: ApiCall = { resource: runs.id, method: method.name, params };
    const target: WriteTarget = {
      call,
      action: writeActionOf(method),
      subject: writeSubjectOf(method, call, runs),
      request: '',
      id: 1,
    };
    return [confirmTitle([target]), targetLabel(target)];
  };

  it('a DELETE of what is under an item deletes only that part', () => {
    expect(label('DELETE', '/repos/{owner}/{repo}/subscription', { owner: 'acme', repo: 'web' })).toEqual([
      'Delete the subscription of 1 repo?',
      'Delete the subscription of the repo acme web',
    ]);
    expect(
      label('DELETE', '/repos/{owner}/{repo}/issues/{issue_number}/labels', {
        owner: 'a',
        repo: 'b',
        issue_number: 3,
      }),
    ).toEqual(['Delete the labels of 1 issue?', 'Delete the labels of issue 3']);
  });

  it('another request acts on the item its path ends with (an action segment is no part)', () => {
    expect(
      label('POST', '/repos/{owner}/{repo}/actions/runs/{run_id}/rerun', {
        owner: 'a',
        repo: 'b',
        run_id: 4,
      }),
    ).toEqual([
      'Run list_workflow_runs_for_repo on 1 workflow run?',
      'Run list_workflow_runs_for_repo on run 4',
    ]);
  });

  it('a segment that names no collection is said as it is; a path with no params names its last segment', () => {
    expect(label('DELETE', '/user/following/{username}', { username: 'octocat' })[1]).toBe(
      'Delete following octocat',
    );
    expect(label('DELETE', '/installation/token', {})[1]).toBe('Delete the token');
  });
});
