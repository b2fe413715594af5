import path from 'node:path';

/** The browser tests' server environment. Fixed test-only keys: nothing here protects real data. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_DB_FILE = path.join(process.cwd(), 'data', 'e2e.db');
/**
 * `next dev` serves the flows that end on a success screen once more (the `dev` project):
 * development mode re-renders a page after its own action where `next start` may not, so a
 * page that guards on what its action just changed behaves differently there. It gets its
 * own copy of the seeded database, so both servers start from the same users.
 */
export const E2E_DEV_PORT = Number(process.env.E2E_DEV_PORT ?? E2E_PORT + 1);
export const E2E_DEV_BASE_URL = `http://localhost:${E2E_DEV_PORT}`;
export const E2E_DEV_DB_FILE = path.join(process.cwd(), 'data', 'e2e-dev.db');
export const E2E_USERS_FILE = path.join(process.cwd(), 'data', 'e2e-users.json');
export const E2E_DEMO_PASSWORD = 'e2e demo password 7';

export const E2E_ENV: Record<string, string> = {
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  DATABASE_URL: `file:${E2E_DB_FILE}`,
  AUTH_SECRET: 'c2VjcmV0LWZvci1lMmUtdGVzdHMtb25seS0wMTIzNDU=',
  TOTP_ENCRYPTION_KEYS: 'e2e:ZTJlLXRvdHAta2V5LWZvci10ZXN0cy1vbmx5LTAxMjM=',
  APP_NAME: 'Office Portal',
  HELPDESK_EMAIL: 'helpdesk@portal.example',
  APP_URL: E2E_BASE_URL,
  // The reminder schedule off: its mails would change the outbox under tests that count it (tests/multi/s21-reminders.test.ts runs it on instances of its own).
  REMINDERS_POLL_SECONDS: '0',
  // Set, so that the attack suite's refusals of /api/cron/reminders are refusals of a wrong secret, not of a missing setting.
  CRON_SECRET: 'e2e-cron-secret-for-tests-only-0123456789',
};

export const E2E_DEV_ENV: Record<string, string> = { ...E2E_ENV, NODE_ENV: 'development', DATABASE_URL: `file:${E2E_DEV_DB_FILE}`, APP_URL: E2E_DEV_BASE_URL };
