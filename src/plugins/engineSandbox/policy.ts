/**
 * The sandbox frame's Content-Security-Policy, as the content of its `<meta http-equiv>` tag.
 *
 * - `default-src 'none'`, and `connect-src 'none'` said outright: no fetch, XHR, WebSocket,
 *   EventSource or beacon, to any host, the site's own included.
 * - `script-src` is the frame's one inline script, by hash, and `'unsafe-eval'`, which alasql needs to
 *   compile queries. No host and no `blob:`: `import()` and `importScripts` have nothing to load.
 * - `worker-src blob:`: the engine runs as a worker made from a `blob:` URL, and a worker from a
 *   `blob:` URL inherits the policy of the document that made it (CSP 3, "initialize a global
 *   object's CSP list"), so the worker, and any worker it starts, keeps all of the above.
 * - `base-uri 'none'`, `form-action 'none'`: nothing to navigate with either.
 */
export function sandboxPolicy(bootScriptHash: string): string {
  return [
    "default-src 'none'",
    `script-src ${bootScriptHash} 'unsafe-eval'`,
    'worker-src blob:',
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
