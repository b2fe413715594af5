import 'server-only';
import { db, type Statement } from '@/lib/db';
import { keyedHash } from '@/lib/crypto/server-keys';
import { PASSWORD_FAILURE_LIMIT, PASSWORD_LOCK_MS } from './limits';
import { normaliseEmail } from './email-address';

/**
 * The password step's guess limit (S5): PASSWORD_FAILURE_LIMIT consecutive wrong passwords lock
 * an e-mail address for PASSWORD_LOCK_MS (lib/auth/limits.ts). Counted per address whether or not an account has it, so a lock tells an
 * outsider nothing about which addresses exist. An attempt is reserved before the password is
 * compared: parallel requests from many instances cannot slip past the limit.
 */

/** The throttle row of an address: one per address however it was typed. */
export function throttleKey(email: string): string {
  return keyedHash('login-throttle', normaliseEmail(email));
}

/**
 * Returns false when the address is locked (or all its attempts are in flight). ONE statement
 * (issue 17: three model operations cost ~2 ms where this costs a fraction): the row is made on
 * the address's first attempt, an expired lock is lifted, and the attempt is taken, all in the
 * conditional upsert; two first attempts at once meet in the primary key and both end counted.
 */
export async function reservePasswordAttempt(key: string, now = new Date()): Promise<boolean> {
  // i18n-exempt: SQL, not text for people.
  const taken = await db.$queryRaw<unknown[]>`
    INSERT INTO "LoginThrottle" ("key", "failures", "lockedUntil", "updatedAt") VALUES (${key}, 1, NULL, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."lockedUntil" IS NULL THEN "LoginThrottle"."failures" + 1 ELSE 1 END,
      "lockedUntil" = NULL, "updatedAt" = excluded."updatedAt"
    WHERE ("LoginThrottle"."lockedUntil" IS NULL AND "LoginThrottle"."failures" < ${PASSWORD_FAILURE_LIMIT})
      OR "LoginThrottle"."lockedUntil" <= excluded."updatedAt"
    RETURNING "failures"`;
  return taken.length === 1;
}

/** After a wrong password: the reserved attempt stays counted; the last one allowed locks the address. */
export async function lockIfLimitReached(key: string, now = new Date()): Promise<Date | null> {
  const lockedUntil = new Date(now.getTime() + PASSWORD_LOCK_MS);
  // i18n-exempt: SQL, not text for people.
  const count = await db.$executeRaw`
    UPDATE "LoginThrottle" SET "lockedUntil" = ${lockedUntil}, "updatedAt" = ${now}
    WHERE "key" = ${key} AND "lockedUntil" IS NULL AND "failures" >= ${PASSWORD_FAILURE_LIMIT}`;
  return count === 1 ? lockedUntil : null;
}

/**
 * After the right password: the count of consecutive failures starts again. A statement not yet
 * sent: awaited alone, or run in one batch with what the password allows (lib/auth/check-password.ts).
 */
export function clearPasswordFailures(key: string, now = new Date()): Statement {
  // i18n-exempt: SQL, not text for people.
  return db.$executeRaw`UPDATE "LoginThrottle" SET "failures" = 0, "lockedUntil" = NULL, "updatedAt" = ${now} WHERE "key" = ${key}`;
}
