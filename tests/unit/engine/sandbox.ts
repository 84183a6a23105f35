import alasql from 'alasql';
import { vi } from 'vitest';

/**
 * Tripwires for the adversarial tests: every way a query could reach the network, storage, files or
 * the global object is replaced by a spy, so a test can assert that none was touched.
 */
export interface Sandbox {
  /** What was touched, by name; empty when nothing was. */
  touched(): string[];
  restore(): void;
}

const FILE_FUNCTIONS = [
  'loadFile',
  'loadBinaryFile',
  'removeFile',
  'deleteFile',
  'fileExists',
  'saveFile',
] as const;

export function createSandbox(): Sandbox {
  const touched: string[] = [];
  const g = globalThis as Record<string, unknown>;
  const trip = (name: string) =>
    vi.fn(() => {
      touched.push(name);
      throw new Error(`sandbox: ${name} is not allowed`);
    });
  const saved = {
    fetch: g.fetch,
    localStorage: g.localStorage,
    XMLHttpRequest: g.XMLHttpRequest,
    document: g.document,
    importScripts: g.importScripts,
  };
  g.fetch = trip('fetch');
  g.XMLHttpRequest = trip('XMLHttpRequest');
  g.localStorage = {
    getItem: trip('localStorage'),
    setItem: trip('localStorage'),
    removeItem: trip('localStorage'),
  };
  const utils = (alasql as unknown as { utils: Record<string, unknown> }).utils;
  const savedFiles = FILE_FUNCTIONS.map((f) => [f, utils[f]] as const);
  for (const f of FILE_FUNCTIONS) utils[f] = trip(`alasql.utils.${f}`);
  // Taken after the traps are set, which add globals of their own.
  const before = new Set(Object.getOwnPropertyNames(globalThis));
  return {
    touched() {
      const added = Object.getOwnPropertyNames(globalThis).filter((k) => !before.has(k));
      return [...touched, ...added.map((k) => `new global ${k}`)];
    },
    restore() {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) Reflect.deleteProperty(g, k);
        else g[k] = v;
      }
      for (const [f, v] of savedFiles) utils[f] = v;
    },
  };
}
