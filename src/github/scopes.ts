/**
 * Classic OAuth scopes and what each one grants. GitHub lists a token's scopes in `X-OAuth-Scopes`,
 * and a broader scope grants the narrower ones under it: a token with `repo` may call a method that
 * needs `public_repo`, one with `write:packages` a method that needs `read:packages`. From GitHub's
 * "Scopes for OAuth apps" table.
 */

/** Each scope that grants others, with the scopes it grants directly. */
const GRANTS: Readonly<Record<string, readonly string[]>> = {
  repo: ['repo:status', 'repo_deployment', 'public_repo', 'repo:invite', 'security_events'],
  'admin:repo_hook': ['write:repo_hook'],
  'write:repo_hook': ['read:repo_hook'],
  'admin:org': ['write:org', 'manage_runners:org'],
  'write:org': ['read:org'],
  'admin:public_key': ['write:public_key'],
  'write:public_key': ['read:public_key'],
  'admin:gpg_key': ['write:gpg_key'],
  'write:gpg_key': ['read:gpg_key'],
  'admin:ssh_signing_key': ['write:ssh_signing_key'],
  'write:ssh_signing_key': ['read:ssh_signing_key'],
  user: ['read:user', 'user:email', 'user:follow'],
  project: ['read:project'],
  'write:packages': ['read:packages'],
  codespace: ['codespace:secrets'],
  'admin:enterprise': ['manage_runners:enterprise', 'manage_billing:enterprise', 'read:enterprise'],
  audit_log: ['read:audit_log'],
};

/** A scopes header (`repo, read:org`) as a list; empty for a missing or empty header. */
export function splitScopes(header: string | null | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Every scope the given ones grant, themselves included. */
export function grantedScopes(scopes: readonly string[]): Set<string> {
  const granted = new Set<string>();
  const add = (scope: string): void => {
    if (granted.has(scope)) return;
    granted.add(scope);
    for (const narrower of GRANTS[scope] ?? []) add(narrower);
  };
  for (const scope of scopes) add(scope);
  return granted;
}

/** The scopes in `needed` that a token with `has` lacks, in `needed`'s order. */
export function missingScopes(needed: readonly string[], has: readonly string[]): string[] {
  const granted = grantedScopes(has);
  return [...new Set(needed)].filter((s) => !granted.has(s));
}
