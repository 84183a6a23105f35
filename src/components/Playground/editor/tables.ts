import type { ResourceDef } from '@site/src/resources/types';
import { isWord, type ScanToken } from './scan';

/** A resource a statement names after FROM or JOIN, and what the statement calls it. */
export interface TableRef {
  readonly resource: ResourceDef;
  /** `p` in `FROM github.packages.org_packages p` (or `AS p`); undefined when none is given. */
  readonly alias?: string;
}

/** Words that end a table reference rather than name it (`FROM x WHERE`, `FROM x JOIN`). */
const NOT_ALIASES: ReadonlySet<string> = new Set([
  'WHERE',
  'JOIN',
  'LEFT',
  'RIGHT',
  'INNER',
  'OUTER',
  'FULL',
  'CROSS',
  'ON',
  'USING',
  'ORDER',
  'GROUP',
  'HAVING',
  'LIMIT',
  'OFFSET',
  'UNION',
  'SELECT',
  'FROM',
]);

/**
 * The dotted name starting at token `k` (`github . packages . org_versions`): its parts and the index
 * just past it. Parts must touch (no space around the dots), as in a name the planner accepts.
 */
export function dottedNameAt(
  tokens: readonly ScanToken[],
  k: number,
): { parts: string[]; next: number } | undefined {
  const first = tokens[k];
  if (first?.kind !== 'word' && first?.kind !== 'quoted') return undefined;
  const parts = [first.value];
  let j = k + 1;
  for (;;) {
    const dot = tokens[j];
    const part = tokens[j + 1];
    const prev = tokens[j - 1];
    if (dot?.kind !== 'punct' || dot.value !== '.' || prev?.end !== dot.start) break;
    if ((part?.kind !== 'word' && part?.kind !== 'quoted') || part.start !== dot.end) break;
    parts.push(part.value);
    j += 2;
  }
  return { parts, next: j };
}

/** The catalogue's resource with these three parts (any case), or undefined. */
export function resourceOf(
  resources: readonly ResourceDef[],
  parts: readonly string[],
): ResourceDef | undefined {
  if (parts.length < 3) return undefined;
  const id = parts.slice(0, 3).join('.').toLowerCase();
  return resources.find((r) => r.id === id);
}

/**
 * Every known resource the statement reads or writes after FROM or JOIN, in order, with its alias.
 * The whole statement counts, not only the text before the cursor: `SELECT p.| FROM … p` knows `p`.
 */
export function tableRefs(statement: readonly ScanToken[], resources: readonly ResourceDef[]): TableRef[] {
  const refs: TableRef[] = [];
  for (let k = 0; k < statement.length; k++) {
    if (!isWord(statement[k], 'FROM') && !isWord(statement[k], 'JOIN')) continue;
    const name = dottedNameAt(statement, k + 1);
    const resource = name && resourceOf(resources, name.parts);
    if (!name || !resource || name.parts.length !== 3) continue;
    let j = name.next;
    if (isWord(statement[j], 'AS')) j++;
    const alias = statement[j];
    const named = alias?.kind === 'word' && !NOT_ALIASES.has(alias.value.toUpperCase());
    refs.push(named ? { resource, alias: alias.value } : { resource });
  }
  return refs;
}

/**
 * The table a qualifier names: an alias (case as SQL compares it: any), or, for a table without one,
 * its resource name (`org_versions.name`).
 */
export function tableNamed(refs: readonly TableRef[], qualifier: string): TableRef | undefined {
  const wanted = qualifier.toLowerCase();
  return (
    refs.find((r) => r.alias?.toLowerCase() === wanted) ??
    refs.find((r) => r.alias === undefined && r.resource.name === wanted)
  );
}
