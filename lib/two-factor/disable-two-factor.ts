import 'server-only';
import { db } from '@/lib/db';
import { transaction } from '@/lib/db/transaction';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { enqueueNotification } from '@/lib/notifications/enqueue-notification';
import { checkPasswordAgain } from '@/lib/auth/password-again';
import { endOtherSessions } from '@/lib/auth/sessions';
import { alertOfficeAdmins } from '@/lib/office-alerts/alert-office-admins';
import type { RequestMeta } from '@/lib/auth/request-meta';

export type DisableResult = { kind: 'disabled' } | { kind: 'incorrect' } | { kind: 'locked' } | { kind: 'not-enabled' } | { kind: 'required-by-office' };

/**
 * Turns 2FA off with the current password (S8), under the same guess limit as sign-in (S5).
 * The authenticator, its recovery codes and any unfinished enrolment go; other sessions end
 * (S9); the user is told (S12); the audit event is written in the same transaction (S11).
 */
export async function disableTwoFactor(
  { userId, sessionId, password }: { userId: string; sessionId: string; password: string },
  meta: RequestMeta,
): Promise<DisableResult> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      email: true,
      passwordHash: true,
      officeId: true,
      office: { select: { twoFactorRequired: true } },
      totpCredential: { select: { id: true } },
      _count: { select: { webAuthnCredentials: true } },
    },
  });
  if (!user.totpCredential && user._count.webAuthnCredentials === 0) return { kind: 'not-enabled' };
  // While the office requires 2FA only the helpdesk can turn it off (after an identity check).
  if (user.office?.twoFactorRequired) return { kind: 'required-by-office' };
  const audit = { factor: 'password' as const, actorUserId: userId, subjectUserId: userId, officeId: user.officeId, meta };

  const verdict = await checkPasswordAgain({ ...user, id: userId }, password, meta, { type: 'two_factor.disable_failed' });
  if (verdict !== 'correct') return { kind: verdict };

  await transaction(async (tx) => {
    await tx.totpCredential.deleteMany({ where: { userId } });
    // Every method goes: 2FA off means no app and no security key (S24).
    await tx.webAuthnCredential.deleteMany({ where: { userId } });
    await tx.totpEnrolment.deleteMany({ where: { userId } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await endOtherSessions(tx, userId, sessionId);
    await recordAuditEvent(tx, { ...audit, type: 'two_factor.disabled', outcome: 'SUCCESS' });
    await enqueueNotification(tx, { userId, kind: 'two_factor_disabled', meta });
    // The requirement read above may have been turned on since (an admin saving it meanwhile):
    // read again here, the office's admins hear of a 2FA turned off under their requirement (S23).
    const office = user.officeId ? await tx.office.findUnique({ where: { id: user.officeId }, select: { twoFactorRequired: true } }) : null;
    if (office?.twoFactorRequired) await alertOfficeAdmins(tx, { memberId: userId, alert: { kind: 'two_factor_disabled' }, now: new Date() });
  });
  return { kind: 'disabled' };
}
