/** Removes every database this run made (the template and one per test file). */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';

export default function globalTeardown(): void {
  const { TEST_DB_KIND, TEST_DB_DIR, TEST_DB_PREFIX, TEST_DATABASE_ADMIN_URL } = process.env;
  if (TEST_DB_KIND === 'sqlite' && TEST_DB_DIR) rmSync(TEST_DB_DIR, { recursive: true, force: true });
  if (TEST_DB_KIND === 'postgres' && TEST_DB_PREFIX && TEST_DATABASE_ADMIN_URL) {
    execFileSync(process.execPath, [path.join(__dirname, 'pg-admin.mjs'), 'drop-prefix', TEST_DATABASE_ADMIN_URL, TEST_DB_PREFIX]);
  }
}
