import { describe, expect, it } from 'vitest';

import { completionsAt, type CompletionEntry } from '../../../src/components/Playground/editor/completions';
import { cursorContext } from '../../../src/components/Playground/editor/cursor';
import { allResources } from '../../../src/resources/registry';
import { JSON_FUNCTIONS, SQLITE_AGGREGATES, SQLITE_FUNCTIONS } from '../../../src/sql/allowList';
import { at, CATALOGUE, other, packages, versions } from './editorCatalogue';

const complete = (marked: string, catalogue = CATALOGUE): CompletionEntry[] =>
  completionsAt(...at(marked), catalogue);
const labels = (entries: readonly CompletionEntry[], kind?: string): string[] =>
  entries.filter((e) => kind === undefined || e.kind === kind).map((e) => e.label);

const IN_VERSIONS = "SELECT | FROM github.packages.org_versions WHERE org = 'acme'";

describe('completions in a statement over one resource', () => {
  const entries = complete(IN_VERSIONS);

  it('offers every field, in definition order, with its type and description', () => {
    expect(labels(entries, 'field')).toEqual(versions.fields.map((f) => f.name));
    const id = entries.find((e) => e.kind === 'field' && e.label === 'id');
    expect(id).toMatchObject({
      detail: 'integer',
      documentation: 'Unique identifier of the package version.',
    });
    // An empty description gives no documentation rather than an empty popup.
    expect(entries.find((e) => e.label === 'metadata')).toMatchObject({
      detail: 'object',
      documentation: undefined,
    });
  });

  it('offers every param, required and optional', () => {
    expect(labels(entries, 'param').sort()).toEqual(Object.keys(versions.params).sort());
    expect(entries.find((e) => e.kind === 'param' && e.label === 'per_page')).toMatchObject({
      detail: 'param · integer',
    });
  });

  it('offers every enum value of its params, quoted', () => {
    const values = entries.filter((e) => e.kind === 'value');
    const expected = Object.values(versions.params).flatMap((p) => (p.enum ?? []).map((v) => `'${v}'`));
    expect(values.map((v) => v.insertText)).toEqual(expected);
    expect(values).toContainEqual(
      expect.objectContaining({ insertText: "'container'", detail: 'package_type value' }),
    );
    expect(values).toContainEqual(
      expect.objectContaining({ insertText: "'deleted'", detail: 'state value' }),
    );
  });

  it('offers the JSON functions with a call on the object column', () => {
    expect(labels(entries, 'function')).toEqual(expect.arrayContaining([...JSON_FUNCTIONS]));
    expect(entries.find((e) => e.label === 'json_extract')?.insertText).toBe("json_extract(metadata, '$')");
  });

  it("offers every SQLite function and aggregate the engine computes, and StackQL's split_part", () => {
    const offered = labels(entries, 'function');
    const internal = (name: string) => name.startsWith('scalar_') || name === 'glob';
    for (const name of new Set(SQLITE_FUNCTIONS.values()))
      if (!internal(name)) expect(offered).toContain(name);
    for (const name of SQLITE_AGGREGATES.keys()) expect(offered).toContain(name);
    expect(entries.find((e) => e.label === 'strftime')?.detail).toContain(
      'strftime(format, time, modifier…)',
    );
  });

  it('offers keywords, including the StackQL statements and JOIN', () => {
    expect(labels(entries, 'keyword')).toEqual(
      expect.arrayContaining([
        'SELECT',
        'WHERE',
        'ORDER BY',
        'LIMIT',
        'DELETE FROM',
        'EXEC',
        'SHOW METHODS IN',
        'DESCRIBE',
        'JOIN',
        'LEFT JOIN',
        'ON',
      ]),
    );
  });

  it('has no duplicate labels within a kind', () => {
    for (const kind of ['resource', 'alias', 'field', 'param', 'value', 'method', 'keyword', 'function']) {
      const l = labels(entries, kind);
      expect(new Set(l).size, kind).toBe(l.length);
    }
  });

  it('knows the table of a DELETE', () => {
    const del = complete("DELETE FROM github.packages.org_versions WHERE org = 'acme' AND |");
    expect(labels(del, 'param')).toContain('package_version_id');
    expect(labels(del, 'field')).toEqual(versions.fields.map((f) => f.name));
  });

  it('reads only the statement the cursor is in', () => {
    const two = complete(
      'SELECT name FROM github.packages.org_packages;\nSELECT | FROM github.packages.org_versions',
    );
    expect(labels(two, 'field')).toEqual(versions.fields.map((f) => f.name));
    const first = complete(
      'SELECT | FROM github.packages.org_packages; SELECT 1 FROM github.packages.org_versions',
    );
    expect(labels(first, 'field')).toEqual(packages.fields.map((f) => f.name));
  });
});

