import 'server-only';
import { db } from '@/lib/db';
import { transaction } from '@/lib/db/transaction';
import { open } from '@/lib/crypto/secret-box';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { enqueueNotification } from '@/lib/notifications/enqueue-notification';
import { endOtherSessions } from '@/lib/auth/sessions';
import { markSecondFactorChecked } from '@/lib/auth/session-checks';
import type { RequestMeta } from '@/lib/auth/request-meta';
import { checkTotpCode } from './totp';
import { totpSecretContext } from './secret-context';
import { replaceRecoveryCodes } from './recovery-codes';

export type ConfirmResult = { kind: 'enabled'; recoveryCodes: string[] } | { kind: 'wrong' } | { kind: 'no-enrolment' };

/**
 * Turns 2FA on, only with a right code from the new secret (S8). The code counts as used (S3);
 * a new set of recovery codes is made, returned this once and stored only as keyed hashes
 * (S13); every other session of the user ends (S9); the user is told (S12); all in one
 * transaction with the audit event (S11). A wrong code is audited and changes nothing else.
 */
export async function confirmEnrolment(
  { userId, sessionId, code }: { userId: string; sessionId: string; code: string },
  meta: RequestMeta,
  now = new Date(),
): Promise<ConfirmResult> {
  const enrolment = await db.totpEnrolment.findUnique({
    where: { userId },
    select: { id: true, secretCiphertext: true, keyId: true, user: { select: { officeId: true } } },
  });
  if (!enrolment) return { kind: 'no-enrolment' };
  const audit = { factor: 'totp' as const, actorUserId: userId, subjectUserId: userId, officeId: enrolment.user.officeId, meta };

  const secret = open({ ciphertext: enrolment.secretCiphertext, keyId: enrolment.keyId }, totpSecretContext(userId));
  const check = await checkTotpCode({ secret, code, lastUsedStep: 0, nowMs: now.getTime() });
  if (check.kind !== 'accepted') {
    await db.$transaction((tx) => recordAuditEvent(tx, { ...audit, type: 'two_factor.enable_failed', outcome: 'FAILURE', details: { reason: 'wrong_code' } }));
    return { kind: 'wrong' };
  }

  return transaction(async (tx): Promise<ConfirmResult> => {
    // Exactly this enrolment, once: a second tab confirming the same secret finds it gone (and nothing is written).
    const { count } = await tx.totpEnrolment.deleteMany({ where: { id: enrolment.id } });
    if (count !== 1) return { kind: 'no-enrolment' };
    await tx.totpCredential.create({
      data: { userId, secretCiphertext: enrolment.secretCiphertext, keyId: enrolment.keyId, lastUsedStep: check.step, confirmedAt: now },
    });
    // Beside security keys 2FA is on already: its recovery codes stay and no session ends (S24).
    const firstMethod = (await tx.webAuthnCredential.count({ where: { userId } })) === 0;
    let codes: string[] = [];
    if (firstMethod) {
      await tx.user.update({ where: { id: userId }, data: { codeFailures: 0, codeLockedUntil: null, twoFactorDueBy: null } });
      codes = await replaceRecoveryCodes(tx, userId, now);
      await endOtherSessions(tx, userId, sessionId);
    }
    // A right code from the new app is a fresh second-factor check for this session (S25), if it is still there.
    if (await tx.session.count({ where: { id: sessionId } })) await markSecondFactorChecked(tx, sessionId, now);
    await recordAuditEvent(tx, { ...audit, type: 'two_factor.enabled', outcome: 'SUCCESS', details: { recoveryCodes: codes.length } });
    await enqueueNotification(tx, { userId, kind: 'two_factor_enabled', meta, now });
    return { kind: 'enabled', recoveryCodes: codes };
  });
}
