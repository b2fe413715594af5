import 'server-only';
import { db } from '@/lib/db';
import { auditEventsStatement, recordAuditEvents, type AuditEventInput } from '@/lib/audit/record-audit-event';
import { checkPasswordWithinBudget } from './check-password';
import { normaliseEmail } from './email-address';
import { sessionStatement } from './sessions';
import type { RequestMeta } from './request-meta';
import type { BrowserTokens } from './browser-cookies';
import { sessionIdFromToken } from './session-token';
import type { TrustedDevice } from './trusted-devices';
import { networkKey } from './network-throttle';
import { findRememberedBrowser } from './remembered-browsers';

export type PasswordStepResult = { kind: 'incorrect' } | { kind: 'locked' } | { kind: 'signed-in' | 'code-required'; token: string; cookieExpiresAt: Date };

/**
 * The password step. An unknown address and a wrong password give the same answer after the
 * same work (one statement, one bcrypt compare) (S5). A user with a confirmed authenticator or
 * a security key gets a pending login challenge, not a session (S6); an unconfirmed enrolment
 * does not count (S8). A right password commits once after the compare: its budgets given back,
 * its audit events and the session, together (issue 17).
 */
export async function signInWithPassword(
  { email, password }: { email: string; password: string },
  meta: RequestMeta,
  browser: BrowserTokens = { rememberToken: null, deviceToken: null },
): Promise<PasswordStepResult> {
  const normalisedEmail = normaliseEmail(email);
  const { user, device } = await readAccount(normalisedEmail, browser.deviceToken);
  const audit = { factor: 'password' as const, subjectUserId: user?.id ?? null, officeId: user?.officeId ?? null, meta };

  // S19: a browser that signed in to this account before guesses on its own budget; others on the address's and the network's.
  const check = await checkPasswordWithinBudget(normalisedEmail, password, user?.passwordHash ?? null, { device, networkKey: networkKey(meta.ip) });
  if (check.kind !== 'correct' || !user) {
    const lockedNow = check.kind === 'locked' ? check.lockedNow : null;
    const events: AuditEventInput[] = [
      {
        ...audit,
        type: 'login.password_failed',
        outcome: check.kind === 'locked' && !lockedNow ? 'DENIED' : 'FAILURE',
        details: {
          email: normalisedEmail,
          knownAccount: !!user,
          ...(check.kind === 'locked' && !lockedNow ? { reason: 'locked' } : {}),
          ...(check.kind === 'locked' ? { lockScope: check.scope } : {}),
          ...(device ? { trustedDevice: true } : {}),
        },
      },
    ];
    if (lockedNow)
      events.push({ ...audit, type: 'login.password_locked', outcome: 'DENIED', details: { email: normalisedEmail, lockedUntil: lockedNow.toISOString() } });
    // One INSERT: the events are written together or not at all.
    await recordAuditEvents(db, events);
    return { kind: check.kind === 'locked' ? 'locked' : 'incorrect' };
  }

  // S18: only after the right password of this very user does a remembered browser count, and only instead of the code.
  const remembered = user.twoFactorOn ? await findRememberedBrowser(browser.rememberToken, user) : null;
  const codeRequired = user.twoFactorOn && !remembered;
  const now = new Date();
  const events: AuditEventInput[] = [{ ...audit, type: 'login.password_succeeded', outcome: 'SUCCESS', details: { codeRequired } }];
  if (!codeRequired) events.push({ ...audit, type: 'login.completed', outcome: 'SUCCESS', factor: remembered ? 'remembered_browser' : 'none' });
  const secondFactor = remembered ? ('remembered_browser' as const) : null;
  const stage = codeRequired ? 'PENDING_2FA' : 'ACTIVE';
  const { statement: insertSession, session } = sessionStatement(db, { userId: user.id, userVersion: user.sessionVersion, stage, secondFactor, meta, now });
  // One batch transaction: independent writes, so nothing of ours needs to run between them.
  await db.$transaction([
    ...check.settlement,
    // i18n-exempt: SQL, not text for people.
    ...(codeRequired ? [] : [db.$executeRaw`UPDATE "User" SET "lastSignInAt" = ${now}, "updatedAt" = ${now} WHERE "id" = ${user.id}`]),
    auditEventsStatement(db, events),
    insertSession,
  ]);
  return { kind: codeRequired ? 'code-required' : 'signed-in', token: session.token, cookieExpiresAt: session.cookieExpiresAt };
}

type Account = { id: string; officeId: string | null; passwordHash: string; sessionVersion: number; twoFactorOn: boolean };

type AccountRow = {
  id: string;
  officeId: string | null;
  passwordHash: string;
  sessionVersion: number | bigint;
  totpId: string | null;
  keyCount: number | bigint;
  deviceId: string | null;
};

/**
 * ONE statement, whether or not the address has an account and the browser a device cookie: the
 * user, whether 2FA is on (a confirmed app or a key: lib/two-factor/two-factor-state.ts), and
 * this browser's trusted device for that user (S19), if any.
 */
async function readAccount(email: string, deviceToken: string | null): Promise<{ user: Account | null; device: TrustedDevice | null }> {
  const deviceHash = deviceToken ? sessionIdFromToken(deviceToken) : null;
  // i18n-exempt: SQL, not text for people.
  const rows = await db.$queryRaw<AccountRow[]>`
    SELECT u."id", u."officeId", u."passwordHash", u."sessionVersion", t."id" AS "totpId",
      (SELECT count(*) FROM "WebAuthnCredential" w WHERE w."userId" = u."id") AS "keyCount", d."id" AS "deviceId"
    FROM "User" u LEFT JOIN "TotpCredential" t ON t."userId" = u."id"
      LEFT JOIN "TrustedDevice" d ON d."tokenHash" = ${deviceHash} AND d."userId" = u."id"
    WHERE u."email" = ${email}`;
  const row = rows[0];
  if (!row) return { user: null, device: null };
  const user = {
    id: row.id,
    officeId: row.officeId,
    passwordHash: row.passwordHash,
    sessionVersion: Number(row.sessionVersion),
    twoFactorOn: row.totpId !== null || Number(row.keyCount) > 0,
  };
  return { user, device: row.deviceId ? { id: row.deviceId } : null };
}
