/**
 * `npm run db:check`'s migration-tree check on real databases: copies of the project's two trees
 * are applied to empty databases, with a migration added to one side, and the difference must be
 * reported by name. The PostgreSQL tests run under `npm run test:pg` (they need a server); the
 * SQLite ones in every run. (The wording of the report: tests/unit/schema-description.test.ts.)
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { applySqliteTree, checkMigrationTrees, describeSqlite } from '@/scripts/migration-trees';
import { compareSchemas } from '@/scripts/schema-description';

const root = path.resolve(__dirname, '../..');
const adminUrl = process.env.TEST_DB_KIND === 'postgres' ? process.env.TEST_DATABASE_ADMIN_URL! : '';
const onPostgres = adminUrl ? test : test.skip;

// Sorts after every real migration, as a developer's next one would.
const DRIFT = '29991231000000_drift';

let work: string;
let trees: { sqliteTree: string; postgresTree: string };
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'migration-trees-'));
  trees = { sqliteTree: path.join(work, 'sqlite'), postgresTree: path.join(work, 'postgres') };
  cpSync(path.join(root, 'prisma/migrations'), trees.sqliteTree, { recursive: true });
  cpSync(path.join(root, 'prisma/postgres/migrations'), trees.postgresTree, { recursive: true });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function addMigration(tree: string, sql: string): void {
  mkdirSync(path.join(tree, DRIFT));
  writeFileSync(path.join(tree, DRIFT, 'migration.sql'), sql);
}

function describeSqliteTree(tree: string) {
  const db = applySqliteTree(tree);
  try {
    return describeSqlite(db);
  } finally {
    db.close();
  }
}

describe('SQLite: what a migration changes shows in the description', () => {
  const changedBy = (sql: string) => {
    const before = describeSqliteTree(trees.sqliteTree);
    addMigration(trees.sqliteTree, sql);
    return compareSchemas(before, describeSqliteTree(trees.sqliteTree), ['original', 'changed']);
  };

  test('an added column, with its type, nullability and default', () => {
    expect(changedBy(`ALTER TABLE "User" ADD COLUMN "nickname" TEXT NOT NULL DEFAULT 'x';`)).toEqual([
      `column "User"."nickname": only in the changed tree (text, NOT NULL, default 'x')`,
    ]);
  });

  test('an added index, with its columns in order', () => {
    expect(changedBy(`CREATE UNIQUE INDEX "Session_expiresAt_userId_idx" ON "Session"("expiresAt", "userId");`)).toEqual([
      'index "Session_expiresAt_userId_idx" on "Session": only in the changed tree ((expiresAt, userId), UNIQUE, whole table)',
    ]);
  });

  test('a column made optional (SQLite rebuilds the table, as Prisma writes it)', () => {
    expect(
      changedBy(`
        CREATE TABLE "new_LoginThrottle" ("key" TEXT NOT NULL PRIMARY KEY, "failures" INTEGER NOT NULL DEFAULT 0,
          "lockedUntil" DATETIME, "updatedAt" DATETIME);
        INSERT INTO "new_LoginThrottle" SELECT "key", "failures", "lockedUntil", "updatedAt" FROM "LoginThrottle";
        DROP TABLE "LoginThrottle";
        ALTER TABLE "new_LoginThrottle" RENAME TO "LoginThrottle";`),
    ).toEqual(['column "LoginThrottle"."updatedAt": nullability NOT NULL in original, NULL in changed']);
  });
});

describe('the SQLite tree against the PostgreSQL tree', () => {
  const check = () => checkMigrationTrees({ ...trees, adminUrl });

  onPostgres("the project's two trees build the same schema", async () => {
    const result = await check();
    expect(result.differences).toEqual([]);
    expect(result.tables).toBeGreaterThanOrEqual(9); // both sides were really read
  });

  onPostgres('a migration added to the PostgreSQL tree only: the folder and its column are reported', async () => {
    addMigration(trees.postgresTree, `ALTER TABLE "User" ADD COLUMN "nickname" TEXT;`);
    expect((await check()).differences).toEqual([
      `migration ${DRIFT}: only in the PostgreSQL tree`,
      'column "User"."nickname": only in the PostgreSQL tree (text, NULL, default none)',
    ]);
  });

  onPostgres('an index in one tree only, and one whose column order differs', async () => {
    addMigration(
      trees.sqliteTree,
      `CREATE INDEX "Session_stage_idx" ON "Session"("stage");\nCREATE INDEX "Session_ip_userId_idx" ON "Session"("ip", "userId");`,
    );
    addMigration(trees.postgresTree, `CREATE INDEX "Session_ip_userId_idx" ON "Session"("userId", "ip");`);
    expect((await check()).differences).toEqual([
      'index "Session_ip_userId_idx" on "Session": columns (ip, userId) in SQLite, (userId, ip) in PostgreSQL',
      'index "Session_stage_idx" on "Session": only in the SQLite tree ((stage), not unique, whole table)',
    ]);
  });

  onPostgres('a column NOT NULL in one tree and nullable in the other, or with another default', async () => {
    addMigration(
      trees.sqliteTree,
      `ALTER TABLE "Office" ADD COLUMN "plan" TEXT NOT NULL DEFAULT 'basic';\nALTER TABLE "Office" ADD COLUMN "seats" INTEGER NOT NULL DEFAULT 5;`,
    );
    addMigration(
      trees.postgresTree,
      `ALTER TABLE "Office" ADD COLUMN "plan" TEXT DEFAULT 'basic';\nALTER TABLE "Office" ADD COLUMN "seats" INTEGER NOT NULL DEFAULT 10;`,
    );
    expect((await check()).differences).toEqual([
      'column "Office"."plan": nullability NOT NULL in SQLite, NULL in PostgreSQL',
      'column "Office"."seats": default 5 in SQLite, 10 in PostgreSQL',
    ]);
  });

  onPostgres('a foreign key that cascades in one tree only', async () => {
    addMigration(trees.sqliteTree, `ALTER TABLE "OutboxMessage" ADD COLUMN "officeId" TEXT REFERENCES "Office" ("id") ON DELETE CASCADE ON UPDATE CASCADE;`);
    addMigration(
      trees.postgresTree,
      `ALTER TABLE "OutboxMessage" ADD COLUMN "officeId" TEXT;\nALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE SET NULL ON UPDATE CASCADE;`,
    );
    expect((await check()).differences).toEqual([
      'foreign key "OutboxMessage" (officeId) → "Office" (id): on delete CASCADE in SQLite, SET NULL in PostgreSQL',
    ]);
  });

  onPostgres('a migration that fails on PostgreSQL stops the check with its name, and leaves no scratch database behind', async () => {
    addMigration(trees.sqliteTree, `ALTER TABLE "User" ADD COLUMN "nickname" TEXT;`);
    addMigration(trees.postgresTree, `ALTER TABLE "Nobody" ADD COLUMN "nickname" TEXT;`);
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const scratchDatabases = async () =>
      (await admin.query(String.raw`SELECT datname FROM pg_database WHERE datname LIKE 'migration\_check\_%' ORDER BY datname`)).rows;
    try {
      const before = await scratchDatabases();
      await expect(check()).rejects.toThrow(`PostgreSQL migration ${DRIFT} failed`);
      expect(await scratchDatabases()).toEqual(before);
    } finally {
      await admin.end();
    }
  });
});
