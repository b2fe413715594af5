import 'server-only';
import { db, type TxClient } from '@/lib/db';
import { keyedHash } from '@/lib/crypto/server-keys';
import { createRecoveryCodeSet, formatRecoveryCode } from './recovery-code-format';

/**
 * The stored side of recovery codes (S13). Only a keyed hash is kept: HMAC-SHA-256 under the
 * server's 'recovery-code' key, over the user's id and the code, so a copy of the table is
 * worth nothing without the key, and a row copied onto another user does not match.
 * A code is found by its hash in the database, not compared in process: the attacker
 * chooses the code but cannot choose or learn the hash, so the lookup's timing tells nothing.
 */

function recoveryCodeHash(userId: string, code: string): string {
  return keyedHash('recovery-code', `${userId}:${code}`);
}

/**
 * Replaces the user's whole set with a new one, inside the caller's transaction: the old
 * codes stop working when it commits. Returns the new codes as the user sees them, the one
 * time they exist in clear.
 */
export async function replaceRecoveryCodes(tx: TxClient, userId: string, now: Date): Promise<string[]> {
  const codes = createRecoveryCodeSet();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: recoveryCodeHash(userId, code), createdAt: now })) });
  return codes.map(formatRecoveryCode);
}

export type RecoveryCodeState = 'unused' | 'used' | 'unknown';

/** What a well-formed code is for this user, read before the attempt is decided. */
export async function recoveryCodeState(userId: string, code: string): Promise<RecoveryCodeState> {
  const row = await db.recoveryCode.findUnique({ where: { userId_codeHash: { userId, codeHash: recoveryCodeHash(userId, code) } }, select: { usedAt: true } });
  if (!row) return 'unknown';
  return row.usedAt ? 'used' : 'unused';
}

/**
 * Marks a code used: a conditional write (usedAt null → now), so of two requests with one
 * code exactly one gets true (S13).
 */
export async function claimRecoveryCode(tx: TxClient, userId: string, code: string, now: Date): Promise<boolean> {
  const { count } = await tx.recoveryCode.updateMany({
    where: { userId, codeHash: recoveryCodeHash(userId, code), usedAt: null },
    data: { usedAt: now },
  });
  return count === 1;
}

/** Codes the user can still use; inside a transaction, pass its client. */
export async function countUnusedRecoveryCodes(userId: string, client: TxClient = db): Promise<number> {
  return client.recoveryCode.count({ where: { userId, usedAt: null } });
}
