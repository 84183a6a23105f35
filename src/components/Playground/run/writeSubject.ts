import { plural, rowNoun, singular, type ApiCall, type ParamValue } from '@site/src/resources/calls';
import { allResources } from '@site/src/resources/registry';
import type { MethodDef, ResourceDef } from '@site/src/resources/types';

/**
 * What one write request touches, in words, read from the catalogue: the request's path names it (the
 * segment before its last path params, and their values; for a DELETE, the segments after them are
 * the part of it that goes), the row schema of the resource that reads it names its kind, and a list
 * one level under it in the same service, whose count its row holds, is what goes with it. So `DELETE
 * /orgs/acme/packages/container/web%2Ffrontend` reads as "the package container web/frontend and its
 * 12 versions", and `DELETE /repos/acme/web/subscription` as "the subscription of the repo acme web",
 * with no list of resources in code.
 */
export interface WriteSubject {
  /** What the dialog's title counts: `package version`, `package`, `workflow run`. */
  readonly noun: string;
  /** The title's plural of `noun`. */
  readonly nouns: string;
  /**
   * What each line calls it, from its path: `version`, `package`, `run` (one of a collection, so "the
   * package …"); a word that names no collection (`following`, `starred`) is said as it is.
   */
  readonly short: string;
  /** Whether `short` is one of a collection (its path segment is a plural: `packages`). */
  readonly ofCollection: boolean;
  /** The path params that name it, in path order: `['container', 'web/frontend']`, `[81005383]`. */
  readonly key: readonly ParamValue[];
  /**
   * For a DELETE of something under it (`…/{repo}/subscription`, `…/{issue_number}/labels`): that
   * part, in words (`subscription`, `labels`). What goes is then only that part.
   */
  readonly part?: string;
  /**
   * The rows that go with it (`versions`), when the service lists them under its path and its row
   * counts them (`version_count`): the field the count is read from.
   */
  readonly children?: { readonly name: string; readonly countField: string };
}

const isParam = (segment: string | undefined): boolean => /^\{\w+\}$/.test(segment ?? '');

/**
 * A path's segment before its last path params, those params, and the segments after them (an action,
 * `/restore`, `/rerun`; or a part, `/subscription`).
 */
function pathParts(path: string): { literal?: string; params: string[]; tail: string[] } {
  const segments = path.split('/').filter((s) => s !== '');
  let end = segments.length;
  while (end > 0 && !isParam(segments[end - 1])) end--;
  // No path param at all (`/markdown`): the last segment names it.
  if (end === 0) return { literal: segments[segments.length - 1], params: [], tail: [] };
  const params: string[] = [];
  let i = end - 1;
  for (; i >= 0 && isParam(segments[i]); i--) params.unshift((segments[i] ?? '').slice(1, -1));
  return { literal: segments[i], params, tail: segments.slice(end) };
}

const words = (segment: string): string => segment.replaceAll(/[-_]/g, ' ');
const lastWord = (text: string): string | undefined => text.split(' ').at(-1);

/**
 * The subject of a write: `method` of the call, `reader` the resource whose rows it touches (the
 * lookup's, else the call's own).
 */
export function writeSubjectOf(method: MethodDef, call: ApiCall, reader: ResourceDef): WriteSubject {
  const { literal, params, tail } = pathParts(method.http.path);
  const one = literal === undefined ? undefined : singular(literal);
  const ofCollection = one !== undefined && one !== literal;
  const short = words(one ?? '') || rowNoun(reader);
  // The reader's row schema names the kind best (`package version`), when it is of the same kind.
  const named = /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(reader.rowSchema) ? rowNoun(reader) : undefined;
  const noun = !ofCollection
    ? (named ?? rowNoun(reader))
    : named !== undefined && lastWord(named) === lastWord(short)
      ? named
      : short;
  const key = params.flatMap((p) => (call.params[p] === undefined ? [] : [call.params[p]]));
  // Only a DELETE removes what its tail names; other requests act on the item (`…/rerun`, `…/restore`).
  const part = method.http.method === 'DELETE' && tail.length > 0 ? tail.map(words).join(' ') : undefined;
  const children = part === undefined && ofCollection ? childrenOf(method, reader, short) : undefined;
  return {
    noun,
    nouns: plural(noun),
    short,
    ofCollection,
    key,
    ...(part === undefined ? {} : { part }),
    ...(children ? { children } : {}),
  };
}

/**
 * The rows that go with a write's subject: a list method of the same service one segment under the
 * subject's path, whose rows are the subject's own (their kind is named after it: `package version`
 * under a `package`), counted by a `<kind>_count` field of the subject's row (`version_count`). Rows
 * only linked to it (an invitation's teams) are of a kind of their own, so they are not said to go.
 */
function childrenOf(method: MethodDef, reader: ResourceDef, short: string): WriteSubject['children'] {
  const base = method.http.path.replace(/(\/\{\w+\})(?:\/[^{}/]+)+$/, '$1');
  for (const r of allResources()) {
    if (r.service !== reader.service) continue;
    for (const m of r.methods) {
      const child =
        m.sqlVerb === 'SELECT' && m.response === 'list' ? childSegment(base, m.http.path) : undefined;
      if (child === undefined) continue;
      const one = singular(child);
      const countField = `${one}_count`;
      if (rowNoun(r) === `${short} ${one}` && reader.fields.some((f) => f.name === countField))
        return { name: child, countField };
    }
  }
  return undefined;
}

/** `versions` when `path` is `base/versions`, else undefined. */
function childSegment(base: string, path: string): string | undefined {
  if (!path.startsWith(`${base}/`)) return undefined;
  const rest = path.slice(base.length + 1);
  return /^[\w-]+$/.test(rest) ? rest : undefined;
}

/** Whether every value of a key is a number (an id): `version 42`, not `the version 42`. */
export function isNumericKey(key: readonly ParamValue[]): boolean {
  return key.length > 0 && key.every((v) => typeof v === 'number' || /^\d+$/.test(v));
}
