import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoViolations, freshCode, logInWithPassword, openAccountMenu, scanQrCode, seededUser } from './support';

test.setTimeout(120_000);
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const CODE = /^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/;

/** The codes as the success step shows them, checked against what Copy and Download give. */
async function saveRecoveryCodes(page: Page, email: string): Promise<string[]> {
  const list = page.getByRole('list', { name: 'Recovery codes' });
  await expect(list.getByRole('listitem')).toHaveCount(10);
  const codes = (await list.getByRole('listitem').allTextContents()).map((code) => code.trim());
  for (const code of codes) expect(code).toMatch(CODE);
  expect(new Set(codes).size).toBe(10);

  await page.getByRole('button', { name: 'Copy codes' }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(codes.join('\n'));

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download (.txt)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('office-portal-recovery-codes.txt');
  const text = readFileSync((await file.path())!, 'utf8');
  expect(text).toContain(`Office Portal recovery codes for ${email}`);
  for (const code of codes) expect(text).toContain(code);

  // Close waits for the promise that they are saved.
  await expect(page.getByRole('button', { name: 'Close' })).toBeDisabled();
  await page.getByLabel('I have saved these codes').check();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page).toHaveURL('/settings/2fa');
  return codes;
}

async function logInWithRecoveryCode(page: Page, email: string, password: string, code: string) {
  await logInWithPassword(page, email, password);
  await expect(page).toHaveURL('/login/verify');
  await page.getByRole('link', { name: 'Use a recovery code instead' }).click();
  await expect(page).toHaveURL('/login/verify?method=recovery-code');
  await page.getByLabel('Recovery code').fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
}

test('recovery codes: saved when 2FA is enabled, each one logs in once, new ones void the old; the user sees their own security activity @success-screen', async ({
  page,
  browser,
}) => {
  const ines = seededUser('ines@maes.example');
  await logInWithPassword(page, ines.email, ines.password);
  await expect(page).toHaveURL('/');

  // Enable 2FA; the success step shows the recovery codes once.
  await (await openAccountMenu(page, ines.email)).getByRole('link', { name: 'Manage 2FA' }).click();
  await page.getByRole('button', { name: 'Enable 2FA' }).click();
  const { secret } = await scanQrCode(page);
  await page.getByRole('link', { name: 'Next' }).click();
  await page.getByLabel('Verification code').fill(await freshCode(secret));
  await page.getByRole('button', { name: 'Enable 2FA' }).click();
  await expect(page.getByText('Two-factor authentication is enabled.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Save your recovery codes' })).toBeFocused();
  await expectNoViolations(page);
  const codes = await saveRecoveryCodes(page, ines.email);
  await expect(page.getByTestId('recovery-codes-left')).toHaveText('You have 10 unused recovery codes left.');

  // They are shown once: the enable page is gone, and nothing on Manage 2FA shows a code.
  await page.goto('/settings/2fa/enable');
  await expect(page).toHaveURL('/settings/2fa');
  await expect(page.getByText(codes[0])).toHaveCount(0);

  // Log out, and in with a recovery code typed loosely instead of the app's code.
  await (await openAccountMenu(page, ines.email)).getByRole('button', { name: 'Log out' }).click();
  await logInWithPassword(page, ines.email, ines.password);
  await page.getByRole('link', { name: 'Use a recovery code instead' }).click();
  await expectNoViolations(page);
  await page.getByLabel('Recovery code').fill(` ${codes[0].toLowerCase().replace('-', ' ')} `);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL('/');
  await expect(page.getByTestId('recovery-codes-banner')).toHaveText(/You logged in with a recovery code\. You have 9 unused recovery codes left\./);

  // The same code never works twice.
  await (await openAccountMenu(page, ines.email)).getByRole('button', { name: 'Log out' }).click();
  await logInWithRecoveryCode(page, ines.email, ines.password, codes[0]);
  await expect(page.getByText('That recovery code has already been used.')).toBeVisible();
  await expect(page.getByText('4 attempts left before you need to log in again.')).toBeVisible();
  await expect(page).toHaveURL('/login/verify?method=recovery-code');
  await page.getByLabel('Recovery code').fill(codes[1]);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL('/');
  await expect(page.getByTestId('recovery-codes-banner')).toContainText('You have 8 unused recovery codes left.');

  // Security activity, from the account menu: her own events only, newest first.
  await (await openAccountMenu(page, ines.email)).getByRole('link', { name: 'Security activity' }).click();
  await expect(page).toHaveURL('/settings/security');
  await expect(page.getByRole('heading', { name: 'Security activity' })).toBeVisible();
  // The other specs' users have signed in by now too: none of their events is here.
  const rows = page.getByTestId('security-event');
  await expect(rows.locator('td:nth-child(2)')).toHaveText([
    'Signed in',
    'Recovery code used',
    'Used recovery code entered again',
    'Signed in',
    'Recovery code used',
    '2FA enabled',
    'Signed in',
  ]);
  await expect(rows.nth(0)).toContainText(/Chrome( Headless)? on Linux/);
  await expect(rows.nth(1)).toContainText('8 recovery codes left');
  await expect(rows.nth(4)).toContainText('9 recovery codes left');
  await expectNoViolations(page);

  // New recovery codes need the password and replace the whole set.
  await page.goto('/settings/2fa');
  await expect(page.getByTestId('recovery-codes-left')).toHaveText('You have 8 unused recovery codes left.');
  await page.getByRole('link', { name: 'Generate new recovery codes' }).click();
  await page.getByLabel('Password').fill('not her password');
  await page.getByRole('button', { name: 'Generate new recovery codes' }).click();
  await expect(page.getByText('The password is incorrect.')).toBeVisible();
  await page.getByLabel('Password').fill(ines.password);
  await page.getByRole('button', { name: 'Generate new recovery codes' }).click();
  await expect(page.getByText('Your previous recovery codes no longer work.')).toBeVisible();
  const fresh = await saveRecoveryCodes(page, ines.email);
  expect(fresh.filter((code) => codes.includes(code))).toEqual([]);
  await expect(page.getByTestId('recovery-codes-left')).toHaveText('You have 10 unused recovery codes left.');

  // An old, unused code no longer works; a new one does.
  await (await openAccountMenu(page, ines.email)).getByRole('button', { name: 'Log out' }).click();
  await logInWithRecoveryCode(page, ines.email, ines.password, codes[2]);
  await expect(page.getByText('That recovery code was not accepted.')).toBeVisible();
  await page.getByLabel('Recovery code').fill(fresh[0]);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL('/');

  // Sign out everywhere else ends the other browser's session, not this one.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await logInWithRecoveryCode(otherPage, ines.email, ines.password, fresh[1]);
  await expect(otherPage).toHaveURL('/');
  await page.goto('/settings/security');
  await expect(page.getByTestId('other-sessions')).toContainText('1 other browser is signed in to your account.');
  await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
  await expect(page.getByText('You are now signed out everywhere else.')).toBeVisible();
  await expect(page.getByTestId('other-sessions')).toContainText('No other browser is signed in to your account.');
  await expect(page.getByTestId('security-event').first()).toContainText('Signed out everywhere else');
  await otherPage.goto('/settings/security');
  await expect(otherPage).toHaveURL(/\/login/);
  await other.close();
});
