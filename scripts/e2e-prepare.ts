/**
 * Before the browser tests: a fresh SQLite database with the migrations and the demo users
 * (their passwords and 2FA keys written to data/e2e-users.json for the tests), and a
 * production build of the portal. Run by `npm run test:e2e`.
 */
import { execFileSync } from 'node:child_process';
import { rmSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { E2E_DB_FILE, E2E_DEMO_PASSWORD, E2E_ENV, E2E_USERS_FILE } from '../tests/e2e/e2e-env';

const env = { ...process.env, ...E2E_ENV };
const run = (command: string, args: string[], extra: Record<string, string> = {}) =>
  execFileSync(command, args, { stdio: 'inherit', env: { ...env, ...extra } });

mkdirSync(path.dirname(E2E_DB_FILE), { recursive: true });
for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${E2E_DB_FILE}${suffix}`, { force: true });

run('npx', ['prisma', 'migrate', 'deploy']);
run('npx', ['tsx', '--conditions=react-server', 'prisma/seed.ts'], { SEED_OUTPUT: E2E_USERS_FILE, SEED_DEMO_PASSWORD: E2E_DEMO_PASSWORD });
if (process.env.E2E_SKIP_BUILD !== '1') run('npx', ['next', 'build']);
