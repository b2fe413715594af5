import { expect, test } from '@playwright/test';
import { freshCode, logInWithPassword, openAccountMenu, scanQrCode, seededUser } from './support';

test('an office admin requires 2FA with a grace period of 0; a user is walked through enrolment at next sign-in @success-screen', async ({ browser }) => {
  const greet = seededUser('greet@peeters.example');
  const hans = seededUser('hans@peeters.example');

  const admin = await (await browser.newContext()).newPage();
  await logInWithPassword(admin, greet.email, greet.password);
  await admin.getByLabel('Verification code').fill(await freshCode(greet.totpKey!));
  await admin.getByRole('button', { name: 'Verify' }).click();
  await expect(admin).toHaveURL('/');
  await admin.getByRole('link', { name: 'Office', exact: true }).click();
  await admin.getByLabel('Require two-factor authentication for all users in this office').check();
  await admin.getByLabel('Grace period in days').fill('0');
  await admin.locator('form').filter({ hasText: 'Require two-factor' }).getByRole('button', { name: 'Save' }).click();
  await expect(admin.getByText(/1 user does not have two-factor authentication yet\. They must enable it by .* \(at their next login\)\./)).toBeVisible();
  await admin.getByRole('button', { name: 'Confirm and require 2FA' }).click();
  await expect(admin.getByText('The setting is saved.')).toBeVisible();
  await expect(admin.getByRole('row', { name: /Hans Wouters/ })).toContainText(/Passed on .*: must enable at login/);

  // Hans signs in: he is taken to enrolment, and nothing else opens until 2FA is on.
  const page = await (await browser.newContext()).newPage();
  await logInWithPassword(page, hans.email, hans.password);
  await expect(page).toHaveURL('/settings/2fa');
  await expect(page.getByText('Your office requires two-factor authentication for all its users.')).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL('/settings/2fa');

  await page.getByRole('button', { name: 'Enable 2FA' }).click();
  const { secret } = await scanQrCode(page);
  await page.getByRole('link', { name: 'Next' }).click();
  await page.getByLabel('Verification code').fill(await freshCode(secret));
  await page.getByRole('button', { name: 'Enable 2FA' }).click();
  await expect(page.getByText('Two-factor authentication is enabled.')).toBeVisible();
  await page.getByLabel('I have saved these codes').check();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page).toHaveURL('/settings/2fa');
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welcome, Hans Wouters' })).toBeVisible();

  // While the requirement holds he cannot turn it off himself.
  await page.goto('/settings/2fa/disable');
  await expect(page.getByText('Your office requires two-factor authentication for all its users, so you cannot disable it.')).toBeVisible();
  await (await openAccountMenu(page, hans.email)).getByRole('button', { name: 'Log out' }).click();
});
