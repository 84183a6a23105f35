import { afterEach, describe, expect, it, vi } from 'vitest';

import type { EngineRequest, EngineResponse } from '../../../src/engine/protocol';

afterEach(() => {
  vi.unstubAllGlobals();
});

interface Port {
  onmessage: ((e: { data: EngineRequest }) => void) | null;
  postMessage(m: EngineResponse): void;
}

describe('engine.worker entry', () => {
  it('says it started, then serves requests only on the port the frame hands it', async () => {
    const toFrame: unknown[] = [];
    const scope: {
      onmessage: ((e: { data: unknown; ports: readonly Port[] }) => void) | null;
      postMessage(m: unknown): void;
    } = {
      onmessage: null,
      postMessage: (m) => toFrame.push(m),
    };
    vi.stubGlobal('self', scope);
    await import('../../../src/engine/engine.worker');
    expect(toFrame).toEqual([{ type: 'started' }]);

    const posted: EngineResponse[] = [];
    const port: Port = { onmessage: null, postMessage: (m) => posted.push(m) };
    // Anything but the frame's connect message, with its port, is ignored.
    scope.onmessage?.({ data: { type: 'run' }, ports: [port] });
    scope.onmessage?.({ data: { type: 'connect' }, ports: [] });
    expect(port.onmessage).toBeNull();
    scope.onmessage?.({ data: { type: 'connect' }, ports: [port] });
    expect(scope.onmessage).toBeNull(); // one connection per worker
    expect(posted).toEqual([{ type: 'ready' }]);

    port.onmessage?.({
      data: {
        type: 'run',
        id: 7,
        query: 'SELECT 1 + 1 AS two',
        table: 'org_versions',
        keys: [],
        windowSize: 5,
      },
    });
    expect(posted[1]).toEqual({
      type: 'result',
      id: 7,
      summary: expect.objectContaining({ rows: [{ two: 2 }], total: 1, columns: ['two'] }) as unknown,
    });
    expect(toFrame).toHaveLength(1); // nothing goes to the frame but the first word
  });
});
