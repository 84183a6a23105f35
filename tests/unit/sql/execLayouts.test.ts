/**
 * EXEC in every layout StackQL accepts: commas, white space or line breaks between the arguments, the
 * provider docs' `--required,` comments that swallow the commas, and `@@json` request bodies.
 */
import { describe, expect, it } from 'vitest';

import { getResource } from '../../../src/resources/registry';
import type { ResourceDef } from '../../../src/resources/types';
import { jsonArgError } from '../../../src/sql/exec';
import { readExecArgs } from '../../../src/sql/execArgs';
import { parseJsonObject } from '../../../src/sql/jsonObject';
import { planQuery } from '../../../src/sql/plan';
import { splitStatement } from '../../../src/sql/statement';

const T = 'github.packages.org_versions';
const RESTORE = `EXEC ${T}.restore_package_version_for_org`;
const CALL = {
  resource: T,
  method: 'restore_package_version_for_org',
  params: {
    org: 'acme',
    package_type: 'container',
    package_name: 'web/frontend',
    package_version_id: 81005136,
  },
};

function error(sql: string) {
  const r = planQuery(sql);
  if (r.ok) throw new Error(`expected an error for ${sql}`);
  return r.error;
}

/** Where an error underlines, as the text it covers (one line). */
function underlined(sql: string): string {
  const e = error(sql);
  const line = sql.split('\n')[(e.line ?? 1) - 1] ?? '';
  return line.slice((e.column ?? 1) - 1, (e.endColumn ?? 1) - 1);
}

describe('EXEC argument layouts', () => {
  it.each([
    [
      'commas',
      `@org='acme', @package_type='container', @package_name='web/frontend', @package_version_id=81005136`,
    ],
    [
      'spaces',
      `@org='acme' @package_type='container' @package_name='web/frontend' @package_version_id=81005136`,
    ],
    [
      'line breaks',
      `\n@org='acme'\n@package_type='container'\n@package_name='web/frontend'\n@package_version_id=81005136\n`,
    ],
    [
      'mixed',
      `@org='acme', @package_type='container'\n  @package_name = 'web/frontend' ,@package_version_id=81005136`,
    ],
    [
      "the docs' --required comments that swallow the commas",
      `\n@org='acme' --required, \n@package_type='container' --required, \n@package_name='web/frontend' --required, \n@package_version_id='81005136' --required\n;`,
    ],
    [
      'block comments between them',
      `@org='acme' /* , */ @package_type='container', /**/ @package_name='web/frontend' @package_version_id=81005136`,
    ],
  ])('plans arguments separated by %s', (_, args) => {
    const r = planQuery(`${RESTORE} ${args}`);
    expect(r.ok ? r.value : r.error).toEqual({
      kind: 'exec',
      resource: T,
      method: CALL.method,
      calls: [CALL],
    });
  });

  it.each([
    ['a leading comma', `${RESTORE} , @org='acme'`, ','],
    ['two commas', `${RESTORE} @org='acme',, @package_type='npm'`, ','],
    ['a trailing comma', `${RESTORE} @org='acme',`, ','],
    ['a word', `${RESTORE} @org='acme' junk`, 'junk'],
    ['no value', `${RESTORE} @org= @package_type='npm'`, '@org= @package_type'],
  ])('refuses %s, underlining it', (_, sql, at) => {
    expect(error(sql).code).toBe('syntax');
    expect(underlined(sql)).toBe(at);
  });

  it('still refuses a param given twice, and one the method does not take, with their messages', () => {
    expect(error(`${RESTORE} @org='acme' @org='b'`).message).toBe('@org is given twice.');
    expect(
      error(`${RESTORE} @org='a' @package_name='w' @package_type='npm' @package_version_id=1 @x=1`).message,
    ).toBe(
      `x is not a param of restore_package_version_for_org; remove it, or give the params of a method that takes it (SHOW METHODS IN ${T}).`,
    );
  });
});

