/** The two sign-in steps through their server actions, against a real database (S3–S6, S11). */
import { as, FakeBrowser, form, nextHeaders } from '../helpers/fake-browser';
jest.mock('next/headers', () => nextHeaders);

import { db } from '@/lib/db';
import { postCode, postLogin } from '../helpers/login-steps';
import { logOut } from '@/app/(auth)/logout/actions';
import { getCurrentSession } from '@/lib/auth/guards';
import { SESSION_COOKIE } from '@/lib/auth/cookie-name';
import * as LOGIN_MESSAGES from '@/lib/auth/login-messages';
import { verifySecondFactor } from '@/lib/auth/verify-second-factor';
import { sessionIdFromToken } from '@/lib/auth/session-token';
import { createUser } from '../helpers/factories';
import { authenticatorCode, wrongCode } from '../helpers/totp-reference';
import { english } from '../helpers/english';

// The answers in English, the language of a browser that asks for none (DEFAULT_LOCALE).
const [CODE_ALREADY_USED, CODE_NOT_ACCEPTED, INCORRECT_CREDENTIALS, PASSWORD_LOCKED] = [
  LOGIN_MESSAGES.CODE_ALREADY_USED,
  LOGIN_MESSAGES.CODE_NOT_ACCEPTED,
  LOGIN_MESSAGES.INCORRECT_CREDENTIALS,
  LOGIN_MESSAGES.PASSWORD_LOCKED,
].map(english);

const login = (browser: FakeBrowser, email: string, password: string, callbackUrl = '/') => postLogin(browser, form({ email, password, callbackUrl }));
const verify = (browser: FakeBrowser, code: string, callbackUrl = '/') => postCode(browser, form({ code, callbackUrl }));
const auditTypes = async (userId: string) =>
  (await db.auditEvent.findMany({ where: { subjectUserId: userId }, orderBy: { id: 'asc' }, select: { type: true } })).map((e) => e.type);

describe('password step', () => {
  it('signs a user without 2FA straight in, with an HttpOnly session in the database', async () => {
    const user = await createUser();
    const browser = new FakeBrowser();
    await expect(login(browser, user.email, user.password, '/settings/2fa')).resolves.toEqual({ redirect: '/settings/2fa' });
    const session = (await as(browser, getCurrentSession)).result;
    expect(session).toMatchObject({ stage: 'ACTIVE', user: { id: user.id } });
    expect(await auditTypes(user.id)).toEqual(['login.password_succeeded', 'login.completed']);
  });

  it('accepts the e-mail address in another case and with spaces around it', async () => {
    const user = await createUser();
    await expect(login(new FakeBrowser(), `  ${user.email.toUpperCase()} `, user.password)).resolves.toEqual({ redirect: '/' });
  });

  it('gives one message for an unknown e-mail and a wrong password, and no session', async () => {
    const user = await createUser();
    const browser = new FakeBrowser();
    const wrongPassword = await login(browser, user.email, 'not the password');
    const unknownEmail = await login(browser, 'nobody@office.example', user.password);
    expect(wrongPassword.result).toEqual({ message: INCORRECT_CREDENTIALS, values: { email: user.email } });
    expect(unknownEmail.result).toEqual({ message: INCORRECT_CREDENTIALS, values: { email: 'nobody@office.example' } });
    expect(browser.cookies.size).toBe(0);
    expect(await auditTypes(user.id)).toEqual(['login.password_failed']);
  });

  it('never sends another origin as the callback', async () => {
    const user = await createUser();
    await expect(login(new FakeBrowser(), user.email, user.password, '//evil.example/x')).resolves.toEqual({ redirect: '/' });
  });

  it.each([
    ['empty fields', { email: '', password: '' }],
    ['a 10 kB e-mail', { email: `${'a'.repeat(10_240)}@x.example`, password: 'x' }],
    ['a 10 kB password', { email: 'a@x.example', password: 'p'.repeat(10_240) }],
  ])('answers %s with field messages and writes nothing', async (_label, fields) => {
    const before = await db.auditEvent.count();
    const outcome = await postLogin(new FakeBrowser(), form(fields));
    expect(outcome.result?.fieldErrors).toBeDefined();
    expect(await db.auditEvent.count()).toBe(before);
  });

  it('locks an address after 10 wrong passwords for 15 minutes, known or not, without saying which (S5)', async () => {
    const user = await createUser();
    const browser = new FakeBrowser();
    for (let i = 1; i <= 9; i++) expect((await login(browser, user.email, `wrong ${i}`)).result?.message).toBe(INCORRECT_CREDENTIALS);
    expect((await login(browser, user.email, 'wrong 10')).result?.message).toBe(PASSWORD_LOCKED);
    // Even the right password is refused while the lock holds.
    expect((await login(browser, user.email, user.password)).result?.message).toBe(PASSWORD_LOCKED);
    expect(await auditTypes(user.id)).toContain('login.password_locked');

    // One count per address however it is typed.
    for (let i = 1; i <= 9; i++) await login(browser, i % 2 ? 'GHOST@office.example' : ' ghost@office.example ', `wrong ${i}`);
    expect((await login(browser, 'ghost@office.example', 'wrong 10')).result?.message).toBe(PASSWORD_LOCKED);
  });

  it('lets the right password reset the count of failures', async () => {
    const user = await createUser();
    const browser = new FakeBrowser();
    for (let i = 0; i < 9; i++) await login(browser, user.email, 'wrong');
    await expect(login(new FakeBrowser(), user.email, user.password)).resolves.toEqual({ redirect: '/' });
    for (let i = 0; i < 9; i++) expect((await login(browser, user.email, 'wrong')).result?.message).toBe(INCORRECT_CREDENTIALS);
  });
});

