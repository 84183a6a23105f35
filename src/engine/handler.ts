import { sqlError } from '../sql/errors';
import type { EngineCore } from './core';
import type { EngineRequest, EngineResponse } from './protocol';

/**
 * Applies one request to a core and posts the answer. Shared by the real worker entry and the
 * in-process worker tests use, so both run the same code. A failure to post (a value the structured
 * clone cannot copy) is answered with an error rather than lost, so the page never waits forever.
 */
export function handleRequest(
  core: EngineCore,
  req: EngineRequest,
  post: (msg: EngineResponse) => void,
): void {
  const send = (msg: EngineResponse, id: number): void => {
    try {
      post(msg);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      post({
        type: 'error',
        id,
        error: sqlError('runtime', `The result could not be sent to the page: ${why}`),
      });
    }
  };
  switch (req.type) {
    case 'load':
      send({ type: 'loaded', key: req.key, total: core.load(req.key, req.source, req.rows, req.reset) }, -1);
      return;
    case 'drop':
      core.drop(req.key);
      return;
    case 'release':
      core.release(req.resultId);
      return;
    case 'run': {
      const extra = {
        ...(req.joined ? { joined: req.joined } : {}),
        ...(req.others ? { others: req.others } : {}),
        ...(req.distinct ? { distinct: req.distinct } : {}),
        ...(req.definitions ? { definitions: req.definitions } : {}),
      };
      const r = core.run(req.query, req.table, req.keys, req.windowSize, extra);
      send(
        r.ok
          ? { type: 'result', id: req.id, summary: r.value }
          : { type: 'error', id: req.id, error: r.error },
        req.id,
      );
      return;
    }
    case 'window': {
      const r = core.window(req.resultId, req.offset, req.limit);
      send(
        r.ok ? { type: 'window', id: req.id, rows: r.value } : { type: 'error', id: req.id, error: r.error },
        req.id,
      );
      return;
    }
  }
}
