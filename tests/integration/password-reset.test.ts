/** S16: "Forgot your password?" and the reset link, through their server actions on a real database. */
import { as, FakeBrowser, form, nextHeaders, noState } from '../helpers/fake-browser';
jest.mock('next/headers', () => nextHeaders);

import { db } from '@/lib/db';
import { postLogin } from '../helpers/login-steps';
import { logOut } from '@/app/(auth)/logout/actions';
import { requestPasswordResetLink } from '@/app/(auth)/login/forgot-password/actions';
import { resetPasswordWithLink } from '@/app/(auth)/login/reset-password/actions';
import { getCurrentSession } from '@/lib/auth/guards';
import { resetPassword, isResetLinkValid } from '@/lib/auth/reset-password';
import { requestPasswordReset } from '@/lib/auth/request-password-reset';
import { DEVICE_FAILURE_LIMIT, PASSWORD_FAILURE_LIMIT } from '@/lib/auth/limits';
import { RESET_REQUESTS_PER_ADDRESS, RESET_TOKEN_LIFETIME_MS, RESET_WINDOW_MS } from '@/lib/auth/password-limits';
import { createUser, type TestUser } from '../helpers/factories';
import { signedInBrowser } from '../helpers/sign-in';

const NEW_PASSWORD = 'rode kangoeroe fluit zacht op de trap';
const meta = { ip: '198.51.100.7', userAgent: 'Jest' };
const SENT = 'If an account exists for this address, we sent a link. It works for 1 hour.';

const askLink = (email: string, browser = new FakeBrowser()) => as(browser, () => requestPasswordResetLink(noState, form({ email })));
const postReset = (token: string, password = NEW_PASSWORD, confirm = password, browser = new FakeBrowser()) =>
  as(browser, () => resetPasswordWithLink(noState, form({ token, newPassword: password, confirmPassword: confirm })));
const login = (email: string, password: string, browser = new FakeBrowser()) => postLogin(browser, form({ email, password }));

/** The token of the newest reset link mailed to `user`, read from the outbox as the mail would carry it. */
async function linkToken(user: TestUser): Promise<string> {
  const message = await db.outboxMessage.findFirstOrThrow({ where: { userId: user.id, kind: 'password_reset_link' }, orderBy: { createdAt: 'desc' } });
  const match = /\/login\/reset-password\?token=([A-Za-z0-9_-]{43})/.exec(message.body);
  if (!match) throw new Error(`no link in: ${message.body}`);
  return match[1];
}
const lastLinkCount = (user: TestUser) => db.outboxMessage.count({ where: { userId: user.id, kind: 'password_reset_link' } });

describe('asking for a link', () => {
  it('gives the same answer for a known and an unknown address; only the known one gets a mail, in its language', async () => {
    const user = await createUser({ twoFactor: true });
    await db.user.update({ where: { id: user.id }, data: { locale: 'nl' } });
    const known = await askLink(user.email);
    const unknown = await askLink('nobody-here@office.example');
    expect(known).toEqual({ result: { ok: true, message: SENT } });
    expect(unknown).toEqual(known);
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { userId: user.id }, select: { toEmail: true, subject: true, body: true } });
    expect(mail.toEmail).toBe(user.email);
    expect(mail.subject).toBe('Office Portal: kies een nieuw paswoord');
    expect(mail.body).toContain('http://localhost:3000/login/reset-password?token=');
    expect(await db.outboxMessage.count({ where: { toEmail: 'nobody-here@office.example' } })).toBe(0);
    // Both are audited, and only the hash of the token is stored.
    const events = await db.auditEvent.findMany({ where: { type: 'password.reset_requested' }, select: { subjectUserId: true, details: true } });
    expect(events.map((e) => JSON.parse(e.details).knownAccount)).toEqual([true, false]);
    const token = await linkToken(user);
    const rows = await db.passwordResetToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].id).not.toContain(token);
    expect(rows[0].expiresAt.getTime() - rows[0].createdAt.getTime()).toBe(RESET_TOKEN_LIFETIME_MS);
  });

  it(`sends at most ${RESET_REQUESTS_PER_ADDRESS} links an hour to one address, with the same answer after, and again an hour later`, async () => {
    const user = await createUser();
    const answers = [];
    for (let i = 0; i < RESET_REQUESTS_PER_ADDRESS + 2; i += 1) answers.push(await askLink(user.email.toUpperCase()));
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(await lastLinkCount(user)).toBe(RESET_REQUESTS_PER_ADDRESS);
    const denied = await db.auditEvent.count({ where: { type: 'password.reset_requested', subjectUserId: user.id, outcome: 'DENIED' } });
    expect(denied).toBe(2);
    await requestPasswordReset({ email: user.email, requestLocale: 'en' }, meta, new Date(Date.now() + RESET_WINDOW_MS + 1000));
    expect(await lastLinkCount(user)).toBe(RESET_REQUESTS_PER_ADDRESS + 1);
  });

  it('answers an empty or oversized address with a field message and sends nothing', async () => {
    const before = await db.outboxMessage.count();
    expect((await askLink('')).result?.fieldErrors?.email).toEqual(['Enter your e-mail address.']);
    expect((await askLink(`${'a'.repeat(300)}@x.example`)).result?.fieldErrors?.email).toEqual(['That e-mail address is too long.']);
    expect(await db.outboxMessage.count()).toBe(before);
  });
});

