import { expect, test, type Page } from '@playwright/test';
import { freshCode, logInWithPassword, nextCode, openAccountMenu, seededUser } from './support';

test.describe.configure({ mode: 'serial' });

/** Enters the authenticator's code; a code another test already used for this user gets the next one, as a user would wait. */
async function enterCode(page: Page, secret: string) {
  const code = await freshCode(secret);
  await page.getByLabel('Verification code').fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.waitForLoadState('networkidle');
  if (await page.getByText('That code has already been used.').isVisible()) {
    await page.getByLabel('Verification code').fill(await nextCode(secret, code));
    await page.getByRole('button', { name: 'Verify' }).click();
  }
}

async function logOut(page: Page, email: string) {
  await (await openAccountMenu(page, email)).getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login\?notice=logged-out/);
}

test('remember this browser → log out → log in without a code; forget it on the Security page → the code is asked again', async ({ page }) => {
  const greet = seededUser('greet@peeters.example');
  await logInWithPassword(page, greet.email, greet.password);
  await expect(page).toHaveURL(/\/login\/verify/);
  const remember = page.getByLabel(/ask for a code on this browser for 30 days/);
  await expect(remember).not.toBeChecked();
  await remember.check();
  await enterCode(page, greet.totpKey!);
  await expect(page).toHaveURL('/');

  await logOut(page, greet.email);
  await logInWithPassword(page, greet.email, greet.password);
  await expect(page).toHaveURL('/'); // no code asked

  await page.goto('/settings/security');
  const list = page.getByTestId('remembered-browsers');
  await expect(page.getByRole('heading', { name: 'Remembered browsers' })).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('Chrome');
  await list.getByRole('button', { name: 'Forget' }).click();
  await expect(page.getByTestId('forget-browser-message')).toHaveText('That browser is forgotten: it will ask for a code at the next login.');
  await expect(page.getByTestId('remembered-browsers')).toHaveCount(0);

  await logOut(page, greet.email);
  await logInWithPassword(page, greet.email, greet.password);
  await expect(page).toHaveURL(/\/login\/verify/);
  await expect(page.getByLabel('Verification code')).toBeVisible();
});
