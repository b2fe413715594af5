import 'server-only';
import { db } from '@/lib/db';
import { keyedHash } from '@/lib/crypto/server-keys';
import { normaliseEmail } from './email-address';
import { RESET_REQUESTS_GLOBAL, RESET_REQUESTS_PER_ADDRESS, RESET_WINDOW_MS } from './password-limits';

/**
 * The budgets of "Forgot your password?" (S16), in the database so every instance shares them:
 * per e-mail address (known or not, keyed like the login throttle, so the row tells nothing
 * about which addresses exist) and for all requests together (the mail a stranger can make the
 * portal send). Each request takes one unit by a conditional write, safe across instances.
 */

const GLOBAL_KEY = 'all-addresses'; // never a 64-character hex HMAC

async function takeUnit(key: string, limit: number, now: Date): Promise<boolean> {
  try {
    await db.passwordResetThrottle.upsert({ where: { key }, create: { key, windowStartsAt: now }, update: {} });
  } catch (error) {
    // Two first requests at once: one insert loses on the key; the row exists, which is all we need.
    if ((error as { code?: string }).code !== 'P2002') throw error;
  }
  // A window that has run out starts again, by the same kind of conditional write.
  await db.passwordResetThrottle.updateMany({
    where: { key, windowStartsAt: { lte: new Date(now.getTime() - RESET_WINDOW_MS) } },
    data: { windowStartsAt: now, count: 0 },
  });
  const { count } = await db.passwordResetThrottle.updateMany({ where: { key, count: { lt: limit } }, data: { count: { increment: 1 } } });
  return count === 1;
}

/** One reset request for `email`: false when the address's or the portal's budget is spent. */
export async function takeResetRequestBudget(email: string, now = new Date()): Promise<boolean> {
  const addressKey = keyedHash('password-reset-throttle', normaliseEmail(email));
  if (!(await takeUnit(addressKey, RESET_REQUESTS_PER_ADDRESS, now))) return false;
  return takeUnit(GLOBAL_KEY, RESET_REQUESTS_GLOBAL, now);
}
