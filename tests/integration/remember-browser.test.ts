/**
 * "Don't ask for a code on this browser" (S18), through the real login actions on a real
 * database: what a user and an attacker holding the cookie observe.
 */
import { as, FakeBrowser, form, nextHeaders, noState } from '../helpers/fake-browser';
jest.mock('next/headers', () => nextHeaders);
jest.mock('next/cache', () => ({ revalidatePath: jest.fn() }));

import { createElement, type ComponentProps, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { NextIntlClientProvider } from 'next-intl';
import { clientMessages } from '@/lib/i18n/messages';
import { db } from '@/lib/db';
import VerifyPage from '@/app/(auth)/login/verify/page';
import { VerifyForm } from '@/components/auth/verify-form';
import { RememberBrowserCheckbox } from '@/components/auth/remember-browser-checkbox';
import { findElement } from '../helpers/react-tree';
import { verifyRecoveryCode } from '@/app/(auth)/login/verify/actions';
import { postCode, postLogin } from '../helpers/login-steps';
import { logOut } from '@/app/(auth)/logout/actions';
import { turnOffTwoFactor } from '@/app/(app)/settings/2fa/actions';
import { signOutEverywhereElse } from '@/app/(app)/settings/security/actions';
import { forgetBrowser } from '@/app/(app)/settings/security/remembered-browsers/actions';
import { saveRememberBrowserDays } from '@/app/(app)/office/remember-browser/actions';
import { resetTwoFactor } from '@/lib/helpdesk/reset-two-factor';
import { rememberedBrowserCount } from '@/lib/helpdesk/remembered-browser-count';
import { listRememberedBrowsers } from '@/lib/auth/remembered-browsers';
import { getCurrentSession } from '@/lib/auth/guards';
import { signInWithPassword } from '@/lib/auth/sign-in-with-password';
import { seal } from '@/lib/crypto/secret-box';
import { replaceRecoveryCodes } from '@/lib/two-factor/recovery-codes';
import { createTotpSecret } from '@/lib/two-factor/totp';
import { totpSecretContext } from '@/lib/two-factor/secret-context';
import { createUser, type TestUser } from '../helpers/factories';
import { signedInBrowser } from '../helpers/sign-in';
import { authenticatorCode } from '../helpers/totp-reference';

const REMEMBER = 'portal_remember';
const DAY_MS = 24 * 60 * 60 * 1000;

const login = (browser: FakeBrowser, user: { email: string; password: string }) => postLogin(browser, form({ email: user.email, password: user.password }));

/** A browser that logged in with a code and ticked the box, then logged out: it keeps its remember and device cookies. */
async function rememberedBrowser(user: TestUser, { stepOffset = 0 } = {}): Promise<FakeBrowser> {
  const browser = new FakeBrowser();
  expect(await login(browser, user)).toEqual({ redirect: '/login/verify' });
  const code = authenticatorCode(user.secret!, Date.now(), stepOffset);
  expect(await postCode(browser, form({ code, rememberBrowser: 'on' }))).toEqual({ redirect: '/' });
  expect(browser.cookies.has(REMEMBER)).toBe(true);
  await as(browser, logOut);
  return browser;
}

/** A fresh confirmed authenticator, written directly: 2FA on again without anything else raising the session version. */
async function giveAuthenticator(userId: string): Promise<void> {
  const secret = createTotpSecret();
  const sealed = seal(secret, totpSecretContext(userId));
  await db.totpCredential.create({ data: { userId, secretCiphertext: sealed.ciphertext, keyId: sealed.keyId, lastUsedStep: 0 } });
}

it('remember this browser → log out → the next login needs the password only, audited with its own factor', async () => {
  const user = await createUser({ twoFactor: true });
  const browser = await rememberedBrowser(user);
  expect(await login(browser, user)).toEqual({ redirect: '/' });
  expect((await as(browser, getCurrentSession)).result).toMatchObject({ stage: 'ACTIVE', secondFactor: 'remembered_browser', user: { id: user.id } });
  const completed = await db.auditEvent.findMany({
    where: { subjectUserId: user.id, type: 'login.completed' },
    orderBy: { id: 'asc' },
    select: { factor: true },
  });
  expect(completed.map((e) => e.factor)).toEqual(['totp', 'remembered_browser']);
  expect(await db.auditEvent.count({ where: { subjectUserId: user.id, type: 'remembered_browser.created' } })).toBe(1);
  // The row keeps a hash, never the cookie's token.
  const row = await db.rememberedBrowser.findFirstOrThrow({ where: { userId: user.id } });
  expect(row.tokenHash).not.toBe(browser.cookies.get(REMEMBER));
  expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
});

it('never skips the password: the cookie with a wrong password gets the usual refusal', async () => {
  const user = await createUser({ twoFactor: true });
  const browser = await rememberedBrowser(user);
  expect(await login(browser, { email: user.email, password: 'not the password' })).toEqual({
    result: expect.objectContaining({ message: 'The e-mail address or password is incorrect.' }),
  });
  expect((await as(browser, getCurrentSession)).result).toBeNull();
});

it('works with a recovery code too, and only when the box is ticked', async () => {
  const user = await createUser({ twoFactor: true });
  const unticked = new FakeBrowser();
  await login(unticked, user);
  expect(await postCode(unticked, form({ code: authenticatorCode(user.secret!) }))).toEqual({ redirect: '/' });
  expect(unticked.cookies.has(REMEMBER)).toBe(false);
  expect(await db.rememberedBrowser.count({ where: { userId: user.id } })).toBe(0);
  // A forged value other than "on" does not remember either.
  const forged = new FakeBrowser();
  await login(forged, user);
  await postCode(forged, form({ code: authenticatorCode(user.secret!, Date.now(), 1), rememberBrowser: 'yes' }));
  expect(await db.rememberedBrowser.count({ where: { userId: user.id } })).toBe(0);

  const [recoveryCode] = await db.$transaction((tx) => replaceRecoveryCodes(tx, user.id, new Date()));
  const withRecovery = new FakeBrowser();
  await login(withRecovery, user);
  expect(await as(withRecovery, () => verifyRecoveryCode(noState, form({ recoveryCode, rememberBrowser: 'on' })))).toEqual({ redirect: '/' });
  await as(withRecovery, logOut);
  expect(await login(withRecovery, user)).toEqual({ redirect: '/' });
});

it('a cookie copied into another browser is useless for another account: the code is asked', async () => {
  const owner = await createUser({ twoFactor: true });
  const other = await createUser({ twoFactor: true });
  const stolen = (await rememberedBrowser(owner)).clone();
  expect(await login(stolen, other)).toEqual({ redirect: '/login/verify' });
  // And the owner's cookie in the owner's account still works from the copy (it is a bearer token behind the password, S18).
  expect(await login(stolen.clone(), owner)).toEqual({ redirect: '/' });
});

it('an invented or tampered cookie is ignored: the code is asked', async () => {
  const user = await createUser({ twoFactor: true });
  const browser = await rememberedBrowser(user);
  const token = browser.cookies.get(REMEMBER)!;
  for (const value of [token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'), 'x'.repeat(43), token + 'A', '']) {
    const forged = browser.clone();
    forged.cookies.set(REMEMBER, value);
    expect(await login(forged, user)).toEqual({ redirect: '/login/verify' });
  }
});

describe('every remembered browser ends (all by raising sessionVersion)', () => {
  it('when the helpdesk resets 2FA', async () => {
    const user = await createUser({ twoFactor: true });
    const agent = await createUser({ role: 'HELPDESK', officeId: null });
    const browser = await rememberedBrowser(user);
    const result = await resetTwoFactor(
      {
        agentId: agent.id,
        userId: user.id,
        checks: ['callback_phone_on_file', 'office_admin_confirmed'],
        ticket: 'HD-1',
        reason: 'Lost phone, called back',
        confirmedUserId: user.id,
      },
      { ip: null, userAgent: null },
    );
    expect(result).toEqual({ kind: 'done' });
    expect(await rememberedBrowserCount(user.id)).toBe(0);
    await giveAuthenticator(user.id);
    expect(await login(browser, user)).toEqual({ redirect: '/login/verify' });
  });

  it('when the user disables 2FA', async () => {
    const user = await createUser({ twoFactor: true });
    const browser = await rememberedBrowser(user);
    await login(browser, user); // signed in by the remembered browser
    expect(await as(browser, () => turnOffTwoFactor(noState, form({ password: user.password })))).toEqual({ result: { ok: true } });
    await as(browser, logOut);
    await giveAuthenticator(user.id);
    expect(await login(browser, user)).toEqual({ redirect: '/login/verify' });
  });

  it('when the password changes (helper 1 raises sessionVersion; simulated here)', async () => {
    const user = await createUser({ twoFactor: true });
    const browser = await rememberedBrowser(user);
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await login(browser, user)).toEqual({ redirect: '/login/verify' });
  });

  it('with Sign out everywhere else, from any browser', async () => {
    const user = await createUser({ twoFactor: true });
    const browser = await rememberedBrowser(user);
    const elsewhere = await signedInBrowser(user, { atStepOffset: 1 });
    await as(elsewhere, signOutEverywhereElse);
    expect(await login(browser, user)).toEqual({ redirect: '/login/verify' });
  });
});

it('after its expiry, the code is asked', async () => {
  const user = await createUser({ twoFactor: true });
  const browser = await rememberedBrowser(user);
  await db.rememberedBrowser.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  expect(await login(browser, user)).toEqual({ redirect: '/login/verify' });
  expect(await listRememberedBrowsers(user.id)).toEqual([]);
});

it('parallel logins with one cookie all pass, each with its own session, and write last-used once', async () => {
  const user = await createUser({ twoFactor: true });
  const browser = await rememberedBrowser(user);
  await db.rememberedBrowser.updateMany({ where: { userId: user.id }, data: { lastUsedAt: new Date(Date.now() - DAY_MS) } });
  // The fake browser serves one request at a time: the password step itself is called in parallel (the attack suite does it over HTTP).
  const tokens = { rememberToken: browser.cookies.get(REMEMBER)!, deviceToken: browser.cookies.get('portal_device')! };
  const outcomes = await Promise.all(
    Array.from({ length: 5 }, () => signInWithPassword({ email: user.email, password: user.password }, { ip: '198.51.100.7', userAgent: 'Jest' }, tokens)),
  );
  expect(outcomes.map((outcome) => outcome.kind)).toEqual(Array(5).fill('signed-in'));
  expect(await db.session.count({ where: { userId: user.id, stage: 'ACTIVE', secondFactor: 'remembered_browser' } })).toBe(5);
  const row = await db.rememberedBrowser.findFirstOrThrow({ where: { userId: user.id } });
  expect(Date.now() - row.lastUsedAt.getTime()).toBeLessThan(60_000);
});

describe('the office decides', () => {
  it('turned off (0 days): the box remembers nothing and browsers already remembered ask for the code', async () => {
    const admin = await createUser({ role: 'OFFICE_ADMIN' });
    const user = await createUser({ twoFactor: true, officeId: admin.officeId });
    const browser = await rememberedBrowser(user);
    const adminBrowser = await signedInBrowser(admin);
    expect(await as(adminBrowser, () => saveRememberBrowserDays(noState, form({ rememberBrowserDays: '0' })))).toEqual({
      result: { ok: true, message: expect.stringContaining('off'), values: { rememberBrowserDays: '0' } },
    });
    expect(await login(browser, user)).toEqual({ redirect: '/login/verify' });
    expect(await postCode(browser, form({ code: authenticatorCode(user.secret!, Date.now(), 1), rememberBrowser: 'on' }))).toEqual({
      redirect: '/',
    });
    // Nothing new is remembered (the ticked box replaced the browser's old row, which no longer counted anyway).
    expect(await db.rememberedBrowser.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { subjectUserId: user.id, type: 'remembered_browser.created' } })).toBe(1);
    expect(await db.auditEvent.findFirst({ where: { type: 'office.remember_browser_changed', officeId: admin.officeId }, select: { details: true } })).toEqual({
      details: JSON.stringify({ before: 30, after: 0 }),
    });
  });

  it('shortened: a browser remembered longer ago than the new period asks for the code', async () => {
    const admin = await createUser({ role: 'OFFICE_ADMIN' });
    const user = await createUser({ twoFactor: true, officeId: admin.officeId });
    const browser = await rememberedBrowser(user);
    await db.rememberedBrowser.updateMany({ where: { userId: user.id }, data: { createdAt: new Date(Date.now() - 8 * DAY_MS) } });
    expect(await login(browser.clone(), user)).toEqual({ redirect: '/' });
    await as(await signedInBrowser(admin), () => saveRememberBrowserDays(noState, form({ rememberBrowserDays: '7' })));
    expect(await login(browser, user)).toEqual({ redirect: '/login/verify' });
  });

  it('refuses a value outside 0–30, saving nothing', async () => {
    const admin = await createUser({ role: 'OFFICE_ADMIN' });
    const adminBrowser = await signedInBrowser(admin);
    for (const value of ['31', '-1', '2.5', 'abc', '']) {
      expect(await as(adminBrowser, () => saveRememberBrowserDays(noState, form({ rememberBrowserDays: value })))).toEqual({
        result: { fieldErrors: { rememberBrowserDays: ['Enter a whole number of days from 0 to 30.'] }, values: { rememberBrowserDays: value } },
      });
    }
    expect(await db.officeSettings.count({ where: { officeId: admin.officeId! } })).toBe(0);
  });
});

