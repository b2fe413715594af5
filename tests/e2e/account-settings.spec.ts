import { expect, test } from '@playwright/test';
import { expectNoViolations, logInWithPassword, openAccountMenu, seededUser } from './support';

test('a user chooses Dutch and New York time in the account menu: their pages follow, and the login page after the session ends', async ({ page }) => {
  const claire = seededUser('claire@vandijk.example');
  await logInWithPassword(page, claire.email, claire.password);
  await expect(page).toHaveURL('/');
  await (await openAccountMenu(page, claire.email)).getByRole('link', { name: 'Language and time zone' }).click();
  await expect(page).toHaveURL('/settings/account');
  await expect(page.getByRole('heading', { name: 'Language and time zone' })).toBeVisible();
  await expect(page.getByLabel('Time zone')).toHaveValue('Europe/Brussels');
  await expectNoViolations(page);

  await page.getByRole('radio', { name: 'Nederlands' }).check();
  await page.getByLabel('Time zone').selectOption('America/New_York');
  // The example follows the choice before saving.
  await expect(page.getByText(/^Times are then shown like this: .* GMT-[45]\.$/)).toBeVisible();
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(page.getByText('Je taal en tijdzone zijn opgeslagen.')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('heading', { name: 'Taal en tijdzone' })).toBeVisible();
  await expect(page.getByLabel('Tijdzone')).toHaveValue('America/New_York');
  await expect(page.getByRole('radio', { name: 'Nederlands' })).toBeChecked();
  await expect(page.locator('span[lang="fr"]')).toHaveText('Français');
  await expectNoViolations(page);

  // Other pages: in Dutch, times in New York time with the zone named.
  await page.goto('/settings/security');
  await expect(page.getByRole('heading', { name: 'Beveiligingsactiviteit' })).toBeVisible();
  await expect(page.getByTestId('security-event').first().locator('td').first()).toHaveText(/ E[SD]T$/);

  // The browser's language cookie followed: with the session gone, the login page is Dutch too.
  const context = page.context();
  expect((await context.cookies()).find((c) => c.name === 'portal_locale')?.value).toBe('nl');
  await context.clearCookies({ name: /portal_session/ });
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');

  // Back to English for whoever runs next: the account's setting, from a browser without the cookie.
  await context.clearCookies();
  await logInWithPassword(page, claire.email, claire.password);
  await expect(page).toHaveURL('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await page.goto('/settings/account');
  await page.getByRole('radio', { name: 'English' }).check();
  await page.getByLabel('Tijdzone').selectOption('Europe/Brussels');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Your language and time zone are saved.')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
