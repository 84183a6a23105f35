import { fail, ok, sqlError, type Result } from './errors';
import { providers, table, type ProviderVersion } from './metaTable';
import { nearest } from './nearest';
import { readDottedName, spanOf, type Statement } from './statement';
import { isKeyword, type Token } from './tokenize';
import type { MetaPlan } from './types';

const USAGE = 'REGISTRY LIST [github] or REGISTRY PULL github [<version>]';
/** StackQL's provider versions: `v24.04.00227`. */
const VERSION = /^v\d+(?:\.\d+)*$/i;

/**
 * `REGISTRY LIST [<provider>]` and `REGISTRY PULL <provider> [<version>]`. StackQL downloads
 * providers from its registry; the playground has the one provider these pages document built in, so
 * LIST lists it (`provider`, `version`) and PULL answers, as a one-row `message`, that there is
 * nothing to pull, rather than an error for a statement StackQL users type out of habit.
 */
export function planRegistry(st: Statement): Result<MetaPlan> {
  const { tokens, source } = st;
  const action = tokens[1];
  const list = isKeyword(action, 'LIST');
  if (!list && !isKeyword(action, 'PULL')) {
    return fail(sqlError('syntax', `Expected ${USAGE}.`, source, spanOf(tokens)));
  }
  const known = providers();
  const name = readDottedName(tokens, 2);
  if (!name) {
    if (list && !tokens[2]) return ok(providerTable(known));
    const example = list ? 'REGISTRY LIST github' : 'REGISTRY PULL github';
    return fail(
      sqlError('syntax', `Expected a provider name, e.g. ${example}.`, source, spanOf(tokens.slice(1))),
    );
  }
  const id = name.parts.join('.').toLowerCase();
  const provider = known.find((p) => p.name === id);
  if (!provider) {
    const hint = nearest(
      id,
      known.map((p) => p.name),
    );
    const available = known.map((p) => `${p.name} ${p.version}`).join(', ');
    return fail(
      sqlError(
        'unknown-resource',
        `This playground has only ${available} built in; ${id} is not available here.${hint ? ` Did you mean ${hint}?` : ''}`,
        source,
        name.span,
      ),
    );
  }
  const version = readVersion(st, name.next, provider.version);
  if (!version.ok) return version;
  if (list) {
    if (version.value !== undefined) {
      return fail(
        sqlError(
          'syntax',
          `REGISTRY LIST takes a provider name only: REGISTRY LIST ${provider.name}.`,
          source,
          spanOf(tokens.slice(name.next)),
        ),
      );
    }
    return ok(providerTable([provider]));
  }
  const wanted = version.value;
  const message =
    wanted === undefined || wanted.toLowerCase() === provider.version.toLowerCase()
      ? `${provider.name} ${provider.version} is built into this playground (the version these pages document): nothing needs pulling. Try SHOW SERVICES IN ${provider.name}.`
      : `This playground has ${provider.name} ${provider.version} built in (the version these pages document) and cannot pull ${wanted}: queries here run against ${provider.version}.`;
  return ok({ ...table(['message'], [[message]]), text: message });
}

/** REGISTRY LIST's answer, in StackQL's columns. */
function providerTable(list: readonly ProviderVersion[]): MetaPlan {
  return table(
    ['provider', 'version'],
    list.map((p) => [p.name, p.version]),
  );
}

/**
 * The version after the provider: a quoted string, or the tokens written together with no space
 * (`v24.04.00227` is a word and two numbers to the tokenizer), or undefined when there is none.
 */
function readVersion(st: Statement, at: number, example: string): Result<string | undefined> {
  const { tokens, source } = st;
  const first = tokens[at];
  if (!first) return ok(undefined);
  let last: Token = first;
  let next = at + 1;
  if (first.kind !== 'string') {
    for (let t = tokens[next]; t?.start === last.end; t = tokens[next]) {
      last = t;
      next++;
    }
  }
  const text = first.kind === 'string' ? first.value : source.slice(first.start, last.end);
  const extra = tokens[next];
  if (!VERSION.test(text) || extra) {
    const span = extra ? spanOf(tokens.slice(next)) : spanOf([first, last]);
    return fail(
      sqlError(
        'syntax',
        `Expected a version such as ${example}, or nothing, after the provider: ${USAGE}.`,
        source,
        span,
      ),
    );
  }
  return ok(text);
}
