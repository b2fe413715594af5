import 'server-only';
import { db } from '@/lib/db';
import { transaction } from '@/lib/db/transaction';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { Locale } from '@/lib/i18n/locale';
import { enqueuePasswordEmail } from '@/lib/notifications/password-emails';
import { clearPasswordFailures, throttleKey } from './login-throttle';
import { clearAccountDeviceFailures } from './trusted-devices';
import { hashPassword } from './password-hash';
import { checkNewPassword, type PasswordVerdict } from './password-policy';
import { isResetTokenShape, resetTokenId } from './password-reset-token';
import { endOtherSessions } from './sessions';
import type { RequestMeta } from './request-meta';

export type ResetPasswordResult =
  /** Unknown, used, expired or replaced by a newer link: one answer for all (the audit row says which). */
  { kind: 'invalid-link' } | { kind: 'rejected-password'; verdict: Exclude<PasswordVerdict, { kind: 'ok' }> } | { kind: 'password-reset' };

type LinkState = { kind: 'valid'; userId: string } | { kind: 'invalid'; reason: 'unknown' | 'used' | 'expired'; userId: string | null };

async function readLink(token: string, now: Date): Promise<LinkState> {
  if (!isResetTokenShape(token)) return { kind: 'invalid', reason: 'unknown', userId: null };
  const row = await db.passwordResetToken.findUnique({ where: { id: resetTokenId(token) }, select: { userId: true, usedAt: true, expiresAt: true } });
  if (!row) return { kind: 'invalid', reason: 'unknown', userId: null };
  if (row.usedAt) return { kind: 'invalid', reason: 'used', userId: row.userId };
  if (row.expiresAt <= now) return { kind: 'invalid', reason: 'expired', userId: row.userId };
  return { kind: 'valid', userId: row.userId };
}

/** For the reset page: whether the link still works, so a dead link says so before a password is typed. Reads only. */
export async function isResetLinkValid(token: string, now = new Date()): Promise<boolean> {
  return (await readLink(token, now)).kind === 'valid';
}

/**
 * A new password from a reset link (S16). It does not sign anyone in and skips nothing: the
 * next login asks for the new password and, with 2FA on, the code (the failure of flask-security
 * #258 and Keycloak #15218 was to sign in here). Every session ends (the user's version is
 * raised, which also ends whatever holds the old version), older links die, the address's
 * password lock is lifted, the owner is told by e-mail, and it is all audited. The link is
 * spent by a conditional write in the same transaction, so two uses at once change it once.
 */
export async function resetPassword(
  { token, password, requestLocale }: { token: string; password: string; requestLocale: Locale },
  meta: RequestMeta,
  now = new Date(),
): Promise<ResetPasswordResult> {
  const refuse = async (reason: string, userId: string | null): Promise<ResetPasswordResult> => {
    await transaction(async (tx) => {
      await recordAuditEvent(tx, { type: 'password.reset_refused', outcome: 'DENIED', subjectUserId: userId, meta, details: { reason } });
    });
    return { kind: 'invalid-link' };
  };

  const link = await readLink(token, now);
  if (link.kind === 'invalid') return refuse(link.reason, link.userId);
  const user = await db.user.findUnique({
    where: { id: link.userId },
    select: { id: true, email: true, name: true, officeId: true, locale: true, timeZone: true },
  });
  if (!user) return refuse('unknown', null);

  const verdict = await checkNewPassword(password, { email: user.email });
  if (verdict.kind !== 'ok') return { kind: 'rejected-password', verdict }; // the link stays usable: the user tries another password
  const passwordHash = await hashPassword(password); // outside the transaction: bcrypt takes a few hundred ms

  const id = resetTokenId(token);
  const done = await transaction<boolean>(async (tx, rollBack) => {
    const spent = await tx.passwordResetToken.updateMany({ where: { id, userId: user.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (spent.count !== 1) return rollBack(false); // used or replaced in the meantime (another request, another instance)
    const sessionsEnded = await tx.session.count({ where: { userId: user.id, expiresAt: { gt: now } } });
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await endOtherSessions(tx, user.id, null);
    await tx.passwordResetToken.deleteMany({ where: { userId: user.id, id: { not: id } } });
    await recordAuditEvent(tx, {
      type: 'password.reset_completed',
      outcome: 'SUCCESS',
      factor: 'password',
      subjectUserId: user.id,
      officeId: user.officeId,
      meta,
      details: { sessionsEnded },
    });
    await enqueuePasswordEmail(tx, { user, kind: 'password_reset_done', requestLocale, meta, now });
    return true;
  });
  if (!done) return refuse('used', user.id);
  // The owner proved they hold the mailbox: neither a stranger's wrong guesses nor their own typos keep them out.
  await clearPasswordFailures(throttleKey(user.email));
  await clearAccountDeviceFailures(user.id);
  return { kind: 'password-reset' };
}
