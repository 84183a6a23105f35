import type { MethodDef, ParamDef, ResourceDef, ServiceDef } from '../types';
import { PageFormatError, type CatalogueProblem } from './errors';
import { buildFields, buildMethod, paramDef, rowSchemaOf } from './fromOpenApi';
import { operations, stackqlMethodName, type LocatedOperation, type OpenApiExtract } from './openApi';
import { parseResourcePage, parseServicePage, type ResourcePage } from './parsePage';
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

/** Every param the resource's methods take, by name, in the order methods first name them. */
function resourceParams(
  methods: readonly MethodDef[],
  byName: ReadonlyMap<string, LocatedOperation>,
  where: string,
  out: CatalogueProblem[],
): Record<string, ParamDef> {
  const params: Record<string, ParamDef> = {};
  for (const m of methods) {
    const specParams = byName.get(m.name)?.operation.parameters ?? [];
    for (const name of [...m.requiredParams, ...m.optionalParams]) {
      const p = specParams.find((s) => s.name === name);
      if (!p || name in params) continue;
      const def = paramDef(p);
      if (typeof def === 'string') out.push(problem('param', `${where}.${m.name}`, def));
      else params[name] = def;
    }
  }
  return params;
}

function buildResource(
  sources: ServiceSources,
  page: ResourcePage,
  byName: ReadonlyMap<string, LocatedOperation>,
  out: CatalogueProblem[],
): Draft {
  const where = `${sources.service}.${page.name}`;
  const methods: MethodDef[] = [];
  for (const row of page.methods) {
    const op = byName.get(row.name);
    if (!op) {
      out.push(
        problem(
          'unmatched-method',
          `${where}.${row.name}`,
          'no operation in the extract has this name in snake_case',
        ),
      );
      continue;
    }
    const built = buildMethod(row, op);
    if (built.ok) methods.push(built.method);
    else out.push(problem('unmatched-method', `${where}.${row.name}`, built.why));
  }
  const rowSchema =
    page.methods
      .map((m) => byName.get(m.name))
      .map((op) => op && rowSchemaOf(op))
      .find(Boolean) ?? '';
  const { fields, problems } = buildFields(page.fields, sources.extract.components.schemas[rowSchema]);
  out.push(...problems.map((m) => problem('field', where, m)));
  const firstSummary = byName.get(page.methods[0]?.name ?? '')?.operation.summary ?? '';
  return {
    provider: sources.provider,
    service: sources.service,
    name: page.name,
    id: page.id,
    type: 'Resource',
    summary: sources.samples.resources?.[page.name]?.summary ?? firstSummary,
    rowSchema,
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
  const byName = new Map(
    operations(sources.extract).map((op) => [stackqlMethodName(op.operation.operationId), op]),
  );
  const page = readPage(parseServicePage, sources.servicePage, sources.service, out);
  const drafts = (page?.resources ?? []).flatMap((name) => {
    const resourcePage = readPage(
      parseResourcePage,
      sources.resourcePages[name],
      `${sources.service}.${name}`,
      out,
    );
    return resourcePage ? [buildResource(sources, resourcePage, byName, out)] : [];
  });
  const titles = Object.fromEntries([...byName].map(([name, op]) => [name, op.operation.summary ?? name]));
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
