import 'server-only';
import { db } from '@/lib/db';
import { transaction } from '@/lib/db/transaction';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { newSignInEmail } from '@/lib/notifications/new-sign-in-email';
import { outboxStatement, putInOutbox } from '@/lib/notifications/outbox';
import { deliverOutboxSoon } from '@/lib/notifications/deliver-outbox';
import { readBrowserTokens, writeDeviceCookie, writeRememberCookie } from './browser-cookies';
import { browserSummary } from '@/lib/sessions/describe-user-agent';
import { getRequestMeta } from './request-meta';
import { rememberBrowser } from './remembered-browsers';
import { createSessionToken, sessionIdFromToken } from './session-token';
import { trustDevice } from './trusted-devices';
import { DEVICE_COOKIE_MAX_AGE_MS, NEW_SIGN_IN_AFTER_MS } from './limits';

/**
 * What a completed login does to the browser, whichever way it completed (password only, a
 * code, a recovery code, a remembered browser): the device cookie (S19) is issued or renewed and
 * trusted for this account; a browser this account has not used for NEW_SIGN_IN_AFTER_MS gets
 * the user an e-mail; and, when asked on the code step, the browser is remembered (S18).
 * `sessionToken` is the new signed-in session's; nothing happens if it is not one.
 */
export async function afterLoginCompleted(sessionToken: string, { remember = false }: { remember?: boolean } = {}): Promise<void> {
  const now = new Date();
  const tokens = await readBrowserTokens();
  const deviceToken = tokens.deviceToken ?? createSessionToken();
  const deviceHash = sessionIdFromToken(deviceToken);
  // One statement (issue 17: every completed login runs this): the session and its user (with what
  // a new-sign-in e-mail needs), when the account last signed in from this browser (null: never)
  // and how many browsers it has.
  // i18n-exempt: SQL, not text for people.
  const [session] = await db.$queryRaw<
    Array<{
      stage: string;
      secondFactor: string | null;
      id: string;
      email: string;
      name: string;
      locale: string | null;
      timeZone: string | null;
      officeId: string | null;
      sessionVersion: number | bigint;
      deviceLastSignInAt: Date | string | null;
      devices: number | bigint;
    }>
  >`
    SELECT s."stage", s."secondFactor", u."id", u."email", u."name", u."locale", u."timeZone", u."officeId", u."sessionVersion",
      (SELECT d."lastSignInAt" FROM "TrustedDevice" d WHERE d."tokenHash" = ${deviceHash} AND d."userId" = u."id") AS "deviceLastSignInAt",
      (SELECT count(*) FROM "TrustedDevice" d WHERE d."userId" = u."id") AS "devices"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."id" = ${sessionIdFromToken(sessionToken)}`;
  if (!session || session.stage !== 'ACTIVE') return;
  const user = { id: session.id, officeId: session.officeId, sessionVersion: Number(session.sessionVersion) };
  const lastSignInAt = session.deviceLastSignInAt === null ? null : new Date(session.deviceLastSignInAt);
  const knownRecently = lastSignInAt !== null && now.getTime() - lastSignInAt.getTime() < NEW_SIGN_IN_AFTER_MS;
  // The first device an account ever trusts is not news (every account's first login after this feature shipped).
  const newSignIn = !knownRecently && (lastSignInAt !== null || Number(session.devices) > 0);
  // Only a login that just passed a code may remember its browser: a remembered browser cannot extend itself.
  const mayRemember = remember && (session.secondFactor === 'totp' || session.secondFactor === 'recovery_code' || session.secondFactor === 'security_key');

  // The new-sign-in e-mail is written before any transaction: no other query waits for its text.
  const meta = newSignIn || mayRemember ? await getRequestMeta() : null;
  const mail = meta && newSignIn ? newSignInEmail({ user: session, meta, now }) : null;
  let remembered: Awaited<ReturnType<typeof rememberBrowser>> = null;
  if (!mayRemember || !meta) {
    if (!mail) {
      // Most logins: the device's row is all there is to write, one statement with its own commit.
      await trustDevice(db, deviceToken, user.id, now);
    } else {
      // A browser new to the account: the device's row and the e-mail, one batch.
      await db.$transaction([trustDevice(db, deviceToken, user.id, now), outboxStatement(db, mail)]);
      deliverOutboxSoon();
    }
  } else {
    remembered = await transaction(async (tx) => {
      await trustDevice(tx, deviceToken, user.id, now);
      if (mail) await putInOutbox(tx, mail);
      // A browser holds one remembered-browser cookie: the row of the one it replaces goes with it, if it is this user's.
      if (tokens.rememberToken) await tx.rememberedBrowser.deleteMany({ where: { tokenHash: sessionIdFromToken(tokens.rememberToken), userId: user.id } });
      const created = await rememberBrowser(tx, user, browserSummary(meta.userAgent) ?? '?', now);
      if (created) {
        await recordAuditEvent(tx, {
          type: 'remembered_browser.created',
          outcome: 'SUCCESS',
          subjectUserId: user.id,
          officeId: user.officeId,
          meta,
          details: { rememberedBrowserId: created.id, until: created.expiresAt.toISOString() },
        });
      }
      return created;
    });
  }

  await writeDeviceCookie(deviceToken, new Date(now.getTime() + DEVICE_COOKIE_MAX_AGE_MS));
  if (remembered) await writeRememberCookie(remembered.token, remembered.expiresAt);
}
