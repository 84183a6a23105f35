import type { ResourceDef } from '@site/src/resources/types';
import { JSON_FUNCTIONS } from '@site/src/sql/allowList';

/** What a completion inserts, and how the editor labels it. */
export interface CompletionEntry {
  readonly label: string;
  readonly kind: 'resource' | 'field' | 'param' | 'method' | 'value' | 'keyword' | 'function';
  readonly insertText: string;
  readonly detail: string;
  readonly documentation?: string;
}

const KEYWORDS = [
  'SELECT',
  'FROM',
  'WHERE',
  'AND',
  'OR',
  'NOT',
  'IN',
  'LIKE',
  'BETWEEN',
  'IS NULL',
  'IS NOT NULL',
  'ORDER BY',
  'GROUP BY',
  'HAVING',
  'LIMIT',
  'OFFSET',
  'DISTINCT',
  'AS',
  'ASC',
  'DESC',
  'CASE',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
  'COUNT',
  'SUM',
  'MIN',
  'MAX',
  'AVG',
  'DELETE FROM',
  'EXEC',
  'SHOW METHODS IN',
  'SHOW RESOURCES IN',
  'SHOW SERVICES IN',
  'DESCRIBE',
  'DESCRIBE EXTENDED',
];

/**
 * Every completion the editor offers, from the resource definition: its id, fields, params, method
 * names (as `EXEC resource.method`), `package_type` and `state` values, keywords and JSON functions.
 */
export function completionEntries(resource: ResourceDef): CompletionEntry[] {
  const entries: CompletionEntry[] = [
    {
      label: resource.id,
      kind: 'resource',
      insertText: resource.id,
      detail: 'resource',
      documentation: resource.summary,
    },
    {
      label: `${resource.provider}.${resource.service}`,
      kind: 'resource',
      insertText: `${resource.provider}.${resource.service}`,
      detail: 'service',
    },
  ];
  for (const f of resource.fields) {
    entries.push({
      label: f.name,
      kind: 'field',
      insertText: f.name,
      detail: f.type,
      documentation: f.description || undefined,
    });
  }
  for (const p of Object.values(resource.params)) {
    entries.push({
      label: p.name,
      kind: 'param',
      insertText: p.name,
      detail: `param · ${p.type}`,
      documentation: p.description,
    });
    for (const value of p.enum ?? []) {
      entries.push({
        label: `'${value}'`,
        kind: 'value',
        insertText: `'${value}'`,
        detail: `${p.name} value`,
      });
    }
  }
  for (const m of resource.methods) {
    entries.push({
      label: m.name,
      kind: 'method',
      insertText: m.sqlVerb === 'EXEC' ? `${resource.id}.${m.name}` : m.name,
      detail: `${m.sqlVerb} · requires ${m.requiredParams.join(', ')}`,
    });
  }
  for (const k of KEYWORDS) entries.push({ label: k, kind: 'keyword', insertText: k, detail: 'keyword' });
  for (const fn of JSON_FUNCTIONS) {
    entries.push({
      label: fn,
      kind: 'function',
      insertText: `${fn}(metadata, '$.container.tags')`,
      detail: 'JSON function (SQLite)',
    });
  }
  return entries;
}

/** Hover text for a word: a field's or param's type and description. */
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
  if (method) return `**${method.name}** (${method.sqlVerb}) — requires ${method.requiredParams.join(', ')}`;
  return undefined;
}
