/**
 * The database harness itself: each test file gets its own freshly migrated database
 * (tests/setup/), and lib/db.ts reaches it through the generated client for that database.
 */
import { spawn } from 'node:child_process';
import { db } from '@/lib/db';
import type { AuditOutcome, Role } from '@/lib/db/enums';
import { databaseKind, sqliteFilePath } from '@/lib/database-url';

describe('test database', () => {
  it('starts empty for this file, with the schema migrated', async () => {
    // Other test files create users and offices; none of them are visible here.
    expect(await db.user.count()).toBe(0);
    expect(await db.office.count()).toBe(0);
    expect(await db.auditEvent.count()).toBe(0);
  });

  it('is the database chosen for this run, not the development database', () => {
    const url = process.env.DATABASE_URL ?? '';
    const expected = process.env.TEST_DB_KIND === 'postgres' ? 'postgres' : 'sqlite';
    expect(databaseKind(url)).toBe(expected);
    expect(url).not.toMatch(/data\/dev\.db$/);
  });

  it('stores an office with a user and reads them back', async () => {
    const office = await db.office.create({ data: { name: 'Van Dijk Accountants' } });
    await db.user.create({
      data: { email: 'anna@vandijk.example', name: 'Anna de Vries', passwordHash: 'not-a-real-hash', officeId: office.id },
    });

    const found = await db.user.findUnique({
      where: { email: 'anna@vandijk.example' },
      select: { name: true, role: true, sessionVersion: true, createdAt: true, office: { select: { name: true } } },
    });
    expect(found).toEqual({
      name: 'Anna de Vries',
      role: 'USER',
      sessionVersion: 1,
      createdAt: expect.any(Date),
      office: { name: 'Van Dijk Accountants' },
    });
  });

  it('enforces the unique e-mail address', async () => {
    await expect(db.user.create({ data: { email: 'anna@vandijk.example', name: 'Someone else', passwordHash: 'x' } })).rejects.toMatchObject({ code: 'P2002' });
  });

  it("stores only the schema's roles, stages and outcomes (enums)", async () => {
    const data = { email: 'eve@vandijk.example', name: 'Eve', passwordHash: 'x' };
    await expect(db.user.create({ data: { ...data, role: 'ADMIN' as Role } })).rejects.toThrow(/ADMIN/);
    await expect(db.auditEvent.create({ data: { type: 'logout', outcome: 'MAYBE' as AuditOutcome } })).rejects.toThrow(/MAYBE/);
    expect(await db.user.count({ where: { email: data.email } })).toBe(0);
  });

  it('rolls back a failed transaction as a whole', async () => {
    await expect(
      db.$transaction(async (tx) => {
        await tx.office.create({ data: { name: 'Half-made office' } });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db.office.count({ where: { name: 'Half-made office' } })).toBe(0);
  });

  it("deletes a user's sessions with the user (onDelete: Cascade)", async () => {
    const user = await db.user.create({ data: { email: 'bram@vandijk.example', name: 'Bram', passwordHash: 'x' } });
    await db.session.create({
      data: { id: 'session-hash', userId: user.id, stage: 'ACTIVE', userVersion: 1, expiresAt: new Date(Date.now() + 60_000) },
    });
    await db.user.delete({ where: { id: user.id } });
    expect(await db.session.count()).toBe(0);
  });

  // S11: triggers make the audit trail append-only even for the app's own credentials.
  it('refuses to change or delete audit events', async () => {
    const event = await db.auditEvent.create({ data: { type: 'login.password_failed', outcome: 'FAILURE' } });
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { outcome: 'SUCCESS' } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.deleteMany()).rejects.toThrow(/append-only/);
    if (process.env.TEST_DB_KIND === 'postgres') await expect(db.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.findUnique({ where: { id: event.id }, select: { outcome: true } })).toEqual({ outcome: 'FAILURE' });
  });

  it("keeps a concurrent write outside an open transaction out of that transaction's rollback", async () => {
    const rolledBack = db
      .$transaction(async (tx) => {
        await tx.office.create({ data: { name: 'Made in the transaction' } });
        await new Promise((resolve) => setTimeout(resolve, 100)); // another request comes in meanwhile
        throw new Error('abort');
      })
      .catch((error: Error) => error.message);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await db.office.create({ data: { name: 'Another request' } });

    expect(await rolledBack).toBe('abort');
    const names = (await db.office.findMany({ select: { name: true } })).map((office) => office.name);
    expect(names).toContain('Another request');
    expect(names).not.toContain('Made in the transaction');
  });

  // Another process (an instance, a migration) holding SQLite's write lock: wait, do not fail.
  const onSqlite = process.env.TEST_DB_KIND === 'postgres' ? it.skip : it;
  onSqlite("waits for another process's write lock instead of failing (WAL, busy timeout)", async () => {
    const holder = spawn(process.execPath, ['-e', HOLD_WRITE_LOCK, sqliteFilePath(process.env.DATABASE_URL!)]);
    await new Promise<void>((resolve, reject) => {
      holder.stdout.once('data', () => resolve());
      holder.once('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
    });
    const started = Date.now();
    await db.office.create({ data: { name: 'Written after the lock' } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(await db.$queryRawUnsafe('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
  });
});

/** Takes the SQLite write lock, says so, holds it for 300 ms. */
const HOLD_WRITE_LOCK = `
  const db = new (require('better-sqlite3'))(process.argv[1]);
  db.exec('BEGIN IMMEDIATE');
  process.stdout.write('locked');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
  db.exec('COMMIT');
`;
