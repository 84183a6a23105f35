import type { ResourceDef } from '@site/src/resources/types';
import { statementInfo } from './cursor';
import type { ScanToken } from './scan';
import { dottedNameAt, resourceOf, tableNamed } from './tables';

/** Hover text and the span of text it is about (offsets into the editor's text). */
export interface Hover {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Hover text for a word of one resource: a field's or param's type and description, or a method. */
export function hoverText(resource: ResourceDef, word: string): string | undefined {
  const field = resource.fields.find((f) => f.name === word);
  if (field)
    return `**${field.name}** \`${field.type}\`${field.description ? ` — ${field.description}` : ''}`;
  // Own keys only: `toString` or `constructor` under the cursor is not a param.
  const param = Object.hasOwn(resource.params, word) ? resource.params[word] : undefined;
  if (param) {
    const values = param.enum ? ` One of ${param.enum.map((v) => `\`${v}\``).join(', ')}.` : '';
    return `**${param.name}** (param, \`${param.type}\`) — ${param.description}${values}`;
  }
  const method = resource.methods.find((m) => m.name === word);
  if (method) {
    const needs = method.requiredParams.length > 0 ? method.requiredParams.join(', ') : 'nothing';
    return `**${method.name}** (${method.sqlVerb}) — requires ${needs}`;
  }
  return undefined;
}

/** The part of a `provider.service.resource.method` name under the cursor, described. */
function nameHover(
  resources: readonly ResourceDef[],
  parts: readonly string[],
  i: number,
): string | undefined {
  const [provider = '', service = ''] = parts.map((p) => p.toLowerCase());
  const inProvider = resources.filter((r) => r.provider === provider);
  if (inProvider.length === 0) return undefined;
  if (i === 0) {
    const services = [...new Set(inProvider.map((r) => r.service))];
    return `**${provider}** (provider) — services: ${services.join(', ')}`;
  }
  if (i === 1) {
    const names = inProvider.filter((r) => r.service === service).map((r) => r.name);
    return names.length > 0
      ? `**${provider}.${service}** (service) — resources: ${names.join(', ')}`
      : undefined;
  }
  const resource = resourceOf(resources, parts);
  if (!resource) return undefined;
  if (i === 2) return `**${resource.id}** (resource) — ${resource.summary}`;
  const method = parts[3]?.toLowerCase();
  return i === 3 && method !== undefined && resource.methods.some((m) => m.name === method)
    ? hoverText(resource, method)
    : undefined;
}

/** The whole dotted name the token at `k` belongs to, and which part it is. */
function nameAround(tokens: readonly ScanToken[], k: number): { parts: string[]; index: number } | undefined {
  let first = k;
  for (;;) {
    const dot = tokens[first - 1];
    const word = tokens[first - 2];
    const here = tokens[first];
    if (dot?.value !== '.' || dot.kind !== 'punct' || here?.start !== dot.end) break;
    if ((word?.kind !== 'word' && word?.kind !== 'quoted') || word.end !== dot.start) break;
    first -= 2;
  }
  const name = dottedNameAt(tokens, first);
  return name && { parts: name.parts, index: (k - first) / 2 };
}

/**
 * Hover for the word at `offset`: a qualified column (`p.name`) from its table's resource, an alias,
 * a part of a resource name, an EXEC `@param`, or an unqualified column from the statement's tables
 * (each table's meaning when a JOIN's tables differ).
 */
export function hoverAt(text: string, offset: number, resources: readonly ResourceDef[]): Hover | undefined {
  const info = statementInfo(text, offset, resources);
  const k = info.tokens.findIndex((t) => t.start <= offset && offset < t.end);
  const token = info.tokens[k];
  if (!token) return undefined;
  const span = { start: token.start, end: token.end };
  if (token.kind === 'variable') {
    const text = info.exec && hoverText(info.exec.resource, token.value);
    return text === undefined ? undefined : { text, ...span };
  }
  if (token.kind !== 'word') return undefined;
  const name = nameAround(info.tokens, k);
  if (!name) return undefined;
  const { parts, index } = name;
  const named = nameHover(resources, parts, index);
  if (named !== undefined) return { text: named, ...span };
  const word = token.value;
  if (parts.length === 2 && index === 1) {
    const table = tableNamed(info.tables, parts[0] ?? '');
    const text = table && hoverText(table.resource, word);
    return text === undefined ? undefined : { text, ...span };
  }
  if (parts.length !== 1 && index !== 0) return undefined;
  const aliased = info.tables.find((t) => t.alias?.toLowerCase() === word.toLowerCase());
  if (aliased) return { text: `**${word}** — alias of \`${aliased.resource.id}\``, ...span };
  const scope =
    info.tables.length > 0 ? info.tables.map((t) => t.resource) : info.exec ? [info.exec.resource] : [];
  const texts = [...new Set(scope)].flatMap((r) => {
    const t = hoverText(r, word);
    return t === undefined ? [] : [{ r, t }];
  });
  if (texts.length === 0) return undefined;
  const distinct = new Set(texts.map((x) => x.t));
  if (distinct.size === 1) return { text: texts[0]?.t ?? '', ...span };
  return { text: texts.map(({ r, t }) => `\`${r.name}\`: ${t}`).join('\n\n'), ...span };
}