describe('completions of names', () => {
  it('offers every resource id (and service) where no table is named yet, and every column once', () => {
    const entries = complete('SELECT package_ht|');
    expect(labels(entries, 'resource')).toEqual([
      ...CATALOGUE.map((r) => r.id),
      'github.packages',
      'github.repos',
    ]);
    expect(labels(entries, 'field')).toContain('package_html_url');
    expect(labels(entries, 'field')).toContain('version_count');
    expect(new Set(labels(entries, 'field')).size).toBe(labels(entries, 'field').length);
  });

  it('offers resource ids after FROM, JOIN, DESCRIBE, DESCRIBE EXTENDED and SHOW METHODS IN', () => {
    for (const marked of [
      'SELECT * FROM |',
      'SELECT * FROM github.packages.org_packages p JOIN |',
      'DESCRIBE |',
      'DESCRIBE EXTENDED |',
      'SHOW METHODS IN |',
      'DELETE FROM |',
    ]) {
      expect(labels(complete(marked)), marked).toEqual(CATALOGUE.map((r) => r.id));
    }
  });

  it('offers services after SHOW RESOURCES IN and providers after SHOW SERVICES IN', () => {
    expect(labels(complete('SHOW RESOURCES IN |'))).toEqual(['github.packages', 'github.repos']);
    expect(labels(complete('SHOW SERVICES IN |'))).toEqual(['github']);
  });

  it('offers services after `github.` and a service’s resources after `github.packages.`', () => {
    expect(labels(complete('SELECT * FROM github.|'))).toEqual(['packages', 'repos']);
    expect(labels(complete('SELECT * FROM github.pa|'))).toEqual(['packages', 'repos']);
    const inPackages = complete('SELECT * FROM github.packages.|');
    expect(labels(inPackages)).toEqual(['org_packages', 'org_versions']);
    expect(inPackages[0]).toMatchObject({ insertText: 'org_packages', documentation: packages.summary });
    expect(labels(complete('SHOW METHODS IN github.repos.|'))).toEqual(['repos']);
    expect(complete('SELECT * FROM nowhere.|')).toEqual([]);
  });

  it('offers every EXEC method as `resource.method` after EXEC', () => {
    const entries = complete('EXEC |');
    const execs = CATALOGUE.flatMap((r) =>
      r.methods.filter((m) => m.sqlVerb === 'EXEC').map((m) => `${r.id}.${m.name}`),
    );
    expect(labels(entries)).toEqual(execs);
    expect(
      entries.find((e) => e.label === 'github.packages.org_versions.restore_package_version_for_org'),
    ).toMatchObject({
      kind: 'method',
      detail: 'EXEC · requires org, package_name, package_type, package_version_id',
    });
  });

  it('offers only that resource’s EXEC methods after `EXEC github.packages.<resource>.`', () => {
    expect(labels(complete('EXEC github.packages.org_packages.|'))).toEqual(['restore_package_for_org']);
    expect(labels(complete('EXEC github.packages.org_versions.rest|'))).toEqual([
      'restore_package_version_for_org',
    ]);
    expect(complete('EXEC github.packages.org_packages.|')[0]?.insertText).toBe('restore_package_for_org');
    // Outside an EXEC, a resource name has no fourth part.
    expect(complete('SELECT * FROM github.packages.org_packages.|')).toEqual([]);
  });

  it('offers the EXEC method’s params after `@`, required first', () => {
    const entries = complete("EXEC github.packages.org_packages.restore_package_for_org @org='acme', @|");
    expect(labels(entries)).toEqual(['org', 'package_type', 'package_name']);
    expect(entries[0]).toMatchObject({ kind: 'param', detail: 'required param · string' });
    const partial = complete('EXEC github.packages.org_versions.restore_package_version_for_org @package_|');
    expect(labels(partial)).toEqual(['org', 'package_name', 'package_type', 'package_version_id']);
    // A resource without a known method: all its params.
    expect(labels(complete('EXEC github.packages.org_packages.nope @|'))).toEqual(
      Object.keys(packages.params),
    );
    expect(complete('EXEC nothing.here @|')).toEqual([]);
  });

  it('offers allowed values inside a string, unquoted, for the column or @param before it', () => {
    const inString = (marked: string) => labels(complete(marked));
    expect(inString("SELECT * FROM github.packages.org_versions WHERE package_type = '|")).toEqual(
      versions.params.package_type?.enum,
    );
    expect(inString("SELECT * FROM github.packages.org_versions WHERE state IN ('active', 'd|')")).toEqual([
      'active',
      'deleted',
    ]);
    expect(inString("EXEC github.packages.org_packages.restore_package_for_org @package_type='|")).toEqual([
      'npm',
      'container',
    ]);
    expect(inString("SELECT * FROM github.packages.org_packages p WHERE p.visibility = '|")).toEqual([
      'public',
      'private',
      'internal',
    ]);
    expect(inString("SELECT * FROM github.packages.org_versions WHERE name = '|")).toEqual([]);
    expect(inString("SELECT * FROM github.packages.org_versions WHERE package_type = 'npm' AND |")).toContain(
      'state',
    );
  });
});

