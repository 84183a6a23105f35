import type { MethodDef, ParamDef, ResourceDef, ServiceDef } from '../types';
import { PageFormatError, type CatalogueProblem } from './errors';
import { buildFields, buildMethod } from './fromOpenApi';
import { matchOperations, type Match } from './match';
import type { LocatedOperation, OpenApiExtract, SpecSchema } from './openApi';
import { operationParam } from './params';
import { parseResourcePage, parseServicePage, type PageMethod, type ResourcePage } from './parsePage';
import { bestRowSource, exampleRow, rowSources, sampleRowOf, successResponse, type RowSource } from './rows';
import { withLookups } from './lookups';
import { buildExamples, type ServiceSamples } from './samples';

/** What one service is built from: its original pages, its OpenAPI extract and its samples file. */
export interface ServiceSources {
  readonly provider: string;
  /** `packages`. */
  readonly service: string;
  /** Markdown of `services/<service>/index.md`. */
  readonly servicePage: string;
  /** Markdown of `services/<service>/<resource>/index.md`, by resource name. */
  readonly resourcePages: Readonly<Record<string, string>>;
  readonly extract: OpenApiExtract;
  readonly samples: ServiceSamples;
}

/** A built service and what could not be built (unmatched methods are left out, and listed here). */
export interface BuiltService {
  readonly service: ServiceDef;
  readonly problems: readonly CatalogueProblem[];
}

type Draft = Omit<ResourceDef, 'examples'>;

function problem(code: CatalogueProblem['code'], where: string, message: string): CatalogueProblem {
  return { code, where, message };
}

/** Reads a page, turning a format error into a problem. */
function readPage<T>(
  parse: (md: string) => T,
  markdown: string | undefined,
  where: string,
  out: CatalogueProblem[],
) {
  if (markdown === undefined) {
    out.push(problem('page', where, 'no page: add it to the provider pages'));
    return undefined;
  }
  try {
    return parse(markdown);
  } catch (e) {
    if (!(e instanceof PageFormatError)) throw e;
    out.push(problem('page', where, `cannot read the page: ${e.message}`));
    return undefined;
  }
}

/**
 * A page with the methods its Methods section leaves out, from the samples file (the service
 * summary counts them); each is reported, as the page and the catalogue then differ.
 */
function withUnlistedMethods(
  page: ResourcePage,
  samples: ServiceSamples,
  where: string,
  out: CatalogueProblem[],
): ResourcePage {
  const unlisted = samples.resources?.[page.name]?.unlistedMethods ?? [];
  for (const m of unlisted)
    out.push(
      problem('page', `${where}.${m.name}`, 'the page lists no such method; the samples file adds it'),
    );
  return unlisted.length === 0 ? page : { ...page, methods: [...page.methods, ...unlisted] };
}

/** Every param the resource's methods take, by name, in the order methods first name them. */
function resourceParams(
  methods: readonly MethodDef[],
  byName: ReadonlyMap<string, Match>,
  where: string,
  out: CatalogueProblem[],
): Record<string, ParamDef> {
  const params: Record<string, ParamDef> = {};
  for (const m of methods) {
    const op = byName.get(m.name)?.op.operation;
    for (const name of [...m.requiredParams, ...m.optionalParams]) {
      if (!op || name in params) continue;
      const def = operationParam(op, name);
      if (def === undefined)
        out.push(
          problem(
            'param',
            `${where}.${m.name}`,
            `${name} is required by the page, not a param of ${op.operationId}`,
          ),
        );
      else if (typeof def === 'string') out.push(problem('param', `${where}.${m.name}`, def));
      else params[name] = def;
    }
  }
  return params;
}

/** A method of a resource page with its operation and the row source of its response. */
interface MatchedMethod {
  readonly row: PageMethod;
  readonly op: LocatedOperation;
  readonly rows: RowSource;
}

/** Each page method with its operation and row source; what has none is reported. */
function matchMethods(
  page: ResourcePage,
  byName: ReadonlyMap<string, Match>,
  schemas: Readonly<Record<string, SpecSchema>>,
  where: string,
  out: CatalogueProblem[],
): MatchedMethod[] {
  const fieldNames = page.fields.map((f) => f.name);
  return page.methods.flatMap((row): MatchedMethod[] => {
    const at = `${where}.${row.name}`;
    const match = byName.get(row.name);
    if (!match) {
      out.push(
        problem('unmatched-method', at, 'no operation in the spec has this name in snake_case or its params'),
      );
      return [];
    }
    const { op } = match;
    if (match.kind === 'params')
      out.push(
        problem(
          'renamed-operation',
          at,
          `matched by its params to ${op.operation.operationId}: no operation of its name takes them`,
        ),
      );
    const sources = rowSources(op, schemas);
    const rows = sources && (row.sqlVerb === 'SELECT' ? bestRowSource(sources, fieldNames) : sources[0]);
    if (!rows) {
      out.push(problem('unmatched-method', at, `${op.operation.operationId} has no 2xx or 3xx response`));
      return [];
    }
    return [{ row, op, rows }];
  });
}