describe('using the link', () => {
  it('sets the new password without signing in; the old one fails, every session ends, and the login asks for the code', async () => {
    const user = await createUser({ twoFactor: true });
    const signedIn = await signedInBrowser(user);
    expect((await as(signedIn, getCurrentSession)).result?.stage).toBe('ACTIVE');
    await askLink(user.email);
    const token = await linkToken(user);
    expect(await isResetLinkValid(token)).toBe(true);

    const resetter = new FakeBrowser();
    const done = await postReset(token, NEW_PASSWORD, NEW_PASSWORD, resetter);
    expect(done).toEqual({ result: { ok: true, message: 'Your password was changed and you were logged out everywhere. Log in with your new password.' } });
    expect(resetter.cookies.size).toBe(0); // not signed in
    expect((await as(signedIn, getCurrentSession)).result).toBeNull(); // the other session is gone
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);

    expect((await login(user.email, user.password)).redirect).toBeUndefined(); // the old password no longer opens anything
    expect(await login(user.email, NEW_PASSWORD)).toEqual({ redirect: '/login/verify' });

    const types = (await db.auditEvent.findMany({ where: { subjectUserId: user.id }, orderBy: { id: 'asc' }, select: { type: true } })).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['password.reset_requested', 'password.reset_completed']));
    const changedMail = await db.outboxMessage.findFirstOrThrow({ where: { userId: user.id, kind: 'password_reset_done' } });
    expect(changedMail.subject).toBe('Office Portal: your password was changed');
  });

  it('works once', async () => {
    const user = await createUser();
    await askLink(user.email);
    const token = await linkToken(user);
    expect((await postReset(token)).result?.ok).toBe(true);
    const again = await postReset(token, 'een heel ander paswoord voor later');
    expect(again.result).toMatchObject({ values: { linkInvalid: 'true' } });
    expect(again.result?.message).toMatch(/^The link has expired, has already been used, or a newer link was sent/);
    expect(await login(user.email, 'een heel ander paswoord voor later')).not.toHaveProperty('redirect');
    expect(await isResetLinkValid(token)).toBe(false);
  });

  it(`expires after ${RESET_TOKEN_LIFETIME_MS / 60_000} minutes (fake clock)`, async () => {
    const user = await createUser();
    await askLink(user.email);
    const token = await linkToken(user);
    const later = new Date(Date.now() + RESET_TOKEN_LIFETIME_MS + 1000);
    expect(await isResetLinkValid(token, later)).toBe(false);
    expect(await resetPassword({ token, password: NEW_PASSWORD, requestLocale: 'en' }, meta, later)).toEqual({ kind: 'invalid-link' });
    expect((await login(user.email, user.password)).redirect).toBe('/');
    const refused = await db.auditEvent.findFirstOrThrow({ where: { type: 'password.reset_refused', subjectUserId: user.id } });
    expect(JSON.parse(refused.details)).toEqual({ reason: 'expired' });
  });

  it('is refused once a newer link was sent', async () => {
    const user = await createUser();
    await askLink(user.email);
    const older = await linkToken(user);
    await new Promise((resolve) => setTimeout(resolve, 5)); // a distinct createdAt for the newer mail
    await askLink(user.email);
    const newer = await linkToken(user);
    expect(newer).not.toBe(older);
    expect((await postReset(older)).result).toMatchObject({ values: { linkInvalid: 'true' } });
    expect((await postReset(newer)).result?.ok).toBe(true);
  });

  it('changes only the password of the user it was sent to, whatever else the form says', async () => {
    const owner = await createUser();
    const other = await createUser();
    await askLink(owner.email);
    const token = await linkToken(owner);
    const outcome = await as(new FakeBrowser(), () =>
      resetPasswordWithLink(noState, form({ token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD, email: other.email, userId: other.id })),
    );
    expect(outcome.result?.ok).toBe(true);
    expect((await login(other.email, other.password)).redirect).toBe('/');
    expect((await login(other.email, NEW_PASSWORD)).redirect).toBeUndefined();
    expect((await login(owner.email, NEW_PASSWORD)).redirect).toBe('/');
  });

  it('refuses an unknown or malformed token with the same message', async () => {
    for (const token of ['', 'x'.repeat(43), 'not a token', 'A'.repeat(5000)]) {
      expect((await postReset(token)).result).toMatchObject({ values: { linkInvalid: 'true' } });
    }
  });

  it('refuses a weak password or two different ones with feedback, and the link keeps working', async () => {
    const user = await createUser();
    await askLink(user.email);
    const token = await linkToken(user);
    const short = await postReset(token, 'kort genoeg');
    expect(short.result?.fieldErrors?.newPassword).toEqual(['Use at least 12 characters.']);
    const common = await postReset(token, 'password1234');
    expect(common.result?.fieldErrors?.newPassword?.[0]).toBe('This password is too easy to guess.');
    const mismatch = await postReset(token, NEW_PASSWORD, `${NEW_PASSWORD}!`);
    expect(mismatch.result?.fieldErrors?.confirmPassword).toEqual(['The two passwords are not the same. Type the new password twice.']);
    expect(await isResetLinkValid(token)).toBe(true);
    expect((await postReset(token)).result?.ok).toBe(true);
  });

  it('lifts the password lock of the address', async () => {
    const user = await createUser();
    for (let i = 0; i < PASSWORD_FAILURE_LIMIT; i += 1) await login(user.email, 'a wrong password');
    expect((await login(user.email, user.password)).redirect).toBeUndefined(); // locked: even the right password is refused
    await askLink(user.email);
    await postReset(await linkToken(user));
    expect((await login(user.email, NEW_PASSWORD)).redirect).toBe('/');
  });

  it("lifts the spent budget of the owner's trusted browsers too: the owner's own typos no longer keep them waiting", async () => {
    const user = await createUser();
    const office = new FakeBrowser({ ip: '192.0.2.40' });
    expect((await login(user.email, user.password, office)).redirect).toBe('/');
    await as(office, logOut);
    for (let i = 0; i < DEVICE_FAILURE_LIMIT; i += 1) await login(user.email, 'a typo', office);
    expect((await login(user.email, user.password, office)).redirect).toBeUndefined(); // the device's own budget is spent
    await askLink(user.email);
    await postReset(await linkToken(user));
    expect((await login(user.email, NEW_PASSWORD, office)).redirect).toBe('/');
  });

  it('uses a link once even when two resets with it race', async () => {
    const user = await createUser();
    await askLink(user.email);
    const token = await linkToken(user);
    const results = await Promise.all([
      resetPassword({ token, password: NEW_PASSWORD, requestLocale: 'en' }, meta),
      resetPassword({ token, password: 'een tweede paswoord dat verliest', requestLocale: 'en' }, meta),
    ]);
    expect(results.map((r) => r.kind).sort()).toEqual(['invalid-link', 'password-reset']);
    expect(await db.auditEvent.count({ where: { type: 'password.reset_completed', subjectUserId: user.id } })).toBe(1);
  });
});
