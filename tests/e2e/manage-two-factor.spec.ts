import { expect, test } from '@playwright/test';
import { freshCode, logInWithPassword, openAccountMenu, nextCode, scanQrCode, seededUser } from './support';
import { wrongCode } from '../helpers/totp-reference';

test.setTimeout(120_000);

test('enable 2FA from the header menu with an authenticator that scans the QR code, then disable it with the password @success-screen', async ({ page }) => {
  const dirk = seededUser('dirk@maes.example');
  await logInWithPassword(page, dirk.email, dirk.password);
  await expect(page).toHaveURL('/');

  // Manage 2FA, under the e-mail address at the top right.
  await (await openAccountMenu(page, dirk.email)).getByRole('link', { name: 'Manage 2FA' }).click();
  await expect(page.getByTestId('two-factor-status')).toHaveText('Off');
  await page.getByRole('button', { name: 'Enable 2FA' }).click();

  // Scan the QR code; the key shown as text is the same secret.
  const { uri, secret } = await scanQrCode(page);
  expect(uri.protocol).toBe('otpauth:');
  expect(uri.host).toBe('totp');
  expect(decodeURIComponent(uri.pathname)).toBe(`/Office Portal:${dirk.email}`);
  expect(uri.searchParams.get('issuer')).toBe('Office Portal');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  const shownKey = (await page.getByTestId('totp-key').textContent())!.replace(/\s/g, '');
  expect(shownKey).toBe(secret);

  // Reloading half-way loses nothing: the same secret is shown.
  await page.reload();
  expect((await scanQrCode(page)).secret).toBe(secret);

  await page.getByRole('link', { name: 'Next' }).click();
  await page.getByLabel('Verification code').fill(wrongCode(secret));
  await page.getByRole('button', { name: 'Enable 2FA' }).click();
  await expect(page.getByText(/That code was not accepted/)).toBeVisible();

  const firstCode = await freshCode(secret);
  await page.getByLabel('Verification code').fill(firstCode);
  await page.getByRole('button', { name: 'Enable 2FA' }).click();
  await expect(page.getByText('Two-factor authentication is enabled.')).toBeVisible();
  // Close only after confirming the recovery codes are saved (tests/e2e/recovery-codes.spec.ts uses them).
  await page.getByLabel('I have saved these codes').check();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('two-factor-status')).toHaveText('On');

  // Log out, and back in with a fresh code from the app.
  await (await openAccountMenu(page, dirk.email)).getByRole('button', { name: 'Log out' }).click();
  await logInWithPassword(page, dirk.email, dirk.password);
  await expect(page).toHaveURL('/login/verify');
  await page.getByLabel('Verification code').fill(await nextCode(secret, firstCode));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL('/');

  // Disable with the password.
  await page.goto('/settings/2fa');
  await page.getByRole('link', { name: 'Disable 2FA' }).click();
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Disable 2FA' }).click();
  await expect(page.getByText('The password is incorrect.')).toBeVisible();
  await page.getByLabel('Password').fill(dirk.password);
  await page.getByRole('button', { name: 'Disable 2FA' }).click();
  await expect(page.getByText('Two-factor authentication is disabled.')).toBeVisible();
  // The confirmation stays until the user closes it, also when the page is rendered again by the
  // server (development mode does so after an action; a reload does so everywhere).
  await page.reload();
  await expect(page).toHaveURL('/settings/2fa/disable');
  await expect(page.getByText('Two-factor authentication is disabled.')).toBeVisible();
  await page.getByRole('link', { name: 'Close' }).click();
  await expect(page.getByTestId('two-factor-status')).toHaveText('Off');

  // The next login needs no code.
  await (await openAccountMenu(page, dirk.email)).getByRole('button', { name: 'Log out' }).click();
  await logInWithPassword(page, dirk.email, dirk.password);
  await expect(page).toHaveURL('/');
});
