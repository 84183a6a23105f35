/**
 * Rows an attacker who can publish a package controls, for the security tests: each is valid against
 * the `package-version` schema (GitHub would serve it) yet tries to run script or spoof text when
 * rendered, linked or exported.
 */
import { simpleUser } from '../sample/accounts';
import type { FakeOwner, OwnerKind } from '../sample/model';
import { packageUrls } from '../sample/versions';
import type { Package, PackageVersion } from '../types';

/** Ids of hostile rows start here, far from the sample ids, so tests can find them. */
export const HOSTILE_ID_BASE = 990_000_000;

/** How many hostile versions `hostileVersions` gives. */
export const HOSTILE_VERSION_COUNT = 7;

/** The hostile rows for one package of the fake API. */
export function hostileVersions(
  owner: string,
  type: string,
  name: string,
  kind: OwnerKind = 'Organization',
): PackageVersion[] {
  const urls = packageUrls(owner, type, name, kind);
  const at = '2024-06-01T12:00:00Z';
  const row = (n: number, fields: Partial<PackageVersion>): PackageVersion => ({
    id: HOSTILE_ID_BASE + n,
    name: `hostile-${n}`,
    url: `${urls.api}/versions/${HOSTILE_ID_BASE + n}`,
    package_html_url: urls.html,
    html_url: `${urls.htmlBase}/${HOSTILE_ID_BASE + n}`,
    created_at: at,
    updated_at: at,
    metadata: { package_type: type, ...(type === 'container' ? { container: { tags: [] } } : {}) },
    ...fields,
  });
  return [
    row(1, { name: '<img src=x onerror=alert(1)>' }),
    row(2, { html_url: 'javascript:alert(1)' }),
    row(3, {
      html_url: ' JaVaScRiPt:alert(1)',
      package_html_url: 'data:text/html,<script>alert(1)</script>',
    }),
    row(4, { description: '<script>alert(1)</script><b onmouseover="alert(1)">bold</b>' }),
    row(5, { name: 'A'.repeat(10 * 1024) }),
    row(6, { name: '\u202Egnp.exe', description: 'right-to-left override \u202Etxt.exe\u202C end' }),
    row(7, {
      name: '=HYPERLINK("https://evil.example","click")',
      metadata: { package_type: type, container: { tags: ["=cmd|' /C calc'!A0", '+1+1', '@SUM(1)'] } },
    }),
  ];
}

/**
 * Hostile package rows for an owner's package lists (valid against the `package` schema): a name that
 * is markup, a `javascript:` link, a right-to-left override. Listed with whatever type was asked for;
 * each lists the hostile versions (so a JOIN over them reaches real, hostile rows).
 */
export function hostilePackages(owner: FakeOwner, type: string): Package[] {
  const at = '2024-06-01T12:00:00Z';
  const row = (n: number, name: string, fields: Partial<Package> = {}): Package => {
    const urls = packageUrls(owner.login, type, name, owner.kind);
    return {
      id: HOSTILE_ID_BASE + n,
      name,
      package_type: type,
      owner: simpleUser(owner),
      version_count: HOSTILE_VERSION_COUNT,
      visibility: 'public',
      url: urls.api,
      created_at: at,
      updated_at: at,
      html_url: urls.html,
      repository: null,
      ...fields,
    };
  };
  return [
    row(11, '<img src=x onerror=alert(1)>'),
    row(12, 'hostile-link', { html_url: 'javascript:alert(1)' }),
    row(13, '\u202Egnp.exe'),
    row(14, '=HYPERLINK("https://evil.example","click")'),
  ];
}
