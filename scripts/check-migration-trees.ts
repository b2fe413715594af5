/**
 * npm run db:check (after the derived-schema check): prisma/migrations (SQLite) and
 * prisma/postgres/migrations (PostgreSQL) must hold the same migrations and build the same
 * tables, columns, keys and indexes, so a migration added to one tree only fails CI instead of
 * production. Both trees are applied to empty databases and the results compared
 * (scripts/migration-trees.ts). Exit 0: same; 1: they differ (each difference printed); 2: the
 * check could not run.
 *
 * PostgreSQL: TEST_DATABASE_ADMIN_URL when it is a postgresql:// URL (a role that may create
 * databases), else the throwaway server of scripts/pg-server.sh, stopped afterwards unless it
 * was already running.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkMigrationTrees } from './migration-trees';

const root = path.resolve(import.meta.dirname, '..');
const sqliteTree = 'prisma/migrations';
const postgresTree = 'prisma/postgres/migrations';
const pgServer = path.join(root, 'scripts', 'pg-server.sh');

const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

let adminUrl = process.env.TEST_DATABASE_ADMIN_URL?.trim() ?? '';
let stopServer = false;
let exitCode = 2;
try {
  if (!/^postgres(ql)?:\/\//.test(adminUrl)) {
    stopServer = !existsSync(path.join(root, '.pg-test', 'url')); // leave a server someone else started
    adminUrl = execFileSync(pgServer, ['start'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
      .trim()
      .split('\n')
      .pop()!;
  }
  const result = await checkMigrationTrees({
    sqliteTree: path.join(root, sqliteTree),
    postgresTree: path.join(root, postgresTree),
    adminUrl,
  });
  if (result.differences.length === 0) {
    console.log(`${sqliteTree} and ${postgresTree} build the same schema (${result.migrations} migrations, ${result.tables} tables; ${seconds()}).`);
    exitCode = 0;
  } else {
    console.error(
      `${sqliteTree} (SQLite) and ${postgresTree} (PostgreSQL) do not build the same schema:\n` +
        result.differences.map((line) => `  - ${line}\n`).join('') +
        'Every schema change needs a migration of the same name in both trees, with the same effect.',
    );
    exitCode = 1;
  }
} catch (error) {
  // No password in the output: the admin URL may hold one.
  const message = `check-migration-trees: could not compare the migration trees: ${(error as Error).message}`;
  console.error(message.replace(/(\/\/[^:/@]+):[^@]*@/g, '$1:***@'));
  if (!adminUrl)
    console.error('(It needs PostgreSQL: its server binaries for a throwaway server, or TEST_DATABASE_ADMIN_URL=postgresql://… of a server to use.)');
} finally {
  if (stopServer) {
    try {
      execFileSync(pgServer, ['stop'], { cwd: root, stdio: 'inherit' });
    } catch {
      exitCode = 2; // pg-server.sh has said why
    }
  }
}
process.exit(exitCode);
