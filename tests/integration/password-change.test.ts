/** S17: "Change password" through its server action on a real database. */
import { as, FakeBrowser, form, nextHeaders, noState } from '../helpers/fake-browser';
jest.mock('next/headers', () => nextHeaders);

import { db } from '@/lib/db';
import { postLogin } from '../helpers/login-steps';
import { changeOwnPassword } from '@/app/(app)/settings/password/actions';
import { getCurrentSession } from '@/lib/auth/guards';
import { PASSWORD_FAILURE_LIMIT } from '@/lib/auth/limits';
import { LOCALE_COOKIE } from '@/lib/i18n/locale';
import { createUser } from '../helpers/factories';
import { signedInBrowser } from '../helpers/sign-in';

const NEW_PASSWORD = 'kangourou rouge siffle doucement';
const change = (browser: FakeBrowser, fields: Record<string, string>) => as(browser, () => changeOwnPassword(noState, form(fields)));
const login = (email: string, password: string) => postLogin(new FakeBrowser(), form({ email, password }));

it('changes the password, ends the other sessions, keeps this one, mails the owner and audits it', async () => {
  const user = await createUser({ twoFactor: true });
  const here = await signedInBrowser(user);
  const elsewhere = await signedInBrowser(user, { atStepOffset: 1 }); // the next code: the first one is spent (S3)
  const outcome = await change(here, { currentPassword: user.password, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
  expect(outcome).toEqual({ result: { ok: true, message: 'Your password was changed. 1 other session was logged out.' } });
  expect((await as(here, getCurrentSession)).result?.stage).toBe('ACTIVE');
  expect((await as(elsewhere, getCurrentSession)).result).toBeNull();
  expect((await login(user.email, user.password)).redirect).toBeUndefined();
  expect((await login(user.email, NEW_PASSWORD)).redirect).toBe('/login/verify'); // 2FA still asked
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { userId: user.id, kind: 'password_changed' } });
  expect(mail.subject).toBe('Office Portal: your password was changed');
  const event = await db.auditEvent.findFirstOrThrow({ where: { type: 'password.changed', subjectUserId: user.id } });
  expect(JSON.parse(event.details)).toEqual({ sessionsEnded: 1 });
});

it('refuses a wrong current password, counted toward the login’s lock of the address', async () => {
  const user = await createUser();
  const browser = await signedInBrowser(user);
  const wrong = await change(browser, { currentPassword: 'not my password', newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
  expect(wrong.result?.fieldErrors?.currentPassword).toEqual(['That is not your current password.']);
  for (let i = 1; i < PASSWORD_FAILURE_LIMIT; i += 1)
    await change(browser, { currentPassword: 'not my password', newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
  // The address is now locked: the right current password is refused too, and so is the login.
  const locked = await change(browser, { currentPassword: user.password, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
  expect(locked.result?.message).toBe('Too many wrong passwords. Try again in 15 minutes.');
  expect((await login(user.email, user.password)).redirect).toBeUndefined();
  expect(await db.auditEvent.count({ where: { type: 'password.change_failed', subjectUserId: user.id } })).toBe(PASSWORD_FAILURE_LIMIT + 1);
  expect(await db.auditEvent.count({ where: { type: 'login.password_locked', subjectUserId: user.id } })).toBe(1);
});

it('refuses a weak new password with feedback in the page’s language, and changes nothing', async () => {
  const user = await createUser({ email: 'marie.dubois@office.example' });
  const browser = await signedInBrowser(user);
  browser.cookies.set(LOCALE_COOKIE, 'fr');
  const weak = await change(browser, { currentPassword: user.password, newPassword: 'password1234', confirmPassword: 'password1234' });
  expect(weak.result?.fieldErrors?.newPassword?.[0]).toBe('Ce mot de passe est trop facile à deviner.');
  browser.cookies.set(LOCALE_COOKIE, 'nl');
  const named = await change(browser, { currentPassword: user.password, newPassword: 'dubois fietst naar zee', confirmPassword: 'dubois fietst naar zee' });
  expect(named.result?.fieldErrors?.newPassword).toEqual(['Gebruik je naam of het eerste deel van je e-mailadres niet in je paswoord.']);
  const mismatch = await change(browser, { currentPassword: user.password, newPassword: NEW_PASSWORD, confirmPassword: 'iets anders' });
  expect(mismatch.result?.fieldErrors?.confirmPassword).toEqual(['De twee paswoorden zijn niet gelijk. Typ het nieuwe paswoord twee keer.']);
  expect((await login(user.email, user.password)).redirect).toBe('/');
  expect(await db.auditEvent.count({ where: { type: 'password.changed', subjectUserId: user.id } })).toBe(0);
});

it('deletes a pending reset link', async () => {
  const user = await createUser();
  await db.passwordResetToken.create({ data: { id: 'a'.repeat(64), userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) } });
  const browser = await signedInBrowser(user);
  expect((await change(browser, { currentPassword: user.password, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).result?.ok).toBe(true);
  expect(await db.passwordResetToken.count({ where: { userId: user.id } })).toBe(0);
});
