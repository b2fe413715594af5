/**
 * Bench data written straight into the database with the portal's own lib code (sealing,
 * sessions), so preparing thousands of pending logins costs no bcrypt and no HTTP.
 * Import only after DATABASE_URL and the keys are set (see phase.ts).
 */
import { db } from '@/lib/db';
import type { Role } from '@/lib/db/enums';
import { seal } from '@/lib/crypto/secret-box';
import { startSession } from '@/lib/auth/sessions';
import { createTotpSecret } from '@/lib/two-factor/totp';
import { totpSecretContext } from '@/lib/two-factor/secret-context';
import { hashPassword } from '@/lib/auth/password-hash';

export const BENCH_PASSWORD = 'bench password 12';
const meta = { ip: '127.0.0.1', userAgent: 'bench' };

/**
 * Users who sign in with BENCH_PASSWORD (one real cost-12 hash, shared). Several of them: the
 * guess limit allows at most 10 password checks in flight per address, by design (S5).
 */
export async function createPasswordUsers(count: number): Promise<string[]> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const emails = Array.from({ length: count }, (_, i) => `bench-password-${i}@bench.example`);
  for (const email of emails) await db.user.create({ data: { email, name: 'Bench Password', passwordHash } });
  return emails;
}

export type PendingLogin = { cookie: string; secret: string };

/** Users with 2FA, each with a pending login (the state after the password step). */
export async function createPendingLogins(count: number, cookieName: string, tag: string): Promise<PendingLogin[]> {
  const office = await db.office.create({ data: { name: `Bench ${tag}` } });
  const logins: PendingLogin[] = [];
  for (let i = 0; i < count; i++) {
    const secret = createTotpSecret();
    const user = await db.user.create({ data: { email: `bench-${tag}-${i}@bench.example`, name: `Bench ${i}`, passwordHash: 'x', officeId: office.id } });
    const sealed = seal(secret, totpSecretContext(user.id));
    await db.totpCredential.create({ data: { userId: user.id, secretCiphertext: sealed.ciphertext, keyId: sealed.keyId, lastUsedStep: 0 } });
    const session = await db.$transaction((tx) => startSession(tx, { userId: user.id, userVersion: 1, stage: 'PENDING_2FA', meta }));
    logins.push({ cookie: `${cookieName}=${session.token}`, secret });
  }
  return logins;
}

/** An active session for a user with the given role (and 2FA, as the helpdesk requires). */
export async function activeSessionFor(role: Role, cookieName: string, tag: string): Promise<string> {
  const user = await db.user.create({ data: { email: `bench-${tag}@bench.example`, name: `Bench ${tag}`, passwordHash: 'x', role } });
  const sealed = seal(createTotpSecret(), totpSecretContext(user.id));
  await db.totpCredential.create({ data: { userId: user.id, secretCiphertext: sealed.ciphertext, keyId: sealed.keyId, lastUsedStep: 0 } });
  const session = await db.$transaction((tx) => startSession(tx, { userId: user.id, userVersion: 1, stage: 'ACTIVE', meta }));
  return `${cookieName}=${session.token}`;
}

// Prisma's SQLite adapter stores DateTime as ISO-8601 text, e.g. 2026-11-28T14:37:22.545+00:00.
const ISO_NOW = "(strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00')";

/** Pads the users and audit tables up to `total` rows each with set-based SQL (no per-row round trips). */
export async function growTo(total: number, kind: 'sqlite' | 'postgres'): Promise<void> {
  const users = await db.user.count();
  const events = await db.auditEvent.count();
  if (kind === 'sqlite') {
    if (users < total) {
      await db.$executeRawUnsafe(`WITH RECURSIVE n(i) AS (SELECT ${users} UNION ALL SELECT i + 1 FROM n WHERE i < ${total - 1})
        INSERT INTO "User" (id, email, name, "passwordHash", role, "sessionVersion", "codeFailures", "officeJoinedAt", "createdAt", "updatedAt")
        SELECT 'grow-' || i, 'grow-' || i || '@bench.example', 'Grown ' || i, 'x', 'USER', 1, 0, ${ISO_NOW}, ${ISO_NOW}, ${ISO_NOW} FROM n`);
    }
    if (events < total) {
      await db.$executeRawUnsafe(`WITH RECURSIVE n(i) AS (SELECT ${events} UNION ALL SELECT i + 1 FROM n WHERE i < ${total - 1})
        INSERT INTO "AuditEvent" ("createdAt", type, outcome, "subjectUserId", details)
        SELECT strftime('%Y-%m-%dT%H:%M:%f', 'now', '-' || i || ' seconds') || '+00:00', 'login.code_failed', 'FAILURE', 'grow-' || (i % ${Math.max(total, 1)}), '{}' FROM n`);
    }
  } else {
    if (users < total) {
      await db.$executeRawUnsafe(`INSERT INTO "User" (id, email, name, "passwordHash", role, "sessionVersion", "codeFailures", "officeJoinedAt", "createdAt", "updatedAt")
        SELECT 'grow-' || i, 'grow-' || i || '@bench.example', 'Grown ' || i, 'x', 'USER', 1, 0, now(), now(), now() FROM generate_series(${users}, ${total - 1}) AS i`);
    }
    if (events < total) {
      await db.$executeRawUnsafe(`INSERT INTO "AuditEvent" ("createdAt", type, outcome, "subjectUserId", details)
        SELECT now() - (i || ' seconds')::interval, 'login.code_failed', 'FAILURE', 'grow-' || (i % ${total}), '{}' FROM generate_series(${events}, ${total - 1}) AS i`);
    }
    await db.$executeRawUnsafe('ANALYZE "User"');
    await db.$executeRawUnsafe('ANALYZE "AuditEvent"');
  }
}

export { db };
