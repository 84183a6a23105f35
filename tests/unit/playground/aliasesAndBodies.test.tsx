/**
 * The playground's side of StackQL's conventions: the editor offers today's StackQL names, and the
 * confirmation dialog shows a request's body params (an EXEC's `@@json`) with the request.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { ConfirmDialog } from '../../../src/components/Playground/confirm/ConfirmDialog';
import { completionsAt } from '../../../src/components/Playground/editor/completions';
import type { PendingWrite, WriteTarget } from '../../../src/components/Playground/run/writes';
import { bodyParams, type ApiCall } from '../../../src/resources/calls';
import { getResource, allResourcesAndAliases } from '../../../src/resources/registry';
import type { ResourceDef } from '../../../src/resources/types';
import { text } from '../docs/html';
import { at } from './editorCatalogue';

const complete = (marked: string) => completionsAt(...at(marked), allResourcesAndAliases());

describe("completions over the catalogue and today's StackQL names", () => {
  it('offer the aliases after the service, with their summary', () => {
    const entries = complete('SELECT * FROM github.packages.|');
    expect(entries.map((e) => e.label)).toEqual(
      expect.arrayContaining(['org_versions', 'package_versions', 'packages']),
    );
    expect(entries.find((e) => e.label === 'package_versions')?.documentation).toMatch(
      /^Versions of a package owned by/,
    );
  });

  it("offer an alias's EXEC methods and the params of every member", () => {
    expect(complete('EXEC github.packages.package_versions.|').map((e) => e.label)).toEqual([
      'restore_package_version_for_org',
      'restore_package_version_for_user',
      'restore_package_version_for_authenticated_user',
    ]);
    const params = complete("SELECT | FROM github.packages.package_versions WHERE org = 'acme'")
      .filter((e) => e.kind === 'param')
      .map((e) => e.label);
    expect(params).toEqual(expect.arrayContaining(['org', 'username', 'package_version_id']));
  });
});

describe('body params of a request', () => {
  const packages = getResource('github.packages.org_packages');
  const restore = packages.methods.find((m) => m.name === 'restore_package_for_org');
  if (!restore) throw new Error('no restore method');
  const withBody: ResourceDef = {
    ...packages,
    params: { ...packages.params, note: { name: 'note', type: 'string', in: 'body', description: '' } },
  };
  const method = { ...restore, optionalParams: [...restore.optionalParams, 'note'] };
  const params = { org: 'acme', package_type: 'npm', package_name: 'x', token: 't', note: 'hi' };

  it('are the params the resource puts in the body, never path or query ones', () => {
    expect(bodyParams(withBody, method, params)).toEqual({ note: 'hi' });
    expect(bodyParams(packages, restore, params)).toEqual({});
  });

  it('show in the confirmation dialog with the request they go with', () => {
    const call: ApiCall = { resource: packages.id, method: restore.name, params };
    const target = (body?: WriteTarget['body']): WriteTarget => ({
      call,
      action: { verb: 'Restore', done: 'Restored' },
      subject: {
        noun: 'package',
        nouns: 'packages',
        short: 'package',
        ofCollection: true,
        key: ['npm', 'x'],
      },
      request: 'POST https://api.github.com/orgs/acme/packages/npm/x/restore',
      id: 'x',
      ...(body ? { body } : {}),
    });
    const render = (t: WriteTarget) => {
      const pending: PendingWrite = {
        plan: { kind: 'exec', resource: packages.id, method: restore.name, calls: [call] },
        targets: [t],
        scopes: ['read:packages'],
      };
      return text(
        renderToStaticMarkup(
          <ConfirmDialog
            pending={pending}
            sample={false}
            onConfirm={() => undefined}
            onCancel={() => undefined}
          />,
        ),
      );
    };
    const shown = render(target({ note: 'hi', n: 2 }));
    const request = shown.indexOf('POST https://api.github.com/orgs/acme/packages/npm/x/restore');
    expect(request).toBeGreaterThan(-1);
    expect(shown.indexOf('with the JSON body {"note":"hi","n":2}')).toBe(request + target().request.length);
    expect(render(target())).not.toContain('with the JSON body');
  });
});
