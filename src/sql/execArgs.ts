import type { ParamValue } from '../resources/calls';
import { fail, ok, sqlError, type Result, type Span } from './errors';
import { parseJsonObject } from './jsonObject';
import type { ParamTerm } from './params';
import { spanOf, type Statement } from './statement';
import type { Token } from './tokenize';

export const EXEC_USAGE =
  "EXEC github.<service>.<resource>.<method> @param='value', … (SHOW METHODS IN a resource lists its EXEC methods)";

/** One `@name=value` of an EXEC, or one key of its `@@json` request body. */
export interface ExecArg extends ParamTerm {
  readonly inJson: boolean;
}

/**
 * The arguments of an EXEC from token `start` on, in every layout StackQL accepts: separated by
 * commas, by spaces or line breaks, or both (the provider's docs put each on its own line followed by
 * a `--required` comment that swallows the comma; comments are not tokens). `@@json='{ … }'` gives the
 * request body as JSON, each key a param. A param given twice, by either means, is refused.
 */
export function readExecArgs(st: Statement, start: number): Result<ExecArg[]> {
  const { tokens, source } = st;
  const syntax = (message: string, at: readonly Token[] | Span) =>
    fail<ExecArg[]>(sqlError('syntax', message, source, 'start' in at ? at : spanOf(at)));
  const args: ExecArg[] = [];
  let comma: Token | undefined;
  let jsonSeen = false;
  let i = start;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t?.text === ',') {
      if (comma || args.length === 0) return syntax(`Expected @name=value before this comma.`, [t]);
      comma = t;
      i++;
      continue;
    }
    comma = undefined;
    const json = isJsonArg(tokens, i);
    if (json && jsonSeen) return syntax('@@json is given twice.', tokens.slice(i, i + 2));
    jsonSeen ||= json;
    const read = json ? readJson(st, i) : readParam(tokens, i, source);
    if (!read.ok) return read;
    for (const arg of read.value.args) {
      if (args.some((a) => a.name === arg.name))
        return syntax(`@${arg.name} is given twice.`, arg.span ?? []);
      args.push(arg);
    }
    i = read.value.next;
  }
  if (comma) return syntax('Expected @name=value after this comma; remove it if no param follows.', [comma]);
  return ok(args);
}

type Read = Result<{ args: ExecArg[]; next: number }>;

/** `@@json`: a `@` right before the variable `@json`, as the tokenizer splits it. */
function isJsonArg(tokens: readonly Token[], i: number): boolean {
  const at = tokens[i];
  const v = tokens[i + 1];
  return at?.text === '@' && v?.kind === 'variable' && v.text.startsWith('@') && v.start === at.end;
}

function readParam(tokens: readonly Token[], i: number, source: string): Read {
  const at = tokens[i];
  const syntax = (message: string, n: number) =>
    fail<{ args: ExecArg[]; next: number }>(
      sqlError('syntax', message, source, spanOf(tokens.slice(i, i + n))),
    );
  if (at?.kind !== 'variable' || !at.text.startsWith('@') || tokens[i + 1]?.text !== '=')
    return syntax(`Expected @name=value. ${EXEC_USAGE}.`, 1);
  const value = readValue(tokens, i + 2);
  if (!value) return syntax(`Expected a quoted string, a number, true or false after @${at.value}=.`, 3);
  const span = { start: at.start, end: tokens[value.next - 1]?.end ?? at.end };
  return ok({ args: [{ name: at.value, values: [value.value], span, inJson: false }], next: value.next });
}

/** `@@json='{ "name": "value", … }'`: each key of the object is a param, with the JSON's value. */
function readJson(st: Statement, i: number): Read {
  const { tokens, source } = st;
  const name = tokens[i + 1];
  const body = tokens[i + 3];
  const error = (message: string, span: Span) =>
    fail<{ args: ExecArg[]; next: number }>(sqlError('syntax', message, source, span));
  const head = spanOf(tokens.slice(i, i + 2));
  if (name?.value.toLowerCase() !== 'json')
    return error(`@@${name?.value ?? ''} is not an EXEC argument: @@json gives the request body.`, head);
  if (tokens[i + 2]?.text !== '=' || body?.kind !== 'string')
    return error(`Expected @@json='{ "name": "value" }': the request body as a JSON object in quotes.`, head);
  const parsed = parseJsonObject(body.value);
  if (!parsed.ok) {
    const at = offsetIn(body, parsed.at);
    const where =
      parsed.at < body.value.length ? `character ${parsed.at + 1} of the JSON` : 'at the end of the JSON';
    return error(`@@json is not valid JSON: ${parsed.message} (${where}).`, { start: at, end: at + 1 });
  }
  const args: ExecArg[] = [];
  for (const { key, value, at } of parsed.entries) {
    const span = { start: offsetIn(body, at), end: offsetIn(body, at + key.length + 2) };
    if (value === null) return error(`@@json: ${key} is null; leave it out of the body instead.`, span);
    // Booleans, arrays and objects travel as their JSON text; the param's type checks and types it.
    const given = typeof value === 'string' || typeof value === 'number' ? value : JSON.stringify(value);
    args.push({ name: key, values: [given], span, inJson: true });
  }
  return ok({ args, next: i + 4 });
}

/** Where character `index` of a string token's value is in the text (each `''` is one quote). */
function offsetIn(token: Token, index: number): number {
  let at = token.start + 1;
  for (let k = 0; k < index && k < token.value.length; k++) at += token.value.charAt(k) === "'" ? 2 : 1;
  return at;
}

function readValue(tokens: readonly Token[], i: number): { value: ParamValue; next: number } | undefined {
  const t = tokens[i];
  if (t?.kind === 'string') return { value: t.value, next: i + 1 };
  if (t?.kind === 'number') return { value: Number(t.text), next: i + 1 };
  // A boolean param's value, as the text the request takes (`validateParam` checks the type).
  if (t?.kind === 'word' && /^(?:true|false)$/i.test(t.text))
    return { value: t.text.toLowerCase(), next: i + 1 };
  const n = tokens[i + 1];
  if (t?.text === '-' && n?.kind === 'number') return { value: -Number(n.text), next: i + 2 };
  return undefined;
}
