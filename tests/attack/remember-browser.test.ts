/**
 * S18 "Don't ask for a code on this browser": what an attacker holding the remembered-browser
 * cookie observes. It never replaces the password, only the code, only for its own account,
 * only while the account's sessionVersion is unchanged and the row unexpired.
 */
import { authenticatorCode } from '../helpers/totp-reference';
import { NoJsBrowser, redirectPath } from '../http/http-client';
import { outcome, passwordStep, SESSION_COOKIE } from '../http/flows';
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';
import { rememberCookieName } from '../../lib/auth/browser-cookie-names';

const suite = useSuite('attack');
const { a, b } = suite;
const REMEMBER = rememberCookieName({ production: true });

/** A browser that logged in with a code, ticked "Don't ask for a code", and whose session then ended. */
async function rememberedBrowser(user: { email: string; password: string; totpKey?: string }, stepOffset = 0) {
  const browser = new NoJsBrowser(a);
  expect(redirectPath(await passwordStep(browser, user.email, user.password))).toBe('/login/verify');
  const done = await browser.submit('/login/verify', 'code', { code: authenticatorCode(user.totpKey!, Date.now(), stepOffset), rememberBrowser: 'on' });
  expect(outcome(done)).toBe('303 → /');
  const setCookie = done.headers.getSetCookie().find((line) => line.startsWith(`${REMEMBER}=`))!;
  browser.cookies.delete(SESSION_COOKIE);
  return { browser, setCookie };
}

test('S18 the remembered-browser cookie: HttpOnly, Secure, __Host-, SameSite=Lax, and alone it opens nothing', async () => {
  const t = suite.claim();
  const { browser, setCookie } = await rememberedBrowser(t);
  expect(setCookie).toMatch(/; HttpOnly/i);
  expect(setCookie).toMatch(/; Secure/i);
  expect(setCookie).toMatch(/; SameSite=lax/i);
  expect(setCookie).toMatch(/; Path=\//i);
  expect(setCookie).not.toMatch(/; Domain=/i);
  const home = await browser.get('/');
  expect(redirectPath(home)).toMatch(/^\/login/);
  // With the password, the next login needs no code.
  expect(outcome(await passwordStep(browser, t.email, t.password, b))).toBe('303 → /');
  observe(`cookie alone: ${home.status} → ${redirectPath(home)}; with the password: no code (on the other instance)`);
});

test('S18 a remembered-browser cookie copied into another browser for another account: the code is asked', async () => {
  const owner = suite.claim();
  const other = suite.claim();
  const { browser } = await rememberedBrowser(owner);
  const thief = browser.clone();
  const page = await passwordStep(thief, other.email, other.password);
  expect(outcome(page)).toBe('303 → /login/verify');
  observe(`${owner.email}'s cookie, ${other.email}'s password → ${outcome(page)}`);
});

test('S18 after a password change (sessionVersion raised), after a 2FA reset, or after expiry: the code is asked', async () => {
  const changed = suite.claim();
  const expired = suite.claim();
  const reset = suite.claim();
  const r1 = await rememberedBrowser(changed);
  const r2 = await rememberedBrowser(expired);
  const r3 = await rememberedBrowser(reset);

  await suite.sql.query(`UPDATE "User" SET "sessionVersion" = "sessionVersion" + 1 WHERE id = $1`, [changed.id]);
  await suite.sql.query(`UPDATE "RememberedBrowser" SET "expiresAt" = now() - interval '1 second' WHERE "userId" = $1`, [expired.id]);
  const agent = new NoJsBrowser(a);
  const helpdesk = suite.claim('helpdesk');
  expect(redirectPath(await passwordStep(agent, helpdesk.email, helpdesk.password))).toBe('/login/verify');
  expect(outcome(await agent.submit('/login/verify', 'code', { code: authenticatorCode(helpdesk.totpKey!) }))).toBe('303 → /');
  const userPage = await agent.get(`/helpdesk/users/${reset.id}`);
  const fields = { checks: ['callback_phone_on_file', 'office_admin_confirmed'], ticket: 'T-18', reason: 'Lost phone, identity confirmed', confirm: reset.id };
  expect((await agent.submit(`/helpdesk/users/${reset.id}`, 'checks', fields, { page: userPage })).status).toBe(200);
  // 2FA on again, written directly: only the reset itself may have ended the remembered browser.
  await suite.sql.query(
    `INSERT INTO "TotpCredential" (id, "userId", "secretCiphertext", "keyId", "lastUsedStep") SELECT 'again-' || id, id, 'x', 'x', 0 FROM "User" WHERE id = $1`,
    [reset.id],
  );

  const answers = {
    passwordChanged: outcome(await passwordStep(r1.browser, changed.email, changed.password)),
    expired: outcome(await passwordStep(r2.browser, expired.email, expired.password)),
    twoFactorReset: outcome(await passwordStep(r3.browser, reset.email, reset.password)),
  };
  expect(answers).toEqual({ passwordChanged: '303 → /login/verify', expired: '303 → /login/verify', twoFactorReset: '303 → /login/verify' });
  observe(`password changed, expired, 2FA reset: each → /login/verify`);
});

test('S18 parallel logins with one remembered-browser cookie on two instances all pass, each its own session', async () => {
  const t = suite.claim();
  const { browser } = await rememberedBrowser(t);
  const copies = Array.from({ length: 6 }, () => browser.clone());
  const pages = await Promise.all(copies.map((copy, i) => passwordStep(copy, t.email, t.password, i % 2 ? b : a)));
  expect(pages.map(outcome)).toEqual(Array(6).fill('303 → /'));
  expect(new Set(copies.map((copy) => copy.cookies.get(SESSION_COOKIE))).size).toBe(6);
  const sessions = await suite.count(`SELECT count(*)::int AS n FROM "Session" WHERE "userId" = $1 AND "secondFactor" = 'remembered_browser'`, [t.id]);
  expect(sessions).toBe(6);
  observe('6 parallel logins, one cookie, 2 instances: 6 × 303 → /, 6 sessions');
});
