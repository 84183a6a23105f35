import type { ExampleQuery, ResourceDef } from '@site/src/resources/types';
import type { ResultDisplay } from './chart/types';

/** The examples of one resource, as the toolbar's picker groups them. */
export interface ExampleGroup {
  readonly resource: ResourceDef;
  readonly examples: readonly ExampleQuery[];
}

/**
 * Every example of the catalogue, grouped by resource, the page's resource first: the catalogue's own
 * (one per method, then its extras such as JOINs), then `SHOW METHODS IN` and `DESCRIBE`, which every
 * resource answers without a request.
 */
export function exampleGroups(resources: readonly ResourceDef[], first?: ResourceDef): ExampleGroup[] {
  const ordered = first ? [first, ...resources.filter((r) => r.id !== first.id)] : resources;
  return ordered.map((resource) => ({
    resource,
    examples: [
      ...resource.examples,
      { title: `SHOW METHODS IN ${resource.name}`, method: 'show', sql: `SHOW METHODS IN ${resource.id};` },
      { title: `DESCRIBE ${resource.name}`, method: 'describe', sql: `DESCRIBE ${resource.id};` },
    ],
  }));
}

/** The value of an example's option: unique across groups, as titles need not be. */
export function exampleKey(group: ExampleGroup, index: number): string {
  return `${group.resource.id}#${String(index)}`;
}

/** The example an option value names, or undefined. */
export function exampleByKey(groups: readonly ExampleGroup[], key: string): ExampleQuery | undefined {
  const hash = key.lastIndexOf('#');
  const group = groups.find((g) => g.resource.id === key.slice(0, hash));
  return group?.examples[Number(key.slice(hash + 1))];
}

/** The view an example opens with: the Chart view (and its settings) for one whose answer is a picture. */
export function exampleDisplay(example: Pick<ExampleQuery, 'view' | 'chart'>): ResultDisplay | undefined {
  return example.view === 'chart' ? { view: 'chart', chart: { ...example.chart } } : undefined;
}
