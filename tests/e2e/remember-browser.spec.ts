import { expect, test, type Page } from '@playwright/test';
import { freshCode, logInWithPassword, nextCode, openAccountMenu, seededUser } from './support';
import { wrongCode } from '../helpers/totp-reference';

test.describe.configure({ mode: 'serial' });

/** Ticks "remember" and enters the authenticator's code; a code another test already used for this user gets the next one, as a user would wait. */
async function verifyAndRemember(page: Page, secret: string) {
  const used = page.getByText('That code has already been used.');
  let code = await freshCode(secret);
  for (let attempt = 0; attempt < 2; attempt++) {
    await page.getByLabel(/ask for a code on this browser for 30 days/).check();
    await page.getByLabel('Verification code').fill(code);
    await page.getByRole('button', { name: 'Verify' }).click();
    // Either the portal opens or the code is refused as used: wait for one of the two.
    await expect(async () => expect(!page.url().includes('/login/verify') || (await used.isVisible())).toBe(true)).toPass({ timeout: 10_000 });
    if (!page.url().includes('/login/verify')) return;
    code = await nextCode(secret, code);
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
  // A wrong code keeps the choice: the box stays ticked.
  await remember.check();
  await page.getByLabel('Verification code').fill(wrongCode(greet.totpKey!));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText(/That code was not accepted/)).toBeVisible();
  await expect(remember).toBeChecked();
  await verifyAndRemember(page, greet.totpKey!);
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
