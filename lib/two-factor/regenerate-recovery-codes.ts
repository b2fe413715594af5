import 'server-only';
import { db } from '@/lib/db';
import { transaction } from '@/lib/db/transaction';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { enqueueNotification } from '@/lib/notifications/enqueue-notification';
import { checkPasswordAgain } from '@/lib/auth/password-again';
import type { RequestMeta } from '@/lib/auth/request-meta';
import { replaceRecoveryCodes } from './recovery-codes';

export type RegenerateResult = { kind: 'generated'; recoveryCodes: string[] } | { kind: 'incorrect' } | { kind: 'locked' } | { kind: 'not-enabled' };

/**
 * A new set of recovery codes, with the current password under the guess limit of sign-in
 * (S5): someone at an unattended, signed-in browser cannot mint themselves a way back in.
 * The whole old set stops working when the transaction commits (S13); the user is told (S12).
 */
export async function regenerateRecoveryCodes(
  { userId, password }: { userId: string; password: string },
  meta: RequestMeta,
  now = new Date(),
): Promise<RegenerateResult> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, passwordHash: true, officeId: true, totpCredential: { select: { id: true } }, _count: { select: { webAuthnCredentials: true } } },
  });
  if (!user.totpCredential && user._count.webAuthnCredentials === 0) return { kind: 'not-enabled' };
  const audit = { factor: 'password' as const, actorUserId: userId, subjectUserId: userId, officeId: user.officeId, meta };

  const verdict = await checkPasswordAgain({ ...user, id: userId }, password, meta, { type: 'two_factor.recovery_codes_generate_failed' });
  if (verdict !== 'correct') return { kind: verdict };

  return transaction(async (tx): Promise<RegenerateResult> => {
    // 2FA may have been turned off or reset since it was read above: no codes without it.
    if ((await tx.totpCredential.count({ where: { userId } })) + (await tx.webAuthnCredential.count({ where: { userId } })) === 0)
      return { kind: 'not-enabled' };
    const codes = await replaceRecoveryCodes(tx, userId, now);
    await recordAuditEvent(tx, { ...audit, type: 'two_factor.recovery_codes_generated', outcome: 'SUCCESS', details: { recoveryCodes: codes.length } });
    await enqueueNotification(tx, { userId, kind: 'recovery_codes_generated', meta, now });
    return { kind: 'generated', recoveryCodes: codes };
  });
}
