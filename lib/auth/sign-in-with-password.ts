import 'server-only';
import { db } from '@/lib/db';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { checkPassword } from './check-password';
import { normaliseEmail } from './email-address';
import { startSession } from './sessions';
import type { RequestMeta } from './request-meta';
import type { BrowserTokens } from './browser-cookies';
import { findTrustedDevice } from './trusted-devices';
import { networkKey } from './network-throttle';
import { findRememberedBrowser } from './remembered-browsers';

export type PasswordStepResult = { kind: 'incorrect' } | { kind: 'locked' } | { kind: 'signed-in' | 'code-required'; token: string; cookieExpiresAt: Date };

/**
 * The password step. An unknown address and a wrong password give the same answer after the
 * same work (one bcrypt compare) (S5). A user with a confirmed authenticator gets a pending
 * login challenge, not a session (S6); an unconfirmed enrolment does not count (S8).
 */
export async function signInWithPassword(
  { email, password }: { email: string; password: string },
  meta: RequestMeta,
  browser: BrowserTokens = { rememberToken: null, deviceToken: null },
): Promise<PasswordStepResult> {
  const normalisedEmail = normaliseEmail(email);
  const user = await db.user.findUnique({
    where: { email: normalisedEmail },
    select: {
      id: true,
      officeId: true,
      passwordHash: true,
      sessionVersion: true,
      totpCredential: { select: { id: true } },
      _count: { select: { webAuthnCredentials: true } },
    },
  });
  const audit = { factor: 'password' as const, subjectUserId: user?.id ?? null, officeId: user?.officeId ?? null, meta };

  // S19: a browser that signed in to this account before guesses on its own budget; others on the address's and the network's.
  const device = await findTrustedDevice(browser.deviceToken, user?.id ?? null);
  const check = await checkPassword(normalisedEmail, password, user?.passwordHash ?? null, { device, networkKey: networkKey(meta.ip) });
  if (check.kind !== 'correct' || !user) {
    await db.$transaction(async (tx) => {
      await recordAuditEvent(tx, {
        ...audit,
        type: 'login.password_failed',
        outcome: check.kind === 'locked' && !check.lockedNow ? 'DENIED' : 'FAILURE',
        details: {
          email: normalisedEmail,
          knownAccount: !!user,
          ...(check.kind === 'locked' && !check.lockedNow ? { reason: 'locked' } : {}),
          ...(check.kind === 'locked' ? { lockScope: check.scope } : {}),
          ...(device ? { trustedDevice: true } : {}),
        },
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

  // S18: only after the right password of this very user does a remembered browser count, and only instead of the code.
  const hasTwoFactor = user.totpCredential !== null || user._count.webAuthnCredentials > 0;
  const remembered = hasTwoFactor ? await findRememberedBrowser(browser.rememberToken, user) : null;
  const codeRequired = hasTwoFactor && !remembered;
  const session = await db.$transaction(async (tx) => {
    await recordAuditEvent(tx, { ...audit, type: 'login.password_succeeded', outcome: 'SUCCESS', details: { codeRequired } });
    if (!codeRequired) {
      await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
      await recordAuditEvent(tx, { ...audit, type: 'login.completed', outcome: 'SUCCESS', factor: remembered ? 'remembered_browser' : 'none' });
    }
    const secondFactor = remembered ? ('remembered_browser' as const) : null;
    return startSession(tx, { userId: user.id, userVersion: user.sessionVersion, stage: codeRequired ? 'PENDING_2FA' : 'ACTIVE', secondFactor, meta });
  });
  return { kind: codeRequired ? 'code-required' : 'signed-in', token: session.token, cookieExpiresAt: session.cookieExpiresAt };
}