describe('@@json request bodies', () => {
  const head = `EXEC github.packages.org_packages.restore_package_for_org @org='acme' @package_type='npm' @package_name='old-dashboard'`;

  it('reads each key of the object as a param, with its place in the text', () => {
    const sql = `EXEC x.y.z.m @a='1', @@json='{ "key": "it''s", "n": 2 }'`;
    const st = splitStatement(sql);
    if (!st.ok) throw new Error(st.error.message);
    const args = readExecArgs(st.value, 8);
    expect(args).toMatchObject({
      ok: true,
      value: [
        { name: 'a', values: ['1'], inJson: false },
        { name: 'key', values: ["it's"], inJson: true },
        { name: 'n', values: [2], inJson: true },
      ],
    });
    if (args.ok) {
      const spans = args.value.map((a) => (a.span ? sql.slice(a.span.start, a.span.end) : ''));
      expect(spans).toEqual(["@a='1'", '"key"', '"n"']);
    }
  });

  it('refuses a key the method does not take with the usual message, and one given twice', () => {
    expect(error(`${head} @@json='{ "key": "value" }'`).message).toBe(
      'key is not a param of restore_package_for_org; remove it, or give the params of a method that takes it (SHOW METHODS IN github.packages.org_packages).',
    );
    expect(error(`${head} @@json='{ "a": 1, "a": 2 }'`).message).toBe('@a is given twice.');
    expect(error(`${head}, @@json='{ "org": "b" }'`).message).toBe('@org is given twice.');
    expect(error(`${head} @@json='{}' @@json='{}'`).message).toBe('@@json is given twice.');
  });

  it('refuses a path or query param inside the body: it goes outside, as @name', () => {
    const sql = `${head} @@json='{ "token": "t" }'`;
    expect(error(sql)).toMatchObject({
      code: 'invalid-param',
      message:
        'token is a query param of restore_package_for_org, not part of its request body: give it as @token=…, outside @@json.',
    });
    expect(underlined(sql)).toBe('"token"');
  });

  it.each([
    [`{ "key" "value" }`, `expected ':' after the key "key" (character 9 of the JSON)`, '"'],
    [`{ "a": 1, }`, 'expected a "quoted" key (character 11 of the JSON)', '}'],
    [
      `{ "a": tru }`,
      'expected a value: a "string", a number, true, false, null, [ … ] or { … } (character 8 of the JSON)',
      't',
    ],
    [`[1]`, 'expected a JSON object: { "name": "value", … } (character 1 of the JSON)', '['],
    [`{ "a": 1 } x`, 'unexpected text after the object (character 12 of the JSON)', 'x'],
    [`{ "it''s": 1 `, "expected ',' or '}' after a value (at the end of the JSON)", "'"],
  ])('says where %s is not valid JSON, and underlines that character', (json, why, at) => {
    const sql = `${head}\n  @@json='${json}'`;
    const e = error(sql);
    expect(e).toMatchObject({ code: 'syntax', message: `@@json is not valid JSON: ${why}.`, line: 2 });
    expect(underlined(sql)).toBe(at);
  });

  it('refuses a null body value, a key the method does not take, another @@ argument, and @@json without a string', () => {
    expect(error(`${head} @@json='{ "a": null }'`).message).toBe(
      '@@json: a is null; leave it out of the body instead.',
    );
    expect(error(`${head} @@json='{ "a": [1] }'`).message).toMatch(
      /^a is not a param of restore_package_for_org/,
    );
    expect(error(`${head} @@body='{}'`).message).toBe(
      '@@body is not an EXEC argument: @@json gives the request body.',
    );
    expect(error(`${head} @@json={}`).message).toMatch(/^Expected @@json='\{ "name": "value" \}'/);
  });

  it('accepts body params of the method (a resource with one), and refuses its path params there', () => {
    const base = getResource('github.packages.org_packages');
    const method = base.methods.find((m) => m.name === 'restore_package_for_org');
    if (!method) throw new Error('no restore method');
    const withBody: ResourceDef = {
      ...base,
      params: { ...base.params, note: { name: 'note', type: 'string', in: 'body', description: '' } },
    };
    const m = { ...method, optionalParams: [...method.optionalParams, 'note'] };
    const arg = (name: string) => ({ name, values: ['x'], inJson: true });
    expect(jsonArgError(withBody, m, [arg('note')], '')).toBeUndefined();
    expect(jsonArgError(withBody, m, [arg('org')], '')?.message).toMatch(
      /^org is a path param of restore_package_for_org/,
    );
  });
});

describe('parseJsonObject', () => {
  it('reads what JSON.parse reads, keeping duplicate keys in order', () => {
    const text =
      '{"s": "a\\"\\u00e9\\n", "n": -1.5e2, "t": true, "f": false, "z": null, "a": [1, {"b": []}], "s": 1}';
    const r = parseJsonObject(text);
    if (!r.ok) throw new Error(r.message);
    expect(r.entries.map((e) => e.key)).toEqual(['s', 'n', 't', 'f', 'z', 'a', 's']);
    const last = Object.fromEntries(r.entries.map((e) => [e.key, e.value]));
    expect(last).toEqual(JSON.parse(text));
    expect(r.entries[1]?.at).toBe(text.indexOf('"n"'));
  });

  it.each([
    '{"a": 01}',
    '{"a": .5}',
    '{"a": "\\x"}',
    '{"a": "line\nbreak"}',
    "{'a': 1}",
    '{"a": 1',
    '',
    '{"a": NaN}',
  ])('refuses %j as JSON.parse does', (text) => {
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(parseJsonObject(text).ok).toBe(false);
  });

  it('refuses nesting deeper than it can say anything useful about, without a stack overflow', () => {
    const deep = `{"a": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    expect(parseJsonObject(deep)).toMatchObject({ ok: false, message: 'nested deeper than 64 levels' });
  });
});