describe('the Security page', () => {
  it('lists the remembered browser; Forget ends it, and the code is asked again', async () => {
    const user = await createUser({ twoFactor: true });
    const browser = await rememberedBrowser(user);
    const [item] = await listRememberedBrowsers(user.id);
    expect(item).toMatchObject({ description: expect.any(String) });
    expect(await rememberedBrowserCount(user.id)).toBe(1);
    await login(browser, user);
    expect(await as(browser, () => forgetBrowser(noState, form({ id: item.id })))).toEqual({
      result: { ok: true, message: 'That browser is forgotten: it will ask for a code at the next login.' },
    });
    await as(browser, logOut);
    expect(await login(browser, user)).toEqual({ redirect: '/login/verify' });
    expect(await db.auditEvent.count({ where: { type: 'remembered_browser.forgotten', subjectUserId: user.id } })).toBe(1);
  });

  it("cannot forget another user's browser", async () => {
    const owner = await createUser({ twoFactor: true });
    const other = await createUser();
    await rememberedBrowser(owner);
    const [item] = await listRememberedBrowsers(owner.id);
    const otherBrowser = await signedInBrowser(other);
    expect(await as(otherBrowser, () => forgetBrowser(noState, form({ id: item.id })))).toEqual({ result: { message: 'That browser was already forgotten.' } });
    expect(await rememberedBrowserCount(owner.id)).toBe(1);
  });
});

