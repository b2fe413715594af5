/**
 * Before each integration test file (setupFiles run before any import of the test file, so
 * before lib/db.ts reads DATABASE_URL): give the file its own copy of the migrated template,
 * so test files never see each other's rows and can run in parallel.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

const { TEST_DB_KIND, TEST_DB_DIR, TEST_DB_PREFIX, TEST_DB_TEMPLATE, TEST_DATABASE_ADMIN_URL } = process.env;
const name = `w${process.env.JEST_WORKER_ID ?? 0}_${randomBytes(4).toString('hex')}`;

if (TEST_DB_KIND === 'sqlite' && TEST_DB_DIR && TEST_DB_TEMPLATE) {
  const file = path.join(TEST_DB_DIR, `${name}.db`);
  copyFileSync(TEST_DB_TEMPLATE, file);
  process.env.DATABASE_URL = `file:${file}`;
} else if (TEST_DB_KIND === 'postgres' && TEST_DB_PREFIX && TEST_DB_TEMPLATE && TEST_DATABASE_ADMIN_URL) {
  process.env.DATABASE_URL = execFileSync(
    process.execPath,
    [path.join(__dirname, 'pg-admin.mjs'), 'create', TEST_DATABASE_ADMIN_URL, `${TEST_DB_PREFIX}${name}`, TEST_DB_TEMPLATE],
    { encoding: 'utf8' },
  ).trim();
} else {
  throw new Error('No test database: tests/setup/global-setup.ts did not run (use the jest.config.mjs "integration" project).');
}
