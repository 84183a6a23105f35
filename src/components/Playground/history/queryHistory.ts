import { looksLikeToken } from './tokenPattern';

/** localStorage key of the query history (queries only; never the token). */
export const HISTORY_KEY = 'stackql-playground:history';
export const HISTORY_LIMIT = 50;

/** Past queries, newest first; an unreadable or foreign value counts as empty. */
export function readHistory(storage: Storage): string[] {
  try {
    const value: unknown = JSON.parse(storage.getItem(HISTORY_KEY) ?? '[]');
    return Array.isArray(value)
      ? value.filter((q): q is string => typeof q === 'string').slice(0, HISTORY_LIMIT)
      : [];
  } catch {
    return [];
  }
}

/**
 * Puts a query that ran at the top of the history (once; the last 50 kept) and returns the new list.
 * A query holding something that looks like a token is not kept. Storage errors (quota, privacy
 * modes) lose the history entry, never the run.
 */
export function addToHistory(storage: Storage, sql: string): string[] {
  const query = sql.trim();
  const current = readHistory(storage);
  if (!query || looksLikeToken(query)) return current;
  const next = [query, ...current.filter((q) => q !== query)].slice(0, HISTORY_LIMIT);
  try {
    storage.setItem(HISTORY_KEY, JSON.stringify(next));
  } catch {
    // Storage full or blocked: history is a convenience, so carry on without it.
  }
  return next;
}

/** An in-memory stand-in for when the browser blocks localStorage (sandboxed frames, privacy modes). */
const memory = new Map<string, string>();
const memoryStorage = {
  getItem: (key: string) => memory.get(key) ?? null,
  setItem: (key: string, value: string) => {
    memory.set(key, value);
  },
} as Storage;

/**
 * localStorage if the browser lets the page use it, else a per-page memory store: reading
 * `window.localStorage` itself throws where storage is blocked, and that must not break the playground.
 */
export function historyStorage(): Storage {
  try {
    const storage = window.localStorage;
    storage.getItem(HISTORY_KEY);
    return storage;
  } catch {
    return memoryStorage;
  }
}
