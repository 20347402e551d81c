import { existsSync } from 'node:fs';

/**
 * The one place that finds the browser for tests and benchmarks: CHROMIUM_PATH, else Debian's
 * /usr/bin/chromium, else whatever Playwright has installed itself (undefined lets it choose).
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH points at ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/**
 * Flags for a headless Chromium on a closed network: no background services that would try (and
 * fail) to reach Google, no sandbox when running as root in CI containers.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];
