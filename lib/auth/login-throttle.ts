import 'server-only';
import { db } from '@/lib/db';
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

/** Returns false when the address is locked (or all its attempts are in flight). */
export async function reservePasswordAttempt(key: string, now = new Date()): Promise<boolean> {
  try {
    await db.loginThrottle.upsert({ where: { key }, create: { key }, update: {} });
  } catch (error) {
    // Two first attempts for one address at once (any instances): both find no row, both
    // insert, one loses on the unique key (P2002; PostgreSQL runs this upsert as select-then-insert).
    // The row exists either way, which is all this line is for: without this the loser got a 500.
    if ((error as { code?: string }).code !== 'P2002') throw error;
  }
  // An expired lock is lifted by the same conditional write that takes the attempt.
  await db.loginThrottle.updateMany({ where: { key, lockedUntil: { lte: now } }, data: { lockedUntil: null, failures: 0 } });
  const { count } = await db.loginThrottle.updateMany({
    where: { key, lockedUntil: null, failures: { lt: PASSWORD_FAILURE_LIMIT } },
    data: { failures: { increment: 1 } },
  });
  return count === 1;
}

/** After a wrong password: the reserved attempt stays counted; the last one allowed locks the address. */
export async function lockIfLimitReached(key: string, now = new Date()): Promise<Date | null> {
  const lockedUntil = new Date(now.getTime() + PASSWORD_LOCK_MS);
  const { count } = await db.loginThrottle.updateMany({
    where: { key, lockedUntil: null, failures: { gte: PASSWORD_FAILURE_LIMIT } },
    data: { lockedUntil },
  });
  return count === 1 ? lockedUntil : null;
}

/** After the right password: the count of consecutive failures starts again. */
export async function clearPasswordFailures(key: string): Promise<void> {
  await db.loginThrottle.updateMany({ where: { key }, data: { failures: 0, lockedUntil: null } });
}
