import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The flags this workplace's closed network needs; without them Chromium phones home at start. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
] as const;

/**
 * The system Chromium: `CHROME_PATH` if set, else the first of the usual names on PATH. Playwright's
 * own browser download cannot work offline, so the browser tests use the Debian package instead.
 */
export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, which does not exist.`);
  }
  for (const name of ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim();
    } catch {
      // not this one
    }
  }
  throw new Error(
    'No Chromium found for the browser tests. Install the Debian package `chromium` ' +
      '(sudo apt-get install chromium) or set CHROME_PATH to a Chromium or Chrome binary.',
  );
}
