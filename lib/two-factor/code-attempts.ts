import 'server-only';
import type { TxClient } from '@/lib/db';
import { CODE_FAILURE_LIMIT, CODE_LOCK_MS } from '@/lib/auth/limits';

/**
 * The account-wide guess limit of the second step (S4): CODE_FAILURE_LIMIT consecutive wrong
 * codes, over any number of login challenges and instances, lock the step for CODE_LOCK_MS
 * (lib/auth/limits.ts); a success resets the count. An attempt is reserved with a conditional write before the code is checked.
 */

export type CodeAttempt = { kind: 'locked' } | { kind: 'reserved'; failures: number };

/**
 * `user` is the row as read just before: when it shows no lock, the lift is skipped (one
 * statement less on the hot path); the conditional write alone decides either way.
 */
export async function reserveCodeAttempt(
  tx: TxClient,
  user: { id: string; codeFailures: number; codeLockedUntil: Date | null },
  now: Date,
): Promise<CodeAttempt> {
  if (user.codeLockedUntil && user.codeLockedUntil <= now) {
    await tx.user.updateMany({ where: { id: user.id, codeLockedUntil: { lte: now } }, data: { codeLockedUntil: null, codeFailures: 0 } });
  }
  const { count } = await tx.user.updateMany({
    where: { id: user.id, codeLockedUntil: null, codeFailures: { lt: CODE_FAILURE_LIMIT } },
    data: { codeFailures: { increment: 1 } },
  });
  if (count === 0) return { kind: 'locked' };
  // For the audit record only: parallel attempts may each see the same number.
  const before = user.codeLockedUntil && user.codeLockedUntil <= now ? 0 : user.codeFailures;
  return { kind: 'reserved', failures: before + 1 };
}

/** After a wrong code: the reserved attempt stays; at the limit the step locks. */
export async function lockCodeStepIfLimitReached(tx: TxClient, userId: string, now: Date): Promise<Date | null> {
  const lockedUntil = new Date(now.getTime() + CODE_LOCK_MS);
  const { count } = await tx.user.updateMany({
    where: { id: userId, codeLockedUntil: null, codeFailures: { gte: CODE_FAILURE_LIMIT } },
    data: { codeLockedUntil: lockedUntil },
  });
  return count === 1 ? lockedUntil : null;
}

/**
 * Claims a TOTP time step for the user's confirmed authenticator: true for exactly one caller
 * per step, false for a step at or below the last accepted one (S3).
 */
export async function claimTotpStep(tx: TxClient, userId: string, step: number): Promise<boolean> {
  // Raw SQL: the statement is the whole work, the model API would cost several times it (issue 17).
  const count = await tx.$executeRaw`UPDATE "TotpCredential" SET "lastUsedStep" = ${step} WHERE "userId" = ${userId} AND "lastUsedStep" < ${step}`;
  return count === 1;
}
