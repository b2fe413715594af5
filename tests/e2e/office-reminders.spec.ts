import { expect, test } from '@playwright/test';
import { freshCode, logInWithPassword, outboxMails, seededUser } from './support';

/** This office's "Send a reminder now" mails (another test sends them for another office). */
const reminderMails = () => outboxMails('two_factor_reminder_now').filter((mail) => mail.toEmail.endsWith('@peeters.example'));

test('an office admin sends a reminder now to the members without 2FA: confirm, sent, in the outbox; not again for 24 hours @success-screen', async ({
  page,
}) => {
  const greet = seededUser('greet@peeters.example'); // office admin of an office that does not require 2FA (yet)
  const hans = seededUser('hans@peeters.example'); // a member without 2FA
  await logInWithPassword(page, greet.email, greet.password);
  await page.getByLabel('Verification code').fill(await freshCode(greet.totpKey!));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL('/');
  await page.goto('/office');

  const card = page
    .locator('section, div')
    .filter({ has: page.getByRole('heading', { name: 'Remind members without 2FA' }) })
    .last();
  await expect(card.getByTestId('reminders-count')).toHaveText(/^\d+ members? (has|have) not enabled 2FA\.$/);
  await card.getByRole('button', { name: 'Send a reminder now' }).click();
  await expect(card.getByTestId('reminders-preview')).toHaveText(
    /^\d+ members? without 2FA gets? a reminder by e-mail, in their own language\. You can send one reminder every 24 hours\.$/,
  );
  expect(reminderMails()).toEqual([]);
  await card.getByRole('button', { name: 'Confirm and send' }).click();
  await expect(card.getByTestId('reminders-result')).toHaveText(/^Sent: \d+ members? gets? a reminder by e-mail\.$/);

  const toHans = reminderMails().find((mail) => mail.toEmail === hans.email);
  expect(toHans?.subject).toBe('Office Portal: Your office asks you to enable two-factor authentication');
  expect(toHans?.body).toMatch(/open Manage 2FA \(http:\/\/localhost:\d+\/settings\/2fa\)/);

  // Back on the page: the button is gone, and the card says from when it can be used again.
  await page.reload();
  await expect(card.getByTestId('reminders-next')).toHaveText(/^You can send the next reminder from \d+ \w+ \d{4}, \d\d:\d\d (CET|CEST)\.$/);
  await expect(card.getByRole('button', { name: 'Send a reminder now' })).toHaveCount(0);
});

test('an office admin without 2FA is asked to turn it on before sending reminders, and nothing is sent', async ({ page }) => {
  const claire = seededUser('claire@vandijk.example'); // office admin of Van Dijk & Partners, without 2FA
  await logInWithPassword(page, claire.email, claire.password);
  await expect(page).toHaveURL('/');
  await page.goto('/office');
  const card = page
    .locator('section, div')
    .filter({ has: page.getByRole('heading', { name: 'Remind members without 2FA' }) })
    .last();
  await card.getByRole('button', { name: 'Send a reminder now' }).click();
  await expect(
    page.getByText('Changes like this one need two-factor authentication (2FA) on your own account. Turn it on first, then come back.'),
  ).toBeVisible();
  expect(outboxMails('two_factor_reminder_now').filter((mail) => mail.toEmail.endsWith('@vandijk.example'))).toEqual([]);
});
