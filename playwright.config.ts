import { defineConfig } from '@playwright/test';
import { E2E_BASE_URL, E2E_ENV, E2E_PORT } from './tests/e2e/e2e-env';

/**
 * Browser tests: Debian's Chromium (no Playwright browser download) against `next start` on
 * a database that scripts/e2e-prepare.mjs made and seeded. One worker: the tests share the
 * seeded users and walk through their states in order.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: E2E_BASE_URL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `npx next start -p ${E2E_PORT} -H localhost`,
    url: `${E2E_BASE_URL}/login`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: E2E_ENV,
  },
});
