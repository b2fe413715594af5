import { expect, test } from '@playwright/test';
import { freshCode, logInWithPassword, nextCode, openAccountMenu, scanQrCode, seededUser } from './support';

test.setTimeout(120_000);

test('a user who lost the phone is reset by the helpdesk after an identity check, logs in without a code and enables 2FA again @success-screen', async ({
  browser,
}) => {
  const eva = seededUser('eva@vandijk.example');
  const agent = seededUser('helpdesk@portal.example');

  // Eva can still log in with her app before she loses it; her session will end with the reset.
  const evaPage = await (await browser.newContext()).newPage();
  await logInWithPassword(evaPage, eva.email, eva.password);
  await evaPage.getByLabel('Verification code').fill(await freshCode(eva.totpKey!));
  await evaPage.getByRole('button', { name: 'Verify' }).click();
  await expect(evaPage).toHaveURL('/');

  // The agent signs in (agents have 2FA themselves) and finds her.
  const page = await (await browser.newContext()).newPage();
  await logInWithPassword(page, agent.email, agent.password);
  await page.getByLabel('Verification code').fill(await freshCode(agent.totpKey!));
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.getByRole('link', { name: 'Helpdesk' }).click();
  await page.getByLabel('Search users').fill('eva@');
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByRole('row', { name: /Eva Claes/ });
  await expect(row).toContainText('Van Dijk & Partners Accountants');
  await expect(row).toContainText('On since');
  await row.getByRole('link', { name: 'Eva Claes' }).click();

  // One check is not enough.
  await page.getByLabel('Called the user back on the phone number on file').check();
  await page.getByLabel('Ticket reference').first().fill('HD-2041');
  await page.getByLabel('Reason').first().fill('Lost her phone; called back on the number on file.');
  await page.getByRole('button', { name: 'Reset 2FA', exact: true }).click();
  await expect(page.getByText('Tick at least 2 identity checks that passed.')).toBeVisible();

  await page.getByLabel('The office’s administrator confirmed the request').check();
  await page.getByRole('button', { name: 'Reset 2FA', exact: true }).click();
  await page.getByRole('button', { name: 'Reset 2FA for Eva Claes' }).click();
  await expect(page.getByText('Two-factor authentication is reset.')).toBeVisible();

  // The audit log names the agent.
  await page.goto('/helpdesk/audit?type=helpdesk.two_factor_reset');
  const event = page.getByTestId('audit-row').first();
  await expect(event).toContainText('2FA reset by the helpdesk');
  await expect(event).toContainText('Hanne Helpdesk');
  await expect(event).toContainText('Eva Claes');
  await expect(event).toContainText('HD-2041');

  // Eva's old session has ended.
  await evaPage.goto('/settings/2fa');
  await expect(evaPage).toHaveURL(/\/login/);

  // She logs in with e-mail and password only, and enables 2FA again with her new phone.
  await logInWithPassword(evaPage, eva.email, eva.password);
  await expect(evaPage).toHaveURL('/');
  await (await openAccountMenu(evaPage, eva.email)).getByRole('link', { name: 'Manage 2FA' }).click();
  await evaPage.getByRole('button', { name: 'Enable 2FA' }).click();
  const { secret } = await scanQrCode(evaPage);
  await evaPage.getByRole('link', { name: 'Next' }).click();
  const code = await freshCode(secret);
  await evaPage.getByLabel('Verification code').fill(code);
  await evaPage.getByRole('button', { name: 'Enable 2FA' }).click();
  await expect(evaPage.getByText('Two-factor authentication is enabled.')).toBeVisible();

  await (await openAccountMenu(evaPage, eva.email)).getByRole('button', { name: 'Log out' }).click();
  await logInWithPassword(evaPage, eva.email, eva.password);
  await evaPage.getByLabel('Verification code').fill(await nextCode(secret, code));
  await evaPage.getByRole('button', { name: 'Verify' }).click();
  await expect(evaPage).toHaveURL('/');
});