describe('completions with aliases and JOINs', () => {
  const JOIN =
    'SELECT | FROM github.packages.org_packages p JOIN github.packages.org_versions AS v ON v.package_name = p.name';

  it('completes a table’s fields and params after its alias, wherever the alias is defined', () => {
    const p = complete('SELECT p.| FROM github.packages.org_packages p');
    expect(labels(p, 'field')).toEqual(packages.fields.map((f) => f.name));
    expect(labels(p, 'param')).toEqual(Object.keys(packages.params));
    expect(labels(p, 'keyword')).toEqual([]);
    expect(labels(complete('SELECT P.ver| FROM github.packages.org_packages p'), 'field')).toContain(
      'version_count',
    );
    expect(labels(complete('SELECT v.| FROM github.packages.org_versions AS v'), 'field')).toEqual(
      versions.fields.map((f) => f.name),
    );
  });

  it('completes each table of a JOIN after its own alias, in ON and WHERE too', () => {
    const inOn = complete(
      'SELECT * FROM github.packages.org_packages p JOIN github.packages.org_versions v ON v.| = p.name',
    );
    expect(labels(inOn, 'field')).toEqual(versions.fields.map((f) => f.name));
    const inWhere = complete(
      'SELECT * FROM github.packages.org_packages p LEFT JOIN github.packages.org_versions v ON v.package_name = p.name WHERE p.|',
    );
    expect(labels(inWhere, 'field')).toEqual(packages.fields.map((f) => f.name));
  });

  it('a table without an alias is qualified by its resource name', () => {
    expect(labels(complete('SELECT org_packages.| FROM github.packages.org_packages'), 'field')).toEqual(
      packages.fields.map((f) => f.name),
    );
    expect(complete('SELECT q.| FROM github.packages.org_packages p')).toEqual([]);
  });

  it('offers both tables’ aliases and columns (each name once) elsewhere in a JOIN', () => {
    const entries = complete(JOIN);
    expect(entries.filter((e) => e.kind === 'alias')).toEqual([
      expect.objectContaining({ label: 'p', detail: 'alias of github.packages.org_packages' }),
      expect.objectContaining({ label: 'v', detail: 'alias of github.packages.org_versions' }),
    ]);
    const fields = labels(entries, 'field');
    expect(fields).toEqual(expect.arrayContaining(['version_count', 'metadata', 'package_html_url', 'name']));
    expect(new Set(fields).size).toBe(fields.length);
    // Aliases come first: the editor keeps this order.
    expect(entries[0]?.kind).toBe('alias');
  });

  it('does not take a keyword for an alias', () => {
    const ctx = cursorContext(
      ...at("SELECT | FROM github.packages.org_versions WHERE org = 'acme'"),
      CATALOGUE,
    );
    expect(ctx).toMatchObject({ kind: 'general', tables: [{ resource: versions }] });
    expect(ctx.kind === 'general' && ctx.tables[0]?.alias).toBeUndefined();
    const joined = cursorContext(
      ...at('SELECT | FROM github.packages.org_packages JOIN github.packages.org_versions ON 1'),
      CATALOGUE,
    );
    expect(joined.kind === 'general' && joined.tables.map((t) => t.alias)).toEqual([undefined, undefined]);
  });
});

