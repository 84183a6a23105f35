import alasql from 'alasql';

import type { ParamValue } from '../resources/calls';
import type { AstNode } from '../sql/ast';
import { conjuncts, paramTerm } from '../sql/where';

/**
 * Which top-level AND-ed terms of a WHERE every dataset satisfies by construction. Each fetched row
 * carries its call's params, so `org = 'acme'` is true of every row of a call made with org 'acme':
 * checking it per row only costs time (a third of a simple query over 100,000 rows). A term is only
 * dropped when each dataset's own params satisfy it, so a page that sends other datasets still gets
 * the filtering the WHERE asks for.
 */
export function satisfiedTerms(
  where: AstNode | undefined,
  columns: ReadonlySet<string>,
  tables: ReadonlySet<string>,
  datasets: readonly Readonly<Record<string, ParamValue>>[],
): number[] {
  const out: number[] = [];
  conjuncts(where).forEach((term, i) => {
    const hit = paramTerm(term, columns, tables);
    if (
      hit &&
      datasets.every(
        (params) => params[hit.name] !== undefined && hit.values.includes(params[hit.name] ?? ''),
      )
    ) {
      out.push(i);
    }
  });
  return out;
}

type OpCtor = new (params: { left: unknown; op: string; right: unknown }) => AstNode;
const Op = (alasql as unknown as { yy: { Op: OpCtor } }).yy.Op;

/** Removes the given top-level AND-ed terms from a Select's WHERE (the whole WHERE if none remain). */
export function dropTerms(select: AstNode, drop: readonly number[]): void {
  if (drop.length === 0) return;
  const wrapper = select.where as AstNode | undefined;
  const kept = conjuncts(wrapper?.expression as AstNode | undefined).filter((_, i) => !drop.includes(i));
  const [first, ...rest] = kept;
  if (!wrapper || !first) {
    delete select.where;
    return;
  }
  wrapper.expression = rest.reduce<AstNode>((left, right) => new Op({ left, op: 'AND', right }), first);
}

type ExpressionCtor = new (params: { expression: unknown }) => AstNode;
const Expression = (alasql as unknown as { yy: { Expression: ExpressionCtor } }).yy.Expression;

/** Sets a Select's WHERE to the AND of `terms` (already checked nodes), or leaves it without one. */
export function andWhere(select: AstNode, terms: readonly AstNode[]): void {
  const [first, ...rest] = terms;
  if (!first) return;
  const expression = rest.reduce<AstNode>((left, right) => new Op({ left, op: 'AND', right }), first);
  select.where = new Expression({ expression });
}
