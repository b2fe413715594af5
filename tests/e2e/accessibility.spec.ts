import { expect, test } from '@playwright/test';
import { expectNoViolations, logInWithPassword, seededUser } from './support';

test('the login page has no WCAG 2.1 A/AA violations, also with an error shown', async ({ page }) => {
  await page.goto('/login');
  await expectNoViolations(page);
  await logInWithPassword(page, 'nobody@vandijk.example', 'wrong');
  await expect(page.getByRole('main').getByRole('alert')).toBeVisible();
  await expectNoViolations(page);
});

test('the verify page has no WCAG 2.1 A/AA violations', async ({ page }) => {
  const helpdesk = seededUser('helpdesk@portal.example');
  await logInWithPassword(page, helpdesk.email, helpdesk.password);
  await expect(page).toHaveURL('/login/verify');
  await expectNoViolations(page);
  await page.getByRole('button', { name: 'Cancel and log out' }).click();
});

test('the Manage 2FA pages have no WCAG 2.1 A/AA violations', async ({ page }) => {
  const claire = seededUser('claire@vandijk.example');
  await logInWithPassword(page, claire.email, claire.password);
  await expect(page).toHaveURL('/');
  await page.goto('/settings/2fa');
  await expectNoViolations(page);
  await page.getByRole('button', { name: 'Enable 2FA' }).click();
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  await expectNoViolations(page);
  await page.getByRole('link', { name: 'Next' }).click();
  await expectNoViolations(page);
});
