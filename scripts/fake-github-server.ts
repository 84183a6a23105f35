/**
 * Runs the fake GitHub API on 127.0.0.1 and prints its URL (first line of stdout), for local
 * development and browser tests: `npx tsx scripts/fake-github-server.ts [--port N] [--token T]
 * [--delay MS] [--hostile] [--dataset FILE.json]`. It answers every service of the catalogue: the
 * `packages` service from its dataset, every other resource from rows generated from the catalogue.
 * Without `--dataset` the dataset is the sample one (`acme`, `octocat`); the file holds a generator
 * spec (`{ "owners": [{ "login", "kind", "packages": [{ "type", "name", "count" }] }],
 * "authenticatedUser"? }`) or a dataset with versions (`normalize.ts`). Stops on SIGTERM/SIGINT, and
 * when the process that started it exits: give it a piped stdin and it stops when that pipe closes
 * (which survives wrappers like `npx`, which do not always pass signals on), and it also stops when it
 * is re-parented.
 */
import { fstatSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startFakeGitHubServer } from '../src/github/fake/server';
import { datasetFromJson } from '../src/github/sample/normalize';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    token: { type: 'string' },
    delay: { type: 'string', default: '0' },
    hostile: { type: 'boolean', default: false },
    dataset: { type: 'string' },
  },
});

async function main(): Promise<void> {
  const server = await startFakeGitHubServer({
    port: Number(values.port),
    token: values.token,
    delayMs: Number(values.delay),
    hostile: values.hostile,
    ...(values.dataset === undefined
      ? {}
      : { dataset: datasetFromJson(JSON.parse(readFileSync(values.dataset, 'utf8')) as unknown) }),
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
  const stdin = fstatSync(0);
  if (stdin.isFIFO() || stdin.isSocket()) {
    process.stdin.on('end', stop).on('error', stop).resume();
  }
  setInterval(() => {
    if (process.ppid !== parent) stop();
  }, 500).unref();
}

void main();
