/**
 * Once per `jest` run (integration project): migrates a template database with the real
 * migrations (`prisma migrate deploy`); fresh-database.ts copies it for each test file.
 * SQLite by default; PostgreSQL when TEST_DATABASE_ADMIN_URL is a postgres URL (npm run test:pg).
 * What the test workers need is passed on in TEST_DB_* variables (workers inherit process.env).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { databaseKind } from '../../lib/database-url';

const root = path.resolve(__dirname, '../..');

function migrate(url: string): void {
  try {
    execFileSync(path.join(root, 'node_modules/.bin/prisma'), ['migrate', 'deploy'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`Migrating the test template database failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

export default function globalSetup(): void {
  for (const client of ['sqlite', 'postgres']) {
    if (!existsSync(path.join(root, 'lib/generated', client, 'client.ts'))) {
      throw new Error(`lib/generated/${client} is missing: run \`npm run db:generate\` first.`);
    }
  }
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  const started = Date.now();
  if (adminUrl && databaseKind(adminUrl) === 'postgres') {
    // Unique per run, so two runs against one server never meet.
    const prefix = `portal_test_${Date.now().toString(36)}_${process.pid}_`;
    const template = `${prefix}template`;
    const templateUrl = execFileSync(process.execPath, [path.join(__dirname, 'pg-admin.mjs'), 'create', adminUrl, template], {
      encoding: 'utf8',
    }).trim();
    Object.assign(process.env, { TEST_DB_KIND: 'postgres', TEST_DB_PREFIX: prefix, TEST_DB_TEMPLATE: template });
    migrate(templateUrl);
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), 'portal-test-'));
    const template = path.join(dir, 'template.db');
    Object.assign(process.env, { TEST_DB_KIND: 'sqlite', TEST_DB_DIR: dir, TEST_DB_TEMPLATE: template });
    migrate(`file:${template}`);
  }
  console.log(`\nTest databases: ${process.env.TEST_DB_KIND}, template migrated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
