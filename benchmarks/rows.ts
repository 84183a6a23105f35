/**
 * Realistic generated package versions for the engine benchmark: container image versions with
 * digests for names, timestamps over two years, 0–3 tags in metadata, a license on some. Seeded, so
 * every run measures the same data.
 */
import { mulberry32 } from '../src/github/sample/dataset';

export type BenchRow = Record<string, unknown> & {
  readonly id: number;
  readonly name: string;
  readonly created_at: string;
  readonly license: string | null;
  readonly metadata: {
    readonly package_type: string;
    readonly container: { readonly tags: readonly string[] };
  };
};

const LICENSES = ['MIT', 'Apache-2.0', 'BSD-3-Clause', null, null];
const TAGS = ['latest', 'stable', 'nightly', 'edge', 'lts'];

export function generateRows(count: number, seed = 42): BenchRow[] {
  const rand = mulberry32(seed);
  const start = Date.UTC(2023, 0, 1);
  const span = 2 * 365 * 24 * 3600 * 1000;
  const rows: BenchRow[] = [];
  for (let i = 0; i < count; i++) {
    const id = 1_000_000 + i;
    const created = new Date(start + Math.floor(rand() * span)).toISOString().replace(/\.\d+Z$/, 'Z');
    const digest = Math.floor(rand() * 0xffffffff)
      .toString(16)
      .padStart(8, '0');
    const tagCount = Math.floor(rand() * 4);
    const tags = Array.from({ length: tagCount }, (_, k) =>
      k === 0 ? `v${Math.floor(rand() * 5)}.${i % 20}.0` : (TAGS[Math.floor(rand() * TAGS.length)] ?? 'x'),
    );
    rows.push({
      id,
      name: `sha256:${digest}`,
      url: `https://api.github.com/orgs/acme/packages/container/web/versions/${id}`,
      package_html_url: 'https://github.com/orgs/acme/packages/container/package/web',
      created_at: created,
      updated_at: created,
      html_url: `https://github.com/orgs/acme/packages/container/web/${id}`,
      license: LICENSES[Math.floor(rand() * LICENSES.length)] ?? null,
      metadata: { package_type: 'container', container: { tags } },
    });
  }
  return rows;
}
