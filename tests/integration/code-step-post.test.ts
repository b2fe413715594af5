/**
 * The code step without JavaScript (decision 0019): the form posts to a route handler, which
 * answers 303; a refusal sends the browser back to the form with the reason in the query string,
 * and the page says it in the user's language. The reason is only a word and a count: an edited
 * query shows nothing it does not know.
 */
import { FakeBrowser, nextHeaders } from '../helpers/fake-browser';
jest.mock('next/headers', () => nextHeaders);

import { db } from '@/lib/db';
import VerifyPage from '@/app/(auth)/login/verify/page';
import { VerifyForm } from '@/components/auth/verify-form';
import { formStateOnPage, postWithoutScript } from '../helpers/login-steps';
import { createUser } from '../helpers/factories';
import { pendingBrowser } from '../helpers/sign-in';
import { authenticatorCode, wrongCode } from '../helpers/totp-reference';

const postForm = (browser: FakeBrowser, fields: Record<string, string>) => postWithoutScript(browser, '/login/verify/code', fields);
const formStateFor = (browser: FakeBrowser, location: string) => formStateOnPage(browser, VerifyPage, VerifyForm, location);

it('sends a wrong code back to the form, which says why and how many attempts are left, keeping the choice to remember the browser', async () => {
  const user = await createUser({ twoFactor: true });
  const browser = await pendingBrowser(user);
  const answer = await postForm(browser, { code: wrongCode(user.secret!), rememberBrowser: 'on', callbackUrl: '/settings/security' });
  expect(answer).toEqual({ status: 303, location: '/login/verify?callbackUrl=%2Fsettings%2Fsecurity&refused=wrong&left=4&remember=on' });
  expect(await formStateFor(browser, answer.location!)).toEqual({
    fieldErrors: {
      code: ['That code was not accepted. Check that you are using the same authentication app you used when you enabled 2FA, and enter the most recent code.'],
    },
    message: '4 attempts left before you need to log in again.',
    values: { rememberBrowser: 'on' },
  });
});

it('says it in the language the login page had', async () => {
  const user = await createUser({ twoFactor: true });
  const browser = await pendingBrowser(user);
  browser.headers.set('accept-language', 'fr-BE');
  const answer = await postForm(browser, { code: 'abc' });
  expect(answer.location).toBe('/login/verify?refused=format');
  expect((await formStateFor(browser, answer.location!)).fieldErrors?.code?.[0]).toMatch(/6 chiffres/);
});

it('shows nothing for a query it did not write', async () => {
  const user = await createUser({ twoFactor: true });
  const browser = await pendingBrowser(user);
  for (const query of ['refused=wrong&left=99', 'refused=wrong', 'refused=<b>hi</b>', 'refused=wrong&left=-1', 'refused=replayed&left=2.5']) {
    expect([query, await formStateFor(browser, `/login/verify?${query}`)]).toEqual([query, {}]);
  }
});

it('signs in with a 303 to the page asked for, and a user with a key is sent back to the app’s form', async () => {
  const user = await createUser({ twoFactor: true });
  const browser = await pendingBrowser(user);
  expect(await postForm(browser, { code: authenticatorCode(user.secret!), callbackUrl: '/settings/security' })).toEqual({
    status: 303,
    location: '/settings/security',
  });

  const withKey = await createUser({ twoFactor: true });
  await db.webAuthnCredential.create({
    data: { userId: withKey.id, credentialId: Buffer.from('key-for-the-back-link'), publicKey: Buffer.from('x'), name: 'YubiKey', deviceType: 'singleDevice' },
  });
  const keyBrowser = await pendingBrowser(withKey);
  expect((await postForm(keyBrowser, { code: 'abc' })).location).toBe('/login/verify?method=app&refused=format');
});
