import { expect, test } from '@playwright/test';
import { logInWithPassword, seededUser } from './support';

test('an office admin turns the e-mails about members’ 2FA off, sees it saved after a reload, and turns them on again @success-screen', async ({ page }) => {
  const claire = seededUser('claire@vandijk.example');
  await logInWithPassword(page, claire.email, claire.password);
  // Generous: under `next dev` (project dev) the first login compiles its routes on the way.
  await expect(page).toHaveURL('/', { timeout: 60_000 });
  await page.getByRole('link', { name: 'Office', exact: true }).click();

  const box = page.getByLabel('E-mail me when a member’s 2FA is reset, turned off or locked');
  const card = page.locator('form', { has: box });
  await expect(page.getByRole('heading', { name: 'E-mails about your members’ 2FA' })).toBeVisible({ timeout: 60_000 });
  await expect(box).toBeChecked(); // on until the admin turns them off

  await box.uncheck();
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('office-alerts-saved')).toHaveText('Saved. You will no longer get these e-mails.');
  await page.reload();
  await expect(box).not.toBeChecked();

  await box.check();
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('office-alerts-saved')).toHaveText('Saved. You will get these e-mails.');
  await page.reload();
  await expect(box).toBeChecked();
});
