import type { Row } from '@site/src/github';
import { plural } from '@site/src/resources/calls';
import type { WriteTarget } from '../run/writes';
import { isNumericKey } from '../run/writeSubject';

/** How much of a response an outcome quotes: enough to read an id or a state, not a whole document. */
const PREVIEW_CHARS = 300;

/**
 * The dialog's question, from the action and subject of each request it lists: `Delete 2 package
 * versions?`, `Delete 1 and restore 1 package versions?`, `Restore 1 package?`, `Run
 * re_run_workflow on 1 workflow run?`, `Delete the subscription of 1 repo?`, and each subject apart
 * when they differ (`Delete 1 package and delete 2 package versions?`).
 */
export function confirmTitle(targets: readonly WriteTarget[]): string {
  if (targets.length === 0) return 'Nothing to change.';
  const groupOf = (t: WriteTarget) => `${t.subject.part ?? ''}|${t.subject.noun}`;
  const groups = [...new Set(targets.map(groupOf))].map((group) => {
    const mine = targets.filter((t) => groupOf(t) === group);
    const first = mine[0]?.subject;
    const nouns = mine.length === 1 ? (first?.noun ?? '') : (first?.nouns ?? '');
    const counts = new Map<string, number>();
    for (const t of mine) counts.set(t.action.verb, (counts.get(t.action.verb) ?? 0) + 1);
    if (first?.part !== undefined) {
      const verbs = [...counts.keys()].map(lowerFirst).join(' and ');
      return `${verbs} the ${first.part} of ${String(mine.length)} ${nouns}`;
    }
    const parts = [...counts].map(([verb, n]) => `${lowerFirst(verb)} ${String(n)}`);
    return `${parts.join(' and ')} ${nouns}`;
  });
  const text = groups.join(' and ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}?`;
}

function lowerFirst(text: string): string {
  return `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

/** The item a request names: `version 123`, `the package npm x`, `following octocat`, `the org`. */
function itemText(subject: WriteTarget['subject']): string {
  const { short, key, ofCollection } = subject;
  if (key.length === 0) return `the ${short}`;
  const values = `${short} ${key.map(String).join(' ')}`;
  return ofCollection && !isNumericKey(key) ? `the ${values}` : values;
}

/**
 * What one request touches, in words: `version 123`, `run 42`, `the package npm hello-world and its 7
 * versions`, `the repo acme hello`, `the subscription of the repo acme hello`. What goes with it is
 * counted from its looked-up row; a deleted package cannot be looked up (GitHub answers 404 until it is
 * restored), which is said instead of a count.
 */
export function subjectText(target: WriteTarget): string {
  const { part, children } = target.subject;
  const base = part === undefined ? itemText(target.subject) : `the ${part} of ${itemText(target.subject)}`;
  if (!children) return base;
  if (target.count !== undefined) {
    const one = children.countField.replace(/_count$/, '');
    return `${base} and its ${String(target.count)} ${target.count === 1 ? one : children.name}`;
  }
  if (target.hidden === true) return base;
  return `${base} and all its ${children.name}`;
}

/** The action and subject of one listed request: `Delete version 123`, `Delete the package npm x and its 2 versions`. */
export function targetLabel(target: WriteTarget): string {
  const { children, short } = target.subject;
  const hidden =
    target.hidden !== true
      ? ''
      : children
        ? ` (deleted ${plural(short)} are not visible until restored, so its ${children.name} cannot be counted yet)`
        : ' (not visible until restored)';
  return `${target.action.verb} ${subjectText(target)}${hidden}`;
}

/**
 * What a confirmed request did: `Deleted version 123.`, `Ran re_run_workflow on run 42.`, and what
 * GitHub answered when it answered with rows (a created or changed object), cut short, or the client's
 * note on why there were none.
 */
export function outcomeText(target: WriteTarget, rows: readonly Row[], note?: string): string {
  const done = `${target.action.done} ${subjectText(target)}.`;
  if (rows.length === 0) return note === undefined ? done : `${done} ${note}`;
  const json = JSON.stringify(rows.length === 1 ? rows[0] : rows);
  const preview = json.length > PREVIEW_CHARS ? `${json.slice(0, PREVIEW_CHARS)}…` : json;
  return `${done} GitHub answered ${preview}`;
}

/** `a classic token with “repo” and “workflow”`, or what to say when GitHub documents no scope. */
export function scopesText(scopes: readonly string[]): string {
  if (scopes.length === 0) return 'a token that may make them (GitHub documents no classic scope for them)';
  return `a classic token with ${scopes.map((s) => `“${s}”`).join(' and ')}`;
}
