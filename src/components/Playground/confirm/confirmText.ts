import type { WriteSubject, WriteTarget } from '../run/writes';

const NOUNS: Readonly<Record<WriteSubject, readonly [one: string, many: string]>> = {
  version: ['package version', 'package versions'],
  package: ['package', 'packages'],
};

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * The dialog's question, from the action and subject of each request it lists: `Delete 2 package
 * versions?`, `Delete 1 and restore 1 package versions?`, `Restore 1 package?`, and each subject
 * apart when they differ (`Delete 1 package and delete 2 package versions?`).
 */
export function confirmTitle(targets: readonly WriteTarget[]): string {
  if (targets.length === 0) return 'Nothing to change.';
  const subjects = [...new Set(targets.map((t) => t.subject))];
  const groups = subjects.map((subject) => {
    const mine = targets.filter((t) => t.subject === subject);
    const counts = new Map<string, number>();
    for (const t of mine) counts.set(t.action.verb, (counts.get(t.action.verb) ?? 0) + 1);
    const parts = [...counts].map(([verb, n]) => `${verb.toLowerCase()} ${n}`);
    const [one, many] = NOUNS[subject];
    return `${parts.join(' and ')} ${mine.length === 1 ? one : many}`;
  });
  const text = groups.join(' and ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}?`;
}

/**
 * What one request touches, in words: `version 123`, `the package npm hello-world and its 7 versions`.
 * A package's versions are counted from its looked-up row; a deleted package cannot be looked up
 * (GitHub answers 404 until it is restored), which is said instead of a count.
 */
export function subjectText(target: WriteTarget): string {
  if (target.subject === 'version') return `version ${String(target.id)}`;
  const pkg = `the package ${target.packageType ?? ''} ${target.name ?? String(target.id)}`.replace(
    '  ',
    ' ',
  );
  if (target.versionCount !== undefined)
    return `${pkg} and its ${plural(target.versionCount, 'version', 'versions')}`;
  if (target.hidden === true) return pkg;
  return `${pkg} and all its versions`;
}

/** The action and subject of one listed request: `Delete version 123`, `Delete the package npm x and its 2 versions`. */
export function targetLabel(target: WriteTarget): string {
  const hidden =
    target.hidden !== true
      ? ''
      : target.subject === 'package'
        ? ' (deleted packages are not visible until restored, so its versions cannot be counted yet)'
        : ' (not visible until restored)';
  return `${target.action.verb} ${subjectText(target)}${hidden}`;
}
