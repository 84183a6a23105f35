import type { ParamValue } from '../calls';
import type { ExampleQuery, ResourceDef } from '../types';
import { exampleSql } from './exampleSql';

/**
 * A service's sample-values file (`catalogue/<provider>/<service>.samples.json`): the param values its
 * examples use, chosen so every example runs on the built-in sample data, and the extras written by
 * hand. Values resolve most specific first: the method's, the resource's, the service's.
 */
export interface ServiceSamples {
  /** Values for every resource of the service, by param name. */
  readonly values: Readonly<Record<string, ParamValue>>;
  readonly resources?: Readonly<
    Record<
      string,
      {
        /** One sentence for the service page and completions; else the first operation's summary. */
        readonly summary?: string;
        readonly values?: Readonly<Record<string, ParamValue>>;
        /** Hand-written examples after the generated ones (JOINs). */
        readonly extras?: readonly ExampleQuery[];
      }
    >
  >;
  readonly methods?: Readonly<
    Record<
      string,
      {
        /** The example's heading; else the operation's summary. */
        readonly title?: string;
        /** `package_version_id` of a deleted version, for a restore. */
        readonly values?: Readonly<Record<string, ParamValue>>;
      }
    >
  >;
}

/** Narrows a parsed samples file; throws a TypeError naming the first thing out of shape. */
export function asServiceSamples(value: unknown): ServiceSamples {
  const v = value as Partial<ServiceSamples> | null;
  if (!v || typeof v !== 'object' || !v.values || typeof v.values !== 'object') {
    throw new TypeError('Not a samples file: expected an object with "values".');
  }
  for (const [name, r] of Object.entries(v.resources ?? {})) {
    for (const e of r.extras ?? []) {
      if (typeof e.title !== 'string' || typeof e.method !== 'string' || typeof e.sql !== 'string')
        throw new TypeError(`Samples file: an extra example of ${name} lacks title, method or sql.`);
      // Typed as ExampleQuery, but read from JSON: the view may be anything.
      const view: unknown = e.view;
      if (view !== undefined && view !== 'chart')
        throw new TypeError(`Samples file: an extra example of ${name} has an unknown view (only "chart").`);
    }
  }
  return v as ServiceSamples;
}

/**
 * One example per method in method order, with the sample values, then the resource's extras.
 * `titles` gives each method's fallback heading (the operation's summary).
 */
export function buildExamples(
  resource: Pick<ResourceDef, 'id' | 'name' | 'fields' | 'methods'>,
  samples: ServiceSamples,
  titles: Readonly<Record<string, string>>,
): ExampleQuery[] {
  const forResource = samples.resources?.[resource.name];
  const generated = resource.methods.map((method) => {
    const forMethod = samples.methods?.[method.name];
    const values = { ...samples.values, ...forResource?.values, ...forMethod?.values };
    return {
      title: forMethod?.title ?? titles[method.name] ?? method.name,
      method: method.name,
      sql: exampleSql(resource, method, values),
    };
  });
  return [...generated, ...(forResource?.extras ?? [])];
}
