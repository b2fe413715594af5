import { expect, test } from '@playwright/test';
import { freshCode, logInWithPassword, openAccountMenu, nextCode, seededUser } from './support';
import { wrongCode } from '../helpers/totp-reference';

test.describe.configure({ mode: 'serial' });

// The last code the tests entered for Bram: the next one must come from a later step.
let bramsLastCode = '';

test('a user without 2FA logs in with e-mail and password and sees the portal', async ({ page }) => {
  const anna = seededUser('anna@vandijk.example');
  await logInWithPassword(page, anna.email, anna.password);
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('heading', { name: `Welcome, ${anna.name}` })).toBeVisible();
  await expect(page.getByText('Van Dijk & Partners Accountants')).toBeVisible();

  await expect((await openAccountMenu(page, anna.email)).getByRole('link', { name: 'Manage 2FA' })).toBeVisible();
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login\?notice=logged-out/);
  await expect(page.getByText('You have logged out.')).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL('/login');
});

test('a wrong password and an unknown e-mail get the same message', async ({ page }) => {
  const anna = seededUser('anna@vandijk.example');
  await logInWithPassword(page, anna.email, 'not the password');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('The e-mail address or password is incorrect.');
  await logInWithPassword(page, 'nobody@vandijk.example', anna.password);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('The e-mail address or password is incorrect.');
});

test('with the page’s script, a refusal is shown in place: the address kept, the password emptied and focused', async ({ page }) => {
  const anna = seededUser('anna@vandijk.example');
  await logInWithPassword(page, anna.email, 'not the password');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('The e-mail address or password is incorrect.');
  await expect(page).toHaveURL('/login');
  await expect(page.getByLabel('Email address')).toHaveValue(anna.email);
  await expect(page.getByLabel('Password')).toHaveValue('');
  await expect(page.getByLabel('Password')).toBeFocused();
});

test('without JavaScript: a refusal comes back with the address typed in (not in the URL), and the right password signs in', async ({ browser }) => {
  const anna = seededUser('anna@vandijk.example');
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await logInWithPassword(page, anna.email, 'not the password');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('The e-mail address or password is incorrect.');
  await expect(page).toHaveURL('/login?refused=incorrect');
  await expect(page.getByLabel('Email address')).toHaveValue(anna.email);
  const keepsTypedAddress = async () => (await context.cookies()).some((cookie) => cookie.name.endsWith('portal_login_email'));
  expect(await keepsTypedAddress()).toBe(true);
  await page.getByLabel('Email address').fill('');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByText('Enter your e-mail address.')).toBeVisible();
  await expect(page.getByText('Enter your password.')).toBeVisible();
  await page.getByLabel('Email address').fill(anna.email);
  await page.getByLabel('Password').fill(anna.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL('/');
  // Signed in, the typed address is not kept for the next person at this computer.
  expect(await keepsTypedAddress()).toBe(false);
  await context.close();
});

test('a user with 2FA enters the code from the app, and lands where they were going', async ({ page }) => {
  const bram = seededUser('bram@vandijk.example');
  await page.goto('/settings/2fa');
  await expect(page).toHaveURL('/login?callbackUrl=%2Fsettings%2F2fa');
  await page.getByLabel('Email address').fill(bram.email);
  await page.getByLabel('Password').fill(bram.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/login\/verify/);

  const code = page.getByLabel('Verification code');
  await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(code).toHaveAttribute('inputmode', 'numeric');
  await expect(page.getByText('Always use the most recent code from your app.')).toBeVisible();

  // The pending login reaches nothing else: the portal sends it back to the code.
  await page.goto('/');
  await expect(page).toHaveURL('/login/verify');
  await page.goto('/settings/2fa');
  await expect(page).toHaveURL('/login/verify');

  await page.goto('/login/verify?callbackUrl=%2Fsettings%2F2fa');
  const fresh = await freshCode(bram.totpKey!);
  bramsLastCode = fresh;
  await page.getByLabel('Verification code').fill(`${fresh.slice(0, 3)} ${fresh.slice(3)}`);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL('/settings/2fa');
  await expect(page.getByTestId('two-factor-status')).toHaveText('On');
});

test('a wrong code keeps the user on the page and says what to check; a replayed code is refused', async ({ page }) => {
  const bram = seededUser('bram@vandijk.example');
  await logInWithPassword(page, bram.email, bram.password);
  await expect(page).toHaveURL('/login/verify');

  await page.getByLabel('Verification code').fill(wrongCode(bram.totpKey!));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText(/That code was not accepted/)).toBeVisible();
  await expect(page.getByText('4 attempts left before you need to log in again.')).toBeVisible();
  await expect(page).toHaveURL('/login/verify');

  // Whatever code the previous test used is spent; wait for a new one, sign in, then try to use it again.
  const code = await nextCode(bram.totpKey!, bramsLastCode);
  await page.getByLabel('Verification code').fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL('/');
  await (await openAccountMenu(page, bram.email)).getByRole('button', { name: 'Log out' }).click();

  await logInWithPassword(page, bram.email, bram.password);
  await page.getByLabel('Verification code').fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('That code has already been used.', { exact: false })).toBeVisible();
  await expect(page).toHaveURL('/login/verify');
});
