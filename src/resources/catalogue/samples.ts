import type { ParamValue } from '../calls';
import type { ExampleQuery, MethodDef, ResourceDef } from '../types';
import { exampleSql } from './exampleSql';
import type { PageMethod } from './parsePage';

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
        /**
         * Methods of the provider the resource page leaves out ("No additional methods available"),
         * though the service summary counts them: rows as the page would have them.
         */
        readonly unlistedMethods?: readonly PageMethod[];
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
    for (const m of r.unlistedMethods ?? [])
      if (typeof m.name !== 'string' || typeof m.sqlVerb !== 'string' || !Array.isArray(m.requiredParams))
        throw new TypeError(`Samples file: a method of ${name} lacks name, sqlVerb or requiredParams.`);
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

const scalar = (v: unknown): v is ParamValue => typeof v === 'string' || typeof v === 'number';

/**
 * Values a method's example can take from the resource's sample row, so it reads a row the sample
 * data has: a param named as a field of the row (`run_id` of a job), and the param that names one row
 * in an item's path (`…/runs/{run_id}` → the row's `id`; `{issue_number}` → its `number`).
 */
export function rowValues(
  row: Readonly<Record<string, unknown>> | undefined,
  method: Pick<MethodDef, 'requiredParams' | 'response' | 'http'>,
): Record<string, ParamValue> {
  if (!row) return {};
  const values: Record<string, ParamValue> = {};
  for (const p of method.requiredParams) {
    const v = row[p];
    if (scalar(v)) values[p] = v;
  }
  const last = /\{(\w+)\}$/.exec(method.http.path)?.[1];
  if (method.response === 'item' && last !== undefined && !(last in values)) {
    const key = last.endsWith('_id') ? 'id' : last.endsWith('_number') ? 'number' : undefined;
    const v = key === undefined ? undefined : row[key];
    if (scalar(v)) values[last] = v;
  }
  return values;
}

/**
 * One example per method in method order, with the sample values (the method's, the resource's, the
 * service's, else its sample row's), then the resource's extras. `titles` gives each method's fallback
 * heading (the operation's summary).
 */
export function buildExamples(
  resource: Pick<ResourceDef, 'id' | 'name' | 'fields' | 'methods' | 'sampleRow'>,
  samples: ServiceSamples,
  titles: Readonly<Record<string, string>>,
): ExampleQuery[] {
  const forResource = samples.resources?.[resource.name];
  const generated = resource.methods.map((method) => {
    const forMethod = samples.methods?.[method.name];
    const values = {
      ...rowValues(resource.sampleRow, method),
      ...samples.values,
      ...forResource?.values,
      ...forMethod?.values,
    };
    return {
      title: forMethod?.title ?? titles[method.name] ?? method.name,
      method: method.name,
      sql: exampleSql(resource, method, values),
    };
  });
  return [...generated, ...(forResource?.extras ?? [])];
}
