import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  dropEngineAhead,
  startEngineAhead,
  takePlaygroundEngine,
} from '../../../src/components/Playground/playgroundEngine';
import { dropPrestartedSandbox, prestartSandbox } from '../../../src/engine/sandbox/prestart';
import { fakeDocument } from '../engine/fakeDocument';

const FRAME = '/engine/sandbox.a.html';
const SQL =
  "SELECT id FROM github.packages.org_versions WHERE org = 'acme' AND package_name = 'web' AND package_type = 'container'";

let page: ReturnType<typeof fakeDocument>;
beforeEach(() => {
  page = fakeDocument();
  vi.stubGlobal('document', page.doc);
});
afterEach(() => {
  dropEngineAhead();
  dropPrestartedSandbox();
  vi.unstubAllGlobals();
});

describe("the playground's engine, started as its code arrives", () => {
  it('is the one the playground takes, already warming, in the sandbox opened at load', () => {
    prestartSandbox(FRAME, page.doc);
    startEngineAhead(FRAME, SQL);
    const handle = takePlaygroundEngine(FRAME);
    expect(handle.warmed).toBe(true);
    expect(page.frames).toHaveLength(1); // the sandbox opened at load, no other
    // Taken once: the next playground (another page of the site) starts its own.
    const next = takePlaygroundEngine(FRAME);
    expect(next).not.toBe(handle);
    expect(next.warmed).toBe(false);
    handle.engine.dispose();
    next.engine.dispose();
  });

  it('is ended when the reader leaves before the playground took it, or it is for another frame', () => {
    startEngineAhead(FRAME, SQL);
    dropEngineAhead();
    expect(page.frames[0]?.removed).toBe(true);
    startEngineAhead(FRAME, SQL);
    const other = takePlaygroundEngine('/engine/sandbox.b.html');
    expect(page.frames[1]?.removed).toBe(true);
    expect(page.frames[2]?.src).toBe('/engine/sandbox.b.html');
    other.engine.dispose();
  });

  it('reports a crash between runs to whoever uses it, once they listen', async () => {
    const handle = takePlaygroundEngine(FRAME);
    const faults: string[] = [];
    handle.onFault = (e) => faults.push(e.code);
    const [frame] = page.frames;
    if (!frame) throw new Error('no frame');
    page.crash(frame);
    await new Promise((r) => setTimeout(r, 0));
    expect(faults).toEqual(['engine']);
    handle.engine.dispose();
  });
});
