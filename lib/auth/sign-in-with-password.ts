import 'server-only';
import { db } from '@/lib/db';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { checkPassword } from './check-password';
import { normaliseEmail } from './email-address';
import { startSession } from './sessions';
import type { RequestMeta } from './request-meta';

export type PasswordStepResult = { kind: 'incorrect' } | { kind: 'locked' } | { kind: 'signed-in' | 'code-required'; token: string; cookieExpiresAt: Date };

/**
 * The password step. An unknown address and a wrong password give the same answer after the
 * same work (one bcrypt compare) (S5). A user with a confirmed authenticator gets a pending
 * login challenge, not a session (S6); an unconfirmed enrolment does not count (S8).
 */
export async function signInWithPassword({ email, password }: { email: string; password: string }, meta: RequestMeta): Promise<PasswordStepResult> {
  const normalisedEmail = normaliseEmail(email);
  const user = await db.user.findUnique({
    where: { email: normalisedEmail },
    select: { id: true, officeId: true, passwordHash: true, sessionVersion: true, totpCredential: { select: { id: true } } },
  });
  const audit = { factor: 'password' as const, subjectUserId: user?.id ?? null, officeId: user?.officeId ?? null, meta };

  const check = await checkPassword(normalisedEmail, password, user?.passwordHash ?? null);
  if (check.kind !== 'correct' || !user) {
    await db.$transaction(async (tx) => {
      await recordAuditEvent(tx, {
        ...audit,
        type: 'login.password_failed',
        outcome: check.kind === 'locked' && !check.lockedNow ? 'DENIED' : 'FAILURE',
        details: { email: normalisedEmail, knownAccount: !!user, ...(check.kind === 'locked' && !check.lockedNow ? { reason: 'locked' } : {}) },
      });
      if (check.kind === 'locked' && check.lockedNow) {
        await recordAuditEvent(tx, {
          ...audit,
          type: 'login.password_locked',
          outcome: 'DENIED',
          details: { email: normalisedEmail, lockedUntil: check.lockedNow.toISOString() },
        });
      }
    });
    return { kind: check.kind === 'locked' ? 'locked' : 'incorrect' };
  }

  const codeRequired = user.totpCredential !== null;
  const session = await db.$transaction(async (tx) => {
    await recordAuditEvent(tx, { ...audit, type: 'login.password_succeeded', outcome: 'SUCCESS', details: { codeRequired } });
    if (!codeRequired) {
      await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
      await recordAuditEvent(tx, { ...audit, type: 'login.completed', outcome: 'SUCCESS', factor: 'none' });
    }
    return startSession(tx, { userId: user.id, userVersion: user.sessionVersion, stage: codeRequired ? 'PENDING_2FA' : 'ACTIVE', meta });
  });
  return { kind: codeRequired ? 'code-required' : 'signed-in', token: session.token, cookieExpiresAt: session.cookieExpiresAt };
}
