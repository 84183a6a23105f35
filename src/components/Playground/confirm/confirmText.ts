import type { WriteTarget } from '../run/writes';

/**
 * The dialog's question, from the action of each request it lists: `Delete 2 package versions?`, or
 * `Delete 1 and restore 1 package versions?` when the requests differ.
 */
export function confirmTitle(targets: readonly WriteTarget[]): string {
  if (targets.length === 0) return 'No package versions to change.';
  const counts = new Map<string, number>();
  for (const t of targets) counts.set(t.action.verb, (counts.get(t.action.verb) ?? 0) + 1);
  const parts = [...counts].map(([verb, n], i) => `${i === 0 ? verb : verb.toLowerCase()} ${n}`);
  const noun = targets.length === 1 ? 'package version' : 'package versions';
  return `${parts.join(' and ')} ${noun}?`;
}

/** The action and version of one listed request: `Delete version 123`. */
export function targetLabel(target: WriteTarget): string {
  return `${target.action.verb} version ${String(target.id)}`;
}
