/**
 * EXEC runs only the methods whose SQL verb is EXEC in the resource definition. A DELETE or SELECT
 * method named in an EXEC is refused with the statement to write instead, so EXEC can never send a
 * DELETE under a "restore" confirmation.
 */
import { describe, expect, it } from 'vitest';
import { getResource } from '../../../src/resources/registry';
import { planQuery } from '../../../src/sql/plan';
import type { QueryPlan } from '../../../src/sql/types';

const T = 'github.packages.org_versions';
const ARGS = `@org='acme', @package_type='container', @package_name='web/frontend', @package_version_id=81005383`;
const WHERE = `org = 'acme' AND package_name = 'web/frontend' AND package_type = 'container' AND package_version_id = 81005383`;

function refusal(sql: string) {
  const r = planQuery(sql);
  if (r.ok) throw new Error(`expected a refusal of ${sql}, got a ${r.value.kind} plan`);
  return r.error;
}

function plan(sql: string): QueryPlan {
  const r = planQuery(sql);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** The statement the refusal suggests: the text after "write ", up to the closing period. */
function suggested(message: string): string {
  const match = /write (.+)\.$/.exec(message);
  if (!match?.[1]) throw new Error(`no suggestion in: ${message}`);
  return match[1];
}

describe('EXEC of a method that is not an EXEC method', () => {
  it('refuses EXEC of the DELETE method and names the DELETE statement to write', () => {
    const e = refusal(`EXEC ${T}.delete_package_version_for_org ${ARGS}`);
    expect(e.code).toBe('unsupported-statement');
    expect(e.message).toBe(
      `delete_package_version_for_org is a DELETE method: write DELETE FROM ${T} WHERE ${WHERE}.`,
    );
    expect(e).toMatchObject({ line: 1, column: 6 });
  });

  it('suggests a DELETE that plans to the same request', () => {
    const e = refusal(`EXEC ${T}.delete_package_version_for_org ${ARGS};`);
    expect(plan(suggested(e.message))).toEqual({
      kind: 'delete',
      resource: T,
      method: 'delete_package_version_for_org',
      calls: [
        {
          resource: T,
          method: 'delete_package_version_for_org',
          params: {
            org: 'acme',
            package_type: 'container',
            package_name: 'web/frontend',
            package_version_id: 81005383,
          },
        },
      ],
    });
  });

  it.each([
    ['upper case', `EXEC ${T.toUpperCase()}.DELETE_PACKAGE_VERSION_FOR_ORG ${ARGS}`],
    ['a quoted id', `EXEC ${T}.delete_package_version_for_org ${ARGS.replace('=81005383', "='81005383'")}`],
    ['comments and a semicolon', `/* x */ EXEC ${T}.delete_package_version_for_org -- y\n ${ARGS};`],
  ])('refuses it with %s too', (_, sql) => {
    const e = refusal(sql);
    expect(e.code).toBe('unsupported-statement');
    expect(e.message).toMatch(/^delete_package_version_for_org is a DELETE method: write DELETE FROM /);
  });

  it('refuses it with params missing, showing placeholders for them', () => {
    const e = refusal(`EXEC ${T}.delete_package_version_for_org @org='acme'`);
    expect(e.message).toBe(
      `delete_package_version_for_org is a DELETE method: write DELETE FROM ${T} WHERE org = 'acme' AND package_name = '…' AND package_type = '…' AND package_version_id = ….`,
    );
  });

  it('refuses it with no params or malformed params, before reading them', () => {
    expect(refusal(`EXEC ${T}.delete_package_version_for_org`).code).toBe('unsupported-statement');
    expect(refusal(`EXEC ${T}.delete_package_version_for_org org=1 junk`).code).toBe('unsupported-statement');
  });

  it('escapes quotes of the given values in the suggestion', () => {
    const e = refusal(`EXEC ${T}.delete_package_version_for_org @org='o''brien'`);
    expect(e.message).toContain(`org = 'o''brien'`);
  });

  it.each([
    ['get_package_version_for_organization', ARGS],
    [
      'get_all_package_versions_for_package_owned_by_org',
      `@org='acme', @package_type='container', @package_name='web/frontend'`,
    ],
  ])('refuses EXEC of the SELECT method %s and names the SELECT to write', (method, args) => {
    const e = refusal(`EXEC ${T}.${method} ${args}`);
    expect(e.code).toBe('unsupported-statement');
    expect(e.message).toMatch(
      new RegExp(`^${method} is a SELECT method: write SELECT \\* FROM ${T} WHERE org = 'acme' AND `),
    );
    expect(plan(suggested(e.message))).toMatchObject({ kind: 'select', method });
  });

  it('plans EXEC of every EXEC method, and only those, and each planned call is a POST', () => {
    const resource = getResource(T);
    for (const method of resource.methods) {
      const args = method.requiredParams
        .map((p) => `@${p}=${resource.params[p]?.type === 'integer' ? '1' : "'container'"}`)
        .join(', ');
      const r = planQuery(`EXEC ${T}.${method.name} ${args}`);
      expect(r.ok, method.name).toBe(method.sqlVerb === 'EXEC');
      if (r.ok && r.value.kind === 'exec') {
        for (const call of r.value.calls) {
          const called = resource.methods.find((m) => m.name === call.method);
          expect(called?.sqlVerb).toBe('EXEC');
          expect(called?.http.method).toBe('POST');
        }
      }
    }
  });
});
