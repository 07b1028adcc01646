/**
 * End-to-end tests in Debian's Chromium (never `npx playwright install`).
 * The real server runs once for the whole suite, on a free port with a
 * throw-away data folder, serving the client already built into dist/client.
 * The port and folder are chosen in the main process and passed to workers
 * through the environment, so every process agrees on them.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/helpers/chromium.ts';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

process.env.E2E_PORT ??= String(await freePort());
process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'social-shift-e2e-'));
const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'tests/e2e',
  // Screenshots are their own run (`npm run screenshots`), not part of the suite.
  testIgnore: process.env.E2E_SCREENSHOTS ? [] : ['**/screenshots.spec.ts'],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two cores: each test already drives four browser contexts.
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  globalTeardown: './tests/e2e/global-teardown.ts',
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    viewport: { width: 1440, height: 900 },
    // Nothing is measured mid-animation (axe's contrast check caught a card fading in): the app honours it.
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 10_000,
  },
  webServer: {
    command: 'node --import tsx server/index.ts',
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: process.env.E2E_DATA_DIR,
      // The browser tests run one node on SQLite, whatever Redis or PostgreSQL the test run was given.
      REDIS_URL: '',
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      ROOM_IDLE_UNLOAD_MS: '60000',
      // No shedding on event-loop lag: a loaded CI machine lags past 1 s now and then, and a refused
      // phone backs off for seconds (tests/integration/overload.test.ts covers shedding).
      MAX_EVENT_LOOP_DELAY_MS: '0',
    },
  },
});
