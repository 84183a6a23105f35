/**
 * Runs the fake GitHub API on 127.0.0.1 and prints its URL (first line of stdout), for local
 * development and browser tests: `npx tsx scripts/fake-github-server.ts [--port N] [--token T]
 * [--delay MS] [--hostile]`. Stops on SIGTERM/SIGINT, and when the process that started it exits.
 */
import { parseArgs } from 'node:util';
import { startFakeGitHubServer } from '../src/github/fake/server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    token: { type: 'string' },
    delay: { type: 'string', default: '0' },
    hostile: { type: 'boolean', default: false },
  },
});

async function main(): Promise<void> {
  const server = await startFakeGitHubServer({
    port: Number(values.port),
    token: values.token,
    delayMs: Number(values.delay),
    hostile: values.hostile,
  });
  process.stdout.write(`${server.url}\n`);

  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop);
  // A parent killed with SIGKILL sends no signal: notice that we were re-parented and stop too.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop();
  }, 500).unref();
}

void main();
