import { test, expect } from '@playwright/test';
import { logInWithPassword, seededUser } from './support';

/** S20: the list of sessions on the Security page, and one browser signing another out. */
test('two browsers signed in as the same user: one signs the other out, which lands on the login page', async ({ browser }) => {
  const claire = seededUser('claire@vandijk.example');
  const laptop = await browser.newContext();
  const office = await browser.newContext();
  const laptopPage = await laptop.newPage();
  const officePage = await office.newPage();
  for (const page of [laptopPage, officePage]) {
    await logInWithPassword(page, claire.email, claire.password);
    await expect(page).toHaveURL(/\/$/);
  }

  await officePage.goto('/settings/security');
  const list = officePage.getByTestId('session-list');
  const sessions = list.getByTestId('session');
  await expect(sessions).toHaveCount(2);
  // This browser is marked and first, without a Sign out button; the other one has one.
  await expect(sessions.first()).toContainText('This browser');
  await expect(sessions.first().getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  await expect(sessions.nth(1)).toContainText(/Chrome.* on Linux/);
  await expect(sessions.nth(1)).toContainText('Last active');
  await sessions.nth(1).getByRole('button', { name: 'Sign out' }).click();

  await expect(officePage.getByRole('status').filter({ hasText: 'That browser is signed out.' })).toBeVisible();
  await expect(sessions).toHaveCount(1);

  // The signed-out browser's next step is the login page; the one that signed it out stays in.
  await laptopPage.goto('/settings/security');
  await expect(laptopPage).toHaveURL(/\/login/);
  await expect(laptopPage.getByRole('button', { name: 'Log in' })).toBeVisible();
  await officePage.reload();
  await expect(officePage).toHaveURL(/\/settings\/security/);

  await laptop.close();
  await office.close();
});
