import { createHash } from 'node:crypto';
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

  // The laptop's session, as the list knows it: the SHA-256 of its cookie's token.
  const cookie = (await laptop.cookies()).find((c) => c.name.endsWith('session'));
  const laptopSessionId = createHash('sha256').update(cookie!.value).digest('hex');

  await officePage.goto('/settings/security');
  const sessions = officePage.getByTestId('session-list').getByTestId('session');
  // Other tests may have left sessions of this user; this browser's is marked and first, without a Sign out button.
  await expect(sessions.first()).toContainText('This browser');
  await expect(sessions.first().getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  const laptopRow = sessions.filter({ has: officePage.locator(`input[name="sessionId"][value="${laptopSessionId}"]`) });
  await expect(laptopRow).toContainText(/Chrome.* on Linux/);
  await expect(laptopRow).toContainText('Last active');
  await expect(laptopRow).not.toContainText('This browser');
  const before = await sessions.count();
  await laptopRow.getByRole('button', { name: 'Sign out' }).click();

  await expect(officePage.getByRole('status').filter({ hasText: 'That browser is signed out.' })).toBeVisible();
  await expect(sessions).toHaveCount(before - 1);
  await expect(laptopRow).toHaveCount(0);

  // The signed-out browser's next step is the login page; the one that signed it out stays in.
  await laptopPage.goto('/settings/security');
  await expect(laptopPage).toHaveURL(/\/login/);
  await expect(laptopPage.getByRole('button', { name: 'Log in' })).toBeVisible();
  await officePage.reload();
  await expect(officePage).toHaveURL(/\/settings\/security/);

  await laptop.close();
  await office.close();
});
