/**
 * The fake GitHub API as a Node HTTP server on loopback, for unit, browser and benchmark runs. Node only
 * (the rest of `src/github` runs in the browser): it converts Node's request to a fetch `Request`, hands
 * it to the same `createFakeGitHub` handler sample mode uses, and writes the `Response` back.
 *
 * Test controls over HTTP (for browser tests that cannot reach the object):
 * `POST /__control` with JSON `{ faults?, delayMs?, hostile?, token?, scopes?, rateLimit?, resetRequests?,
 * resetDataset?, dataset? }` (`resetDataset: true` undoes every delete and restore; `dataset` serves
 * another one, in any shape `datasetFromJson` reads), `GET /__requests` for the recorded requests.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { registerAllServices } from '../../resources/allServices';
import { datasetFromJson } from '../sample/normalize';
import { createFakeGitHub } from './createFakeGitHub';
import type { FakeGitHub, FakeGitHubOptions, FaultRule, RecordedRequest } from './types';

export interface FakeGitHubServerOptions extends FakeGitHubOptions {
  /** Port to listen on; 0 (default) picks a free one. Always bound to 127.0.0.1. */
  readonly port?: number;
}

/** A running fake server. */
export interface FakeGitHubServer {
  /** `http://127.0.0.1:PORT`, the API base URL to give the client. */
  readonly url: string;
  readonly fake: FakeGitHub;
  /** Every API request received (the fake's record). */
  readonly requests: RecordedRequest[];
  setFaults(faults: readonly FaultRule[]): void;
  configure(options: Partial<Omit<FakeGitHubOptions, 'dataset'>>): void;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** Hop-by-hop headers Node hands over that a fetch Request must not carry. */
const SKIP_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'content-length',
]);

/** Starts the fake API on 127.0.0.1, serving every service of the catalogue. */
export async function startFakeGitHubServer(
  options: FakeGitHubServerOptions = {},
): Promise<FakeGitHubServer> {
  const { port = 0, ...fakeOptions } = options;
  // A server in Node answers for the whole provider, as the real API does.
  registerAllServices();
  const fake = createFakeGitHub(fakeOptions);
  const server = createServer((req, res) => {
    serve(fake, req, res).catch(() => {
      res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    fake,
    requests: fake.requests,
    setFaults: (faults) => {
      fake.setFaults(faults);
    },
    configure: (changes) => {
      fake.configure(changes);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

async function serve(fake: FakeGitHub, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
  const body = await readBody(req);
  if (url.pathname === '/__control' && req.method === 'POST') {
    const changes = JSON.parse(body.toString('utf8') || '{}') as Partial<FakeGitHubOptions> & {
      resetRequests?: boolean;
      resetDataset?: boolean;
    };
    const { resetRequests, resetDataset, dataset, ...rest } = changes;
    try {
      if (dataset !== undefined) fake.resetDataset(datasetFromJson(dataset));
      else if (resetDataset) fake.resetDataset();
    } catch (error) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end(String(error));
      return;
    }
    fake.configure(rest);
    if (resetRequests) fake.resetRequests();
    res.writeHead(204).end();
    return;
  }
  if (url.pathname === '/__requests') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(fake.requests));
    return;
  }
  // The client going away (cancel) aborts the handler's delay, as a real server stops working.
  const abort = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) abort.abort();
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || SKIP_HEADERS.has(name)) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = req.method ?? 'GET';
  const hasBody = body.length > 0 && method !== 'GET' && method !== 'HEAD';
  let response: Response;
  try {
    response = await fake.handle(
      new Request(url, {
        method,
        headers,
        body: hasBody ? new Uint8Array(body) : undefined,
        signal: abort.signal,
      }),
    );
  } catch {
    res.destroy(); // a `network` fault, or the client left: no HTTP response at all
    return;
  }
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    out[name] = value;
  });
  res.writeHead(response.status, out);
  res.end(Buffer.from(await response.arrayBuffer()));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}
