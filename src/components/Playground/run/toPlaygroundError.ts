import { isGitHubError } from '@site/src/github';
import type { SqlError } from '@site/src/sql/errors';
import type { PlaygroundError } from './types';

/** Turns whatever a run threw or returned into the one error shape the page shows. */
export function fromSqlError(error: SqlError): PlaygroundError {
  return { ...error };
}

export function fromUnknown(error: unknown): PlaygroundError {
  if (isGitHubError(error)) {
    return {
      code: error.code,
      message: error.message,
      helpUrl: error.ssoUrl ?? error.documentationUrl,
    };
  }
  // Anything else is a bug of ours; say so plainly rather than show a stack.
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Something went wrong in the playground: ${detail}` };
}
