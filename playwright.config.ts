import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium.js';

// End-to-end tests against a real Charter server on a fresh SQLite database with the demo loaded.
// The web UI must be built first (npm run build:web): the server serves dist/web.
const port = Number(process.env.CHARTER_E2E_PORT ?? 3100);
// A fresh SQLite file per run (set once in the main process; workers inherit it), removed by
// e2e/global-teardown.ts afterwards.
process.env.CHARTER_E2E_DB ??= `./data/e2e-${Date.now()}-${process.pid}.db`;
const database = `sqlite:${process.env.CHARTER_E2E_DB}`;

export default defineConfig({
  testDir: 'e2e',
  globalTeardown: './e2e/global-teardown.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: chromiumLaunchOptions,
      },
    },
  ],
  webServer: {
    command: `node bin/charter.mjs serve --demo --port ${port}`,
    // Every spec signs in (some as several people) against one server within minutes: the
    // sign-in rate limit is raised so the suite does not trip it; it is tested on its own.
    env: { DATABASE_URL: database, CHARTER_LOGIN_ATTEMPTS_PER_MINUTE: '1000' },
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
