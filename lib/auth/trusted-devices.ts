import 'server-only';
import { db, type TxClient } from '@/lib/db';
import { sessionIdFromToken } from './session-token';
import { DEVICE_FAILURE_LIMIT, DEVICE_FAILURE_WINDOW_MS } from './limits';

/**
 * OWASP's device cookies (S19). A browser whose device cookie has signed in to an account before
 * is trusted for that account: its wrong passwords count on its own budget (DEVICE_FAILURE_LIMIT
 * per DEVICE_FAILURE_WINDOW_MS), not on the address's lock, so a stranger's guesses never lock
 * the owner out. Every budget is a conditional write in the database, safe across instances.
 */

export type TrustedDevice = { id: string };

/**
 * The trusted device for `token` and this user, or null. Always one query when a token is
 * sent, known account or not, so the work does not tell which addresses have accounts.
 */
export async function findTrustedDevice(token: string | null, userId: string | null): Promise<TrustedDevice | null> {
  if (!token) return null;
  return db.trustedDevice.findUnique({ where: { tokenHash_userId: { tokenHash: sessionIdFromToken(token), userId: userId ?? '' } }, select: { id: true } });
}

/** Takes one attempt from the device's budget before the password is compared; false when it is spent. */
export async function reserveDeviceAttempt(id: string, now = new Date()): Promise<boolean> {
  // A window that has ended starts again, in the same kind of conditional write that takes the attempt.
  await db.trustedDevice.updateMany({
    where: { id, windowStart: { lte: new Date(now.getTime() - DEVICE_FAILURE_WINDOW_MS) } },
    data: { failures: 0, windowStart: now },
  });
  const { count } = await db.trustedDevice.updateMany({ where: { id, failures: { lt: DEVICE_FAILURE_LIMIT } }, data: { failures: { increment: 1 } } });
  return count === 1;
}

/** When the device's spent budget comes back, if this wrong password spent it. */
export async function deviceLockedUntil(id: string): Promise<Date | null> {
  const row = await db.trustedDevice.findUnique({ where: { id }, select: { failures: true, windowStart: true } });
  return row && row.failures >= DEVICE_FAILURE_LIMIT ? new Date(row.windowStart.getTime() + DEVICE_FAILURE_WINDOW_MS) : null;
}

/** The right password from the device: its own count starts again. */
export async function clearDeviceFailures(id: string): Promise<void> {
  await db.trustedDevice.updateMany({ where: { id }, data: { failures: 0 } });
}

/** After a password reset by the owner: every trusted device of the account gets its whole budget back. */
export async function clearAccountDeviceFailures(userId: string): Promise<void> {
  await db.trustedDevice.updateMany({ where: { userId, failures: { gt: 0 } }, data: { failures: 0 } });
}

/**
 * After a completed login: the browser's device cookie is trusted for this account from now on.
 * Returns when the account last signed in from it (null: never), for the new-sign-in e-mail,
 * and whether the account had other devices (none: its first login since device cookies).
 */
export async function trustDevice(
  tx: TxClient,
  token: string,
  userId: string,
  now = new Date(),
): Promise<{ lastSignInAt: Date | null; hasOtherDevices: boolean }> {
  const tokenHash = sessionIdFromToken(token);
  // One statement for what two of the model API's cost (issue 17: every completed login runs this):
  // this device's last sign-in, if it is known, and how many devices the account has.
  // i18n-exempt: SQL, not text for people.
  const [seen] = await tx.$queryRaw<Array<{ lastSignInAt: Date | string | null; devices: number | bigint }>>`
    SELECT (SELECT d."lastSignInAt" FROM "TrustedDevice" d WHERE d."tokenHash" = ${tokenHash} AND d."userId" = ${userId}) AS "lastSignInAt",
      (SELECT count(*) FROM "TrustedDevice" d WHERE d."userId" = ${userId}) AS "devices"`;
  if (seen.lastSignInAt !== null) {
    await tx.$executeRaw`UPDATE "TrustedDevice" SET "lastSignInAt" = ${now} WHERE "tokenHash" = ${tokenHash} AND "userId" = ${userId}`;
    return { lastSignInAt: seen.lastSignInAt instanceof Date ? seen.lastSignInAt : new Date(seen.lastSignInAt), hasOtherDevices: true };
  }
  const others = Number(seen.devices);
  try {
    await tx.trustedDevice.create({ data: { tokenHash, userId, createdAt: now, lastSignInAt: now, windowStart: now } });
  } catch (error) {
    // Two logins of one browser at once: the other one made the row, which is all we need.
    if ((error as { code?: string }).code !== 'P2002') throw error;
  }
  return { lastSignInAt: null, hasOtherDevices: others > 0 };
}