describe('the new-sign-in e-mail', () => {
  const newSignInMails = (userId: string) => db.outboxMessage.findMany({ where: { userId, kind: 'new_sign_in' }, select: { subject: true, body: true } });

  it('goes out for a browser the account has not used, not for the first one nor for a known one', async () => {
    const user = await createUser();
    const office = await signedInBrowser(user);
    expect(await newSignInMails(user.id)).toEqual([]); // the account's first device
    await as(office, logOut);
    await login(office, user);
    expect(await newSignInMails(user.id)).toEqual([]); // a known device
    await signedInBrowser(user); // a new browser
    const mails = await newSignInMails(user.id);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain('New sign-in to your account');
    expect(mails[0].body).toContain('If this was not you');
  });

  it('goes out again for a device last used more than 90 days ago, in the user’s language', async () => {
    const user = await createUser();
    await db.user.update({ where: { id: user.id }, data: { locale: 'nl' } });
    const old = await signedInBrowser(user);
    await signedInBrowser(user); // a second device: from now on a new one is news
    await db.outboxMessage.deleteMany({ where: { userId: user.id } });
    await db.trustedDevice.updateMany({ where: { userId: user.id }, data: { lastSignInAt: new Date(Date.now() - 91 * DAY_MS) } });
    await as(old, logOut);
    await login(old, user);
    const mails = await newSignInMails(user.id);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain('Nieuwe login op je account');
  });
});

