/**
 * The login form without JavaScript (decision 0020): the form posts to a route handler, which
 * answers 303; a refusal sends the browser back to the login page with the reason in the query
 * string and the typed address in a short-lived cookie (never in the URL), and the page says it in
 * the visitor's language. The reason is only words from a fixed list: an edited query shows
 * nothing it does not know.
 */
import { FakeBrowser, nextHeaders } from '../helpers/fake-browser';
jest.mock('next/headers', () => nextHeaders);

import { db } from '@/lib/db';
import LoginPage from '@/app/(auth)/login/page';
import { LoginForm } from '@/components/auth/login-form';
import { SESSION_COOKIE } from '@/lib/auth/cookie-name';
import { formStateOnPage, postWithoutScript } from '../helpers/login-steps';
import { createUser } from '../helpers/factories';

const TYPED_EMAIL_COOKIE = 'portal_login_email';

const postForm = (browser: FakeBrowser, fields: Record<string, string>) => postWithoutScript(browser, '/login/password', fields);
const formStateFor = (browser: FakeBrowser, location: string) => formStateOnPage(browser, LoginPage, LoginForm, location);

it('sends a wrong password back to the form, which says so and keeps the address, not in the URL', async () => {
  const user = await createUser();
  const browser = new FakeBrowser();
  const answer = await postForm(browser, { email: user.email, password: 'not the password', callbackUrl: '/settings/security' });
  expect(answer).toEqual({ status: 303, location: '/login?refused=incorrect&callbackUrl=%2Fsettings%2Fsecurity' });
  expect(answer.location).not.toContain(encodeURIComponent(user.email));
  expect(browser.cookies.get(TYPED_EMAIL_COOKIE)).toBe(user.email);
  expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);
  expect(await formStateFor(browser, answer.location!)).toEqual({
    message: 'The e-mail address or password is incorrect.',
    values: { email: user.email },
  });
});

it('says what is missing, in the language the login page had', async () => {
  const browser = new FakeBrowser();
  browser.headers.set('accept-language', 'fr-BE');
  const answer = await postForm(browser, { email: '  ', password: '' });
  expect(answer.location).toBe('/login?refused=fields&email=required&password=required');
  expect(await formStateFor(browser, answer.location!)).toEqual({
    fieldErrors: { email: ['Saisissez votre adresse e-mail.'], password: ['Saisissez votre mot de passe.'] },
    values: { email: '  ' },
  });
});

it('keeps no address typed before when the field is sent empty', async () => {
  const browser = new FakeBrowser();
  await postForm(browser, { email: 'someone@office.example', password: 'x' });
  const answer = await postForm(browser, { email: '', password: 'x' });
  expect(answer.location).toBe('/login?refused=fields&email=required');
  expect(await formStateFor(browser, answer.location!)).toEqual({ fieldErrors: { email: ['Enter your e-mail address.'] }, values: { email: '' } });
});

it('says when logging in is paused for the address', async () => {
  const user = await createUser();
  const browser = new FakeBrowser();
  let answer = { status: 0, location: null as string | null };
  for (let i = 0; i < 11; i++) answer = await postForm(browser, { email: user.email, password: `wrong ${i}` });
  expect(answer.location).toBe('/login?refused=locked');
  expect((await formStateFor(browser, answer.location!)).message).toMatch(/logging in is paused for 15 minutes/);
});

it('shows nothing for a query it did not write', async () => {
  const browser = new FakeBrowser();
  for (const query of ['refused=fields', 'refused=fields&email=wrong', 'refused=<b>hi</b>', 'refused=incorrect2', 'email=required']) {
    expect([query, await formStateFor(browser, `/login?${query}`)]).toEqual([query, {}]);
  }
});

it('signs in with a 303 to the page asked for, or to the code step, and forgets the typed address', async () => {
  const user = await createUser();
  const browser = new FakeBrowser();
  await postForm(browser, { email: user.email, password: 'not the password' });
  expect(browser.cookies.has(TYPED_EMAIL_COOKIE)).toBe(true);
  expect(await postForm(browser, { email: user.email, password: user.password, callbackUrl: '/settings/security' })).toEqual({
    status: 303,
    location: '/settings/security',
  });
  expect(browser.cookies.has(TYPED_EMAIL_COOKIE)).toBe(false);
  const session = await db.session.findMany({ where: { userId: user.id } });
  expect(session.map((s) => s.stage)).toEqual(['ACTIVE']);

  const withTwoFactor = await createUser({ twoFactor: true });
  expect(await postForm(new FakeBrowser(), { email: withTwoFactor.email, password: withTwoFactor.password, callbackUrl: '/office' })).toEqual({
    status: 303,
    location: '/login/verify?callbackUrl=%2Foffice',
  });
});
