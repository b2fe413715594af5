import 'server-only';
import { randomUUID } from 'node:crypto';
import { db, type DbClient, type Statement } from '@/lib/db';
import { sessionIdFromToken } from './session-token';
import { DEVICE_FAILURE_LIMIT, DEVICE_FAILURE_WINDOW_MS } from './limits';

/**
 * OWASP's device cookies (S19). A browser whose device cookie has signed in to an account before
 * is trusted for that account: its wrong passwords count on its own budget (DEVICE_FAILURE_LIMIT
 * per DEVICE_FAILURE_WINDOW_MS), not on the address's lock, so a stranger's guesses never lock
 * the owner out. Every budget is a conditional write in the database, safe across instances.
 */

export type TrustedDevice = { id: string };

/** Takes one attempt from the device's budget before the password is compared; false when it is spent. */
export async function reserveDeviceAttempt(id: string, now = new Date()): Promise<boolean> {
  const windowEnded = new Date(now.getTime() - DEVICE_FAILURE_WINDOW_MS);
  // One conditional write (issue 17): a window that has ended starts again in the same statement that takes the attempt.
  // i18n-exempt: SQL, not text for people.
  const count = await db.$executeRaw`
    UPDATE "TrustedDevice" SET
      "failures" = CASE WHEN "windowStart" <= ${windowEnded} THEN 1 ELSE "failures" + 1 END,
      "windowStart" = CASE WHEN "windowStart" <= ${windowEnded} THEN ${now} ELSE "windowStart" END
    WHERE "id" = ${id} AND ("windowStart" <= ${windowEnded} OR "failures" < ${DEVICE_FAILURE_LIMIT})`;
  return count === 1;
}

/** When the device's spent budget comes back, if this wrong password spent it. */
export async function deviceLockedUntil(id: string): Promise<Date | null> {
  const row = await db.trustedDevice.findUnique({ where: { id }, select: { failures: true, windowStart: true } });
  return row && row.failures >= DEVICE_FAILURE_LIMIT ? new Date(row.windowStart.getTime() + DEVICE_FAILURE_WINDOW_MS) : null;
}

/** The right password from the device: its own count starts again (a statement not yet sent, as clearPasswordFailures). */
export function clearDeviceFailures(id: string): Statement {
  // i18n-exempt: SQL, not text for people.
  return db.$executeRaw`UPDATE "TrustedDevice" SET "failures" = 0 WHERE "id" = ${id} AND "failures" > 0`;
}

/** After a password reset by the owner: every trusted device of the account gets its whole budget back. */
export async function clearAccountDeviceFailures(userId: string): Promise<void> {
  await db.trustedDevice.updateMany({ where: { userId, failures: { gt: 0 } }, data: { failures: 0 } });
}

/**
 * After a completed login: the browser's device cookie is trusted for this account from now on,
 * its last sign-in now. One statement, new device or known (two logins of one browser at once
 * meet in the unique key, and both end with the row); `tx` is the database itself when nothing
 * else is written with it. The id is ours to choose (a raw INSERT gets no Prisma default); no one
 * reads it but the row's own updates.
 */
export function trustDevice(tx: DbClient, token: string, userId: string, now = new Date()): Statement {
  // i18n-exempt: SQL, not text for people.
  return tx.$executeRaw`
    INSERT INTO "TrustedDevice" ("id", "tokenHash", "userId", "failures", "windowStart", "createdAt", "lastSignInAt")
    VALUES (${randomUUID()}, ${sessionIdFromToken(token)}, ${userId}, 0, ${now}, ${now}, ${now})
    ON CONFLICT ("tokenHash", "userId") DO UPDATE SET "lastSignInAt" = excluded."lastSignInAt"`;
}