/** The resource's row source: the SELECT's that holds most of the page's fields, first on a tie. */
function resourceRows(selects: readonly MatchedMethod[], fields: readonly string[]): RowSource | undefined {
  return bestRowSource(
    selects.map((m) => m.rows).filter((r) => r.schema),
    fields,
  );
}

/** The sample row: the example of the first SELECT that returns the resource's row schema. */
function sampleRow(
  selects: readonly MatchedMethod[],
  rowSchema: string,
  fields: readonly string[],
): Record<string, unknown> | undefined {
  for (const m of selects) {
    if (m.rows.schemaName !== rowSchema) continue;
    const success = successResponse(m.op);
    const row = success && exampleRow(m.rows, success.response.example);
    if (row) return sampleRowOf(row, fields);
  }
  return undefined;
}

function buildResource(
  sources: ServiceSources,
  page: ResourcePage,
  byName: ReadonlyMap<string, Match>,
  out: CatalogueProblem[],
): Draft {
  const where = `${sources.service}.${page.name}`;
  const schemas = sources.extract.components.schemas;
  const matched = matchMethods(page, byName, schemas, where, out);
  const methods: MethodDef[] = [];
  for (const { row, op, rows } of matched) {
    const built = buildMethod(row, op, rows);
    if (!built.ok) {
      out.push(problem('unmatched-method', `${where}.${row.name}`, built.why));
      continue;
    }
    methods.push(built.method);
    for (const d of built.disagreements) out.push(problem(d.code, `${where}.${row.name}`, d.message));
  }
  const fieldNames = page.fields.map((f) => f.name);
  const selects = matched.filter((m) => m.row.sqlVerb === 'SELECT');
  const main = resourceRows(selects, fieldNames);
  // A field the main row schema lacks may be another SELECT's (a wrapper's `total_count`).
  const others = selects
    .flatMap((m) => rowSources(m.op, schemas) ?? [])
    .flatMap((r) => (r.schema && r.schema !== main?.schema ? [r.schema] : []));
  const { fields, problems } = buildFields(page.fields, main?.schema ? [main.schema, ...others] : []);
  out.push(...problems.map((m) => problem(m.includes('datatype') ? 'field-type' : 'field', where, m)));
  const rowSchema = main?.schemaName ?? '';
  const example = sampleRow(selects, rowSchema, fieldNames);
  const firstSummary = matched[0]?.op.operation.summary ?? '';
  return {
    provider: sources.provider,
    service: sources.service,
    name: page.name,
    id: page.id,
    type: 'Resource',
    summary: sources.samples.resources?.[page.name]?.summary ?? firstSummary,
    rowSchema,
    ...(example ? { sampleRow: example } : {}),
    fields,
    methods,
    params: resourceParams(methods, byName, where, out),
  };
}

/**
 * Builds a service from its sources: each resource page's methods matched by name to the extract's
 * operations, fields typed from the row schema, lookups for the writes, examples from the samples.
 * Never throws for bad data: what cannot be built is left out and reported in `problems`.
 */
export function buildService(sources: ServiceSources): BuiltService {
  const out: CatalogueProblem[] = [];
  const page = readPage(parseServicePage, sources.servicePage, sources.service, out);
  const pages = (page?.resources ?? []).flatMap((name) => {
    const where = `${sources.service}.${name}`;
    const resourcePage = readPage(parseResourcePage, sources.resourcePages[name], where, out);
    return resourcePage ? [withUnlistedMethods(resourcePage, sources.samples, where, out)] : [];
  });
  const byName = matchOperations(
    sources.extract,
    pages.flatMap((p) => p.methods),
  );
  const drafts = pages.map((p) => buildResource(sources, p, byName, out));
  const titles = Object.fromEntries([...byName].map(([name, m]) => [name, m.op.operation.summary ?? name]));
  const resources = withLookups(drafts).map((r) => ({
    ...r,
    examples: buildExamples(r, sources.samples, titles),
  }));
  return {
    service: {
      provider: sources.provider,
      name: sources.service,
      id: page?.id ?? '',
      title: page?.title ?? '',
      description: page?.description ?? '',
      summary: page?.summary ?? { resources: 0, selectableResources: 0, methods: 0 },
      resources,
    },
    problems: out,
  };
}
