/** A tiny in-memory `Storage` (no jsdom here), with switches to make writes fail like a full quota. */
export interface MemoryStorage extends Storage {
  /** When set, `setItem` throws this (a `QuotaExceededError`, a privacy mode's `SecurityError`). */
  failWith?: Error;
  /** Every `setItem` call, in order. */
  readonly writes: [string, string][];
}

export function createMemoryStorage(initial: Record<string, string> = {}): MemoryStorage {
  const data = new Map(Object.entries(initial));
  const storage: MemoryStorage = {
    writes: [],
    get length() {
      return data.size;
    },
    clear() {
      data.clear();
    },
    getItem(key) {
      return data.get(key) ?? null;
    },
    key(index) {
      return [...data.keys()][index] ?? null;
    },
    removeItem(key) {
      data.delete(key);
    },
    setItem(key, value) {
      storage.writes.push([key, value]);
      if (storage.failWith) throw storage.failWith;
      data.set(key, value);
    },
  };
  return storage;
}
