import { describe, expect, it } from 'vitest';
import { statementScopes } from '../../../src/components/Playground/settings/statementScopes';

describe("the token hint names what the editor's statement needs", () => {
  it('a SELECT: its method and its scopes, from the catalogue', () => {
    expect(
      statementScopes(
        "SELECT id FROM github.packages.org_versions WHERE org = 'acme' AND package_name = 'web' AND package_type = 'npm'",
      ),
    ).toEqual({
      methods: ['github.packages.org_versions.get_all_package_versions_for_package_owned_by_org'],
      scopes: ['read:packages'],
    });
  });

  it('a DELETE: every scope its method lists', () => {
    const needs = statementScopes(
      "DELETE FROM github.packages.org_versions WHERE org = 'acme' AND package_name = 'web' AND package_type = 'npm' AND package_version_id = 1",
    );
    expect(needs?.scopes).toContain('delete:packages');
  });

  it('a JOIN: both tables’ methods', () => {
    const needs = statementScopes(`SELECT p.name FROM github.packages.org_packages p
      JOIN github.packages.org_versions v ON v.package_name = p.name AND v.package_type = p.package_type
      WHERE p.org = 'acme' AND p.package_type = 'npm' AND v.org = 'acme'`);
    expect(needs?.methods).toHaveLength(2);
  });

  it('nothing for what calls no method or does not plan', () => {
    expect(statementScopes('SHOW SERVICES IN github')).toBeUndefined();
    expect(statementScopes('SELEC x')).toBeUndefined();
  });
});