describe('verification step', () => {
  async function pendingLogin(user: { email: string; password: string }, callbackUrl = '/') {
    const browser = new FakeBrowser();
    const outcome = await login(browser, user.email, user.password, callbackUrl);
    return { browser, outcome };
  }

  it('sends a user with 2FA to the code step, then in with a right code and a new token', async () => {
    const user = await createUser({ twoFactor: true });
    const { browser, outcome } = await pendingLogin(user, '/settings/2fa');
    expect(outcome).toEqual({ redirect: '/login/verify?callbackUrl=%2Fsettings%2F2fa' });
    const pendingToken = browser.cookies.get(SESSION_COOKIE)!;
    expect((await as(browser, getCurrentSession)).result?.stage).toBe('PENDING_2FA');

    await expect(verify(browser, authenticatorCode(user.secret!).replace(/(\d{3})/, '$1 '), '/settings/2fa')).resolves.toEqual({ redirect: '/settings/2fa' });
    expect(browser.cookies.get(SESSION_COOKIE)).not.toBe(pendingToken);
    expect((await as(browser, getCurrentSession)).result?.stage).toBe('ACTIVE');
    // The pending token is dead: it cannot be kept as a second way in.
    expect(await db.session.findUnique({ where: { id: sessionIdFromToken(pendingToken) } })).toBeNull();
    expect(await auditTypes(user.id)).toEqual(['login.password_succeeded', 'login.code_succeeded', 'login.completed']);
  });

  it('keeps the user on the page after a wrong code, saying what to check', async () => {
    const user = await createUser({ twoFactor: true });
    const { browser } = await pendingLogin(user);
    const outcome = await verify(browser, wrongCode(user.secret!));
    expect(outcome.result).toEqual({ fieldErrors: { code: [CODE_NOT_ACCEPTED] }, message: '4 attempts left before you need to log in again.' });
    expect((await as(browser, getCurrentSession)).result?.stage).toBe('PENDING_2FA');
  });

  it('ignores malformed codes: a message, no attempt used (S14)', async () => {
    const user = await createUser({ twoFactor: true });
    const { browser } = await pendingLogin(user);
    for (const bad of ['', 'abcdef', '12345', '1234567', '١٢٣٤٥٦', 'x'.repeat(10_240)]) {
      expect((await verify(browser, bad)).result?.fieldErrors?.code).toEqual(['Enter the 6-digit code from your authentication app.']);
    }
    const session = await db.session.findFirst({ where: { userId: user.id } });
    expect(session?.codeAttempts).toBe(0);
    expect(await auditTypes(user.id)).toEqual(['login.password_succeeded']);
  });

  it('sends the user back to the password after 5 wrong codes in one login (S4)', async () => {
    const user = await createUser({ twoFactor: true });
    const { browser } = await pendingLogin(user);
    for (let i = 0; i < 4; i++) expect((await verify(browser, wrongCode(user.secret!))).result).toBeDefined();
    await expect(verify(browser, wrongCode(user.secret!))).resolves.toEqual({ redirect: '/login?notice=start-again' });
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    // A copy of the old cookie is worth nothing either.
    expect(await auditTypes(user.id)).toContain('login.challenge_exhausted');
  });

  it('refuses a code that was already used, and logs the replay (S3)', async () => {
    const user = await createUser({ twoFactor: true });
    const code = authenticatorCode(user.secret!);
    const first = await pendingLogin(user);
    await expect(verify(first.browser, code)).resolves.toEqual({ redirect: '/' });

    const second = await pendingLogin(user);
    expect((await verify(second.browser, code)).result?.fieldErrors?.code).toEqual([CODE_ALREADY_USED]);
    // The previous step's code is older still: also refused.
    expect((await verify(second.browser, authenticatorCode(user.secret!, Date.now(), -1))).result?.fieldErrors?.code).toEqual([CODE_ALREADY_USED]);
    expect(await auditTypes(user.id)).toContain('login.code_replayed');
  });

  it('lets exactly one of two simultaneous verifications of one code through (S3)', async () => {
    const user = await createUser({ twoFactor: true });
    const a = await pendingLogin(user);
    const b = await pendingLogin(user);
    const code = authenticatorCode(user.secret!);
    const sessionOf = async (browser: FakeBrowser) => db.session.findUniqueOrThrow({ where: { id: sessionIdFromToken(browser.cookies.get(SESSION_COOKIE)!) } });
    const [ida, idb] = [(await sessionOf(a.browser)).id, (await sessionOf(b.browser)).id];
    const results = await Promise.all([
      verifySecondFactor({ sessionId: ida, factor: 'totp', code }, { ip: null, userAgent: 'a' }),
      verifySecondFactor({ sessionId: idb, factor: 'totp', code }, { ip: null, userAgent: 'b' }),
    ]);
    expect(results.map((r) => r.kind).sort()).toEqual(['replayed', 'signed-in']);
    expect(await db.session.count({ where: { userId: user.id, stage: 'ACTIVE' } })).toBe(1);
  });

  it('bounds parallel guessing on one login to 5 attempts', async () => {
    const user = await createUser({ twoFactor: true });
    const { browser } = await pendingLogin(user);
    const sessionId = sessionIdFromToken(browser.cookies.get(SESSION_COOKIE)!);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => verifySecondFactor({ sessionId, factor: 'totp', code: wrongCode(user.secret!) }, { ip: null, userAgent: null })),
    );
    const checked = results.filter((r) => r.kind === 'wrong').length;
    expect(checked).toBeLessThanOrEqual(4);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).codeFailures).toBeLessThanOrEqual(5);
  });

  it('locks the second step for 15 minutes after 10 wrong codes over several logins, then lets the user in (S4)', async () => {
    const user = await createUser({ twoFactor: true });
    const t0 = new Date();
    for (let login = 0; login < 2; login++) {
      const { browser } = await pendingLogin(user);
      const sessionId = sessionIdFromToken(browser.cookies.get(SESSION_COOKIE)!);
      for (let i = 0; i < 5; i++) await verifySecondFactor({ sessionId, factor: 'totp', code: wrongCode(user.secret!) }, { ip: null, userAgent: null }, t0);
    }
    expect(await auditTypes(user.id)).toContain('login.code_locked');

    // During the lock even the right code is refused.
    const during = await pendingLogin(user);
    await expect(verify(during.browser, authenticatorCode(user.secret!))).resolves.toEqual({ redirect: '/login?notice=code-locked' });

    const after = await pendingLogin(user);
    const sessionId = sessionIdFromToken(after.browser.cookies.get(SESSION_COOKIE)!);
    const later = new Date(t0.getTime() + 15 * 60_000 + 1000);
    await db.session.update({ where: { id: sessionId }, data: { expiresAt: new Date(later.getTime() + 60_000) } });
    const result = await verifySecondFactor(
      { sessionId, factor: 'totp', code: authenticatorCode(user.secret!, later.getTime()) },
      { ip: null, userAgent: null },
      later,
    );
    expect(result.kind).toBe('signed-in');
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).codeFailures).toBe(0);
  });

  it('lets a pending login expire after 5 minutes', async () => {
    const user = await createUser({ twoFactor: true });
    const { browser } = await pendingLogin(user);
    const sessionId = sessionIdFromToken(browser.cookies.get(SESSION_COOKIE)!);
    const later = new Date(Date.now() + 5 * 60_000 + 1000);
    const result = await verifySecondFactor(
      { sessionId, factor: 'totp', code: authenticatorCode(user.secret!, later.getTime()) },
      { ip: null, userAgent: null },
      later,
    );
    expect(result).toEqual({ kind: 'start-again' });
  });

  it('binds the pending login to its user: a code of another account does not complete it', async () => {
    const alice = await createUser({ twoFactor: true });
    const mallory = await createUser({ twoFactor: true });
    const { browser } = await pendingLogin(alice);
    expect((await verify(browser, authenticatorCode(mallory.secret!))).result?.fieldErrors?.code).toEqual([CODE_NOT_ACCEPTED]);
  });
});

describe('log out', () => {
  it('ends the session in the database, so a copied cookie stops working', async () => {
    const user = await createUser();
    const browser = new FakeBrowser();
    await login(browser, user.email, user.password);
    const copy = browser.clone();
    await expect(as(browser, logOut)).resolves.toEqual({ redirect: '/login?notice=logged-out' });
    expect((await as(copy, getCurrentSession)).result).toBeNull();
    expect(await auditTypes(user.id)).toContain('logout');
  });

  it('also ends a pending login', async () => {
    const user = await createUser({ twoFactor: true });
    const browser = new FakeBrowser();
    await login(browser, user.email, user.password);
    await as(browser, logOut);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });
});
