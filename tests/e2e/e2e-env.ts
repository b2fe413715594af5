import path from 'node:path';

/** The browser tests' server environment. Fixed test-only keys: nothing here protects real data. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_DB_FILE = path.join(process.cwd(), 'data', 'e2e.db');
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
};
