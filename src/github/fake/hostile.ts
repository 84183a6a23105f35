/**
 * Rows an attacker who can publish a package controls, for the security tests: each is valid against
 * the `package-version` schema (GitHub would serve it) yet tries to run script or spoof text when
 * rendered, linked or exported.
 */
import { packageUrls } from '../sample/dataset';
import type { PackageVersion } from '../types';

/** Ids of hostile rows start here, far from the sample ids, so tests can find them. */
export const HOSTILE_ID_BASE = 990_000_000;

/** The hostile rows for one package of the fake API. */
export function hostileVersions(org: string, type: string, name: string): PackageVersion[] {
  const urls = packageUrls(org, type, name);
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
