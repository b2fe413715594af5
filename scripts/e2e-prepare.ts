/**
 * Before the browser tests: a fresh SQLite database with the migrations and the demo users
 * (their passwords and 2FA keys written to data/e2e-users.json for the tests), and a
 * production build of the portal, and a copy of the database for the `dev` project. Run by `npm run test:e2e`.
 */
import { execFileSync } from 'node:child_process';
import { rmSync, mkdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { E2E_DB_FILE, E2E_DEMO_PASSWORD, E2E_DEV_DB_FILE, E2E_ENV, E2E_USERS_FILE } from '../tests/e2e/e2e-env';

const env = { ...process.env, ...E2E_ENV };
const run = (command: string, args: string[], extra: Record<string, string> = {}) =>
  execFileSync(command, args, { stdio: 'inherit', env: { ...env, ...extra } });

mkdirSync(path.dirname(E2E_DB_FILE), { recursive: true });
for (const file of [E2E_DB_FILE, E2E_DEV_DB_FILE]) {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

run('npx', ['prisma', 'migrate', 'deploy']);
run('npx', ['tsx', '--conditions=react-server', 'prisma/seed.ts'], { SEED_OUTPUT: E2E_USERS_FILE, SEED_DEMO_PASSWORD: E2E_DEMO_PASSWORD });
// The `dev` project's server gets the same users (same passwords and 2FA keys) in its own file.
const seeded = new Database(E2E_DB_FILE);
seeded.prepare('VACUUM INTO ?').run(E2E_DEV_DB_FILE);
seeded.close();
if (process.env.E2E_SKIP_BUILD !== '1') run('npx', ['next', 'build']);
