import type { ExampleQuery, ResourceDef } from '@site/src/resources/types';

/**
 * The example that reaches `method`: the catalogue lists one per method first, in method order, then
 * extras (JOINs) that name their left table's method, so the first match is the method's own.
 */
export function methodExample(
  resource: Pick<ResourceDef, 'examples'>,
  method: string,
): ExampleQuery | undefined {
  return resource.examples.find((e) => e.method === method);
}

/**
 * Heading ids of a resource's examples, in example order: `example-<method>` for a method's own
 * example, `example-<method>-2`, `-3`… for the extras that name the same method, so ids stay unique
 * and a method's own example keeps a stable anchor.
 */
export function exampleIds(examples: readonly Pick<ExampleQuery, 'method'>[]): string[] {
  const seen = new Map<string, number>();
  return examples.map(({ method }) => {
    const n = (seen.get(method) ?? 0) + 1;
    seen.set(method, n);
    return n === 1 ? `example-${method}` : `example-${method}-${n}`;
  });
}