describe('completions stay pure and quick on odd text', () => {
  it('never throws, inside comments, quoted names and unfinished text', () => {
    for (const marked of [
      '|',
      ' |',
      "'|",
      '"|',
      '-- a comment |',
      '/* open |',
      'SELECT [p.|',
      '@|',
      '.|',
      'FROM github..|',
      ';|;',
      'SELECT "x".|',
    ]) {
      expect(() => complete(marked), marked).not.toThrow();
    }
    expect(complete('SELECT "quoted |')).toEqual([]);
  });

  it('answers a 20,000-character statement in well under a keystroke', () => {
    const long = `SELECT | FROM github.packages.org_versions WHERE org = 'acme' AND ${"name = 'x' OR ".repeat(1_400)}1 = 1`;
    const start = performance.now();
    for (let i = 0; i < 10; i++) complete(long);
    expect((performance.now() - start) / 10).toBeLessThan(50);
  });
});

describe('completions over the real catalogue', () => {
  it('lists every resource of every service after `provider.service.`', () => {
    const services = [...new Set(allResources().map((r) => `${r.provider}.${r.service}`))];
    for (const service of services) {
      const names = allResources()
        .filter((r) => `${r.provider}.${r.service}` === service)
        .map((r) => r.name);
      expect(labels(completionsAt(...at(`SELECT * FROM ${service}.|`), allResources()))).toEqual(names);
    }
  });

  it('completes every resource’s fields and params after its alias, and its EXEC methods', () => {
    for (const r of allResources()) {
      const entries = completionsAt(...at(`SELECT t.| FROM ${r.id} t`), allResources());
      expect(labels(entries, 'field'), r.id).toEqual(r.fields.map((f) => f.name));
      expect(labels(entries, 'param').sort(), r.id).toEqual(Object.keys(r.params).sort());
      const execs = r.methods.filter((m) => m.sqlVerb === 'EXEC').map((m) => m.name);
      expect(labels(completionsAt(...at(`EXEC ${r.id}.|`), allResources())), r.id).toEqual(execs);
    }
  });

  it('follows the catalogue it is given (no hand-written list)', () => {
    expect(labels(complete('SELECT * FROM github.|', [other]))).toEqual(['repos']);
    expect(labels(complete('SELECT x.| FROM github.repos.repos x', [other]), 'field')).toEqual(
      other.fields.map((f) => f.name),
    );
  });
});
