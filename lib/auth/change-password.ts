import 'server-only';
import { db } from '@/lib/db';
import { transaction } from '@/lib/db/transaction';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { Locale } from '@/lib/i18n/locale';
import { enqueuePasswordEmail } from '@/lib/notifications/password-emails';
import { checkPassword } from './check-password';
import { hashPassword } from './password-hash';
import { checkNewPassword, type PasswordVerdict } from './password-policy';
import { endOtherSessions } from './sessions';
import type { RequestMeta } from './request-meta';

export type ChangePasswordResult =
  | { kind: 'incorrect' }
  | { kind: 'locked' }
  | { kind: 'rejected-password'; verdict: Exclude<PasswordVerdict, { kind: 'ok' }> }
  | { kind: 'changed'; sessionsEnded: number };

/**
 * "Change password" (S17). The current password is checked with the login's own guess limit
 * (checkPassword: a wrong one counts toward the address's lock, S5), so a signed-in browser
 * left open is no way around it. The change ends the user's other sessions and keeps this one
 * (the version is raised and this session moves along, as "Sign out everywhere else" does),
 * deletes any reset link, tells the owner by e-mail, and is audited in the same transaction.
 */
export async function changePassword(
  {
    userId,
    sessionId,
    currentPassword,
    newPassword,
    requestLocale,
  }: { userId: string; sessionId: string; currentPassword: string; newPassword: string; requestLocale: Locale },
  meta: RequestMeta,
  now = new Date(),
): Promise<ChangePasswordResult> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, name: true, officeId: true, locale: true, timeZone: true, passwordHash: true },
  });
  const audit = { actorUserId: user.id, subjectUserId: user.id, officeId: user.officeId, meta, factor: 'password' as const };

  const check = await checkPassword(user.email, currentPassword, user.passwordHash);
  if (check.kind !== 'correct') {
    await transaction(async (tx) => {
      await recordAuditEvent(tx, {
        ...audit,
        type: 'password.change_failed',
        outcome: check.kind === 'locked' && !check.lockedNow ? 'DENIED' : 'FAILURE',
        details: check.kind === 'locked' && !check.lockedNow ? { reason: 'locked' } : {},
      });
      if (check.kind === 'locked' && check.lockedNow) {
        await recordAuditEvent(tx, { ...audit, type: 'login.password_locked', outcome: 'DENIED', details: { lockedUntil: check.lockedNow.toISOString() } });
      }
    });
    return { kind: check.kind };
  }

  const verdict = await checkNewPassword(newPassword, { email: user.email });
  if (verdict.kind !== 'ok') return { kind: 'rejected-password', verdict };
  const passwordHash = await hashPassword(newPassword);

  return transaction(async (tx) => {
    const sessionsEnded = await tx.session.count({ where: { userId, id: { not: sessionId }, expiresAt: { gt: now } } });
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await endOtherSessions(tx, userId, sessionId);
    await tx.passwordResetToken.deleteMany({ where: { userId } });
    await recordAuditEvent(tx, { ...audit, type: 'password.changed', outcome: 'SUCCESS', details: { sessionsEnded } });
    await enqueuePasswordEmail(tx, { user, kind: 'password_changed', requestLocale, meta, now });
    return { kind: 'changed' as const, sessionsEnded };
  });
}
