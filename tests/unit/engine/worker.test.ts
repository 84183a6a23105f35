import { afterEach, describe, expect, it, vi } from 'vitest';

import type { EngineRequest, EngineResponse } from '../../../src/engine/protocol';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('engine.worker entry', () => {
  it('answers requests posted to the worker scope through the shared handler', async () => {
    const posted: EngineResponse[] = [];
    const scope: {
      onmessage: ((e: { data: EngineRequest }) => void) | null;
      postMessage(m: EngineResponse): void;
    } = {
      onmessage: null,
      postMessage: (m) => posted.push(m),
    };
    vi.stubGlobal('self', scope);
    await import('../../../src/engine/engine.worker');
    expect(scope.onmessage).toBeTypeOf('function');
    scope.onmessage?.({
      data: {
        type: 'run',
        id: 7,
        query: 'SELECT 1 + 1 AS two',
        table: 'org_versions',
        keys: [],
        windowSize: 5,
      },
    });
    expect(posted).toEqual([
      {
        type: 'result',
        id: 7,
        summary: expect.objectContaining({ rows: [{ two: 2 }], total: 1, columns: ['two'] }) as unknown,
      },
    ]);
  });
});
