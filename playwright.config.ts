import { defineConfig } from '@playwright/test';
import { E2E_BASE_URL, E2E_DEV_BASE_URL, E2E_DEV_ENV, E2E_DEV_PORT, E2E_ENV, E2E_PORT } from './tests/e2e/e2e-env';

/**
 * Browser tests: Debian's Chromium (no Playwright browser download) against `next start` on
 * a database that scripts/e2e-prepare.ts made and seeded. One worker: the tests share the
 * seeded users and walk through their states in order.
 *
 * Project `start` runs every spec against the production build. Project `dev` runs the flows
 * that end on a success screen (tagged @success-screen) once more against `next dev`, which
 * re-renders a page after its own server action: a page that then guards on what the action
 * just changed (2FA now off, say) would redirect away from its own success screen there.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'start', use: { baseURL: E2E_BASE_URL } },
    // Development mode compiles each route on its first request: more time per test.
    { name: 'dev', grep: /@success-screen/, timeout: 180_000, use: { baseURL: E2E_DEV_BASE_URL } },
  ],
  webServer: [
    {
      command: `npx next start -p ${E2E_PORT} -H localhost`,
      url: `${E2E_BASE_URL}/login`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: E2E_ENV,
    },
    {
      command: `npx next dev -p ${E2E_DEV_PORT} -H localhost`,
      url: `${E2E_DEV_BASE_URL}/login`,
      reuseExistingServer: false,
      timeout: 180_000,
      env: E2E_DEV_ENV,
    },
  ],
});