describe('the choice on the code step', () => {
  /** The days the verify page offers, as its forms receive them (0: the checkbox is not rendered). */
  async function offeredDays(user: TestUser): Promise<number[]> {
    const browser = new FakeBrowser();
    await postLogin(browser, form({ email: user.email, password: user.password }));
    const tree = (await as(browser, () => VerifyPage({ searchParams: Promise.resolve({}) }))).result as ReactNode;
    return [findElement(tree, { type: VerifyForm })].map((element) => (element!.props as { rememberDays: number }).rememberDays);
  }

  it("says the office's number of days, and is not offered when the office turned it off", async () => {
    const user = await createUser({ twoFactor: true });
    expect(await offeredDays(user)).toEqual([30]);
    await db.officeSettings.create({ data: { officeId: user.officeId!, rememberBrowserDays: 7 } });
    expect(await offeredDays(user)).toEqual([7]);
    await db.officeSettings.update({ where: { officeId: user.officeId! }, data: { rememberBrowserDays: 0 } });
    expect(await offeredDays(user)).toEqual([0]);
    // What the browser gets: the days in the label, or no checkbox at all.
    const html = (days: number) =>
      renderToStaticMarkup(
        createElement(
          NextIntlClientProvider,
          { locale: 'en', timeZone: 'Europe/Brussels', messages: clientMessages('en', 'auth') } as ComponentProps<typeof NextIntlClientProvider>,
          createElement(RememberBrowserCheckbox, { days }),
        ),
      );
    expect(html(7)).toContain('Don’t ask for a code on this browser for 7 days');
    expect(html(1)).toContain('for 1 day<');
    expect(html(0)).toBe('');
  });
});
