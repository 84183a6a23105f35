/**
 * The classic OAuth / personal-access-token scopes GitHub defines
 * (https://docs.github.com/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps). GitHub's
 * descriptions put scopes and fine-grained permissions (`actions:read`, `organization_hooks:write`) in
 * the same backticks, so only these names count as scopes.
 */
const CLASSIC_SCOPES: ReadonlySet<string> = new Set([
  'repo',
  'repo:status',
  'repo_deployment',
  'public_repo',
  'repo:invite',
  'security_events',
  'admin:repo_hook',
  'write:repo_hook',
  'read:repo_hook',
  'admin:org',
  'write:org',
  'read:org',
  'admin:public_key',
  'write:public_key',
  'read:public_key',
  'admin:org_hook',
  'gist',
  'notifications',
  'user',
  'read:user',
  'user:email',
  'user:follow',
  'project',
  'read:project',
  'delete_repo',
  'write:packages',
  'read:packages',
  'delete:packages',
  'admin:gpg_key',
  'write:gpg_key',
  'read:gpg_key',
  'codespace',
  'codespace:secrets',
  'workflow',
  'admin:enterprise',
  'manage_runners:enterprise',
  'manage_runners:org',
  'manage_billing:enterprise',
  'read:enterprise',
  'audit_log',
  'read:audit_log',
  'copilot',
  'manage_billing:copilot',
  'admin:ssh_signing_key',
  'write:ssh_signing_key',
  'read:ssh_signing_key',
  'write:discussion',
  'read:discussion',
  'site_admin',
]);

/**
 * A sentence that names a scope only as needed in some cases besides the ones it needs ("… the `repo`
 * scope is also required", "your token must also include the `repo` scope", "the token can use the
 * `public_repo` scope instead"): not a scope the method needs.
 */
const CONDITIONAL = /\b(also|instead)\b/;

/**
 * Classic token scopes a method's descriptions name: backticked scope names in sentences about scopes
 * (`need the \`repo\` scope`, `the \`read:packages\` and \`delete:packages\` scopes`), in order of first
 * mention, leaving out the conditional ones.
 */
export function scopesIn(...descriptions: readonly string[]): string[] {
  const sentences = descriptions.flatMap((d) => d.split(/(?<=[.!?:])\s+|<br \/>|\n/));
  const found = sentences
    .filter((s) => /\bscopes?\b/.test(s) && !CONDITIONAL.test(s))
    .flatMap((s) => [...s.matchAll(/`([a-z_:]+)`/g)].map((m) => m[1] ?? ''))
    .filter((name) => CLASSIC_SCOPES.has(name));
  return [...new Set(found)];
}
