import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { freshCode, logInWithPassword, outboxMails, seededUser } from './support';

test('an office admin filters the member list to "2FA off", sees the count, pages, exports the CSV, sends those members a reminder and opens the office audit log', async ({
  page,
}) => {
  const katrien = seededUser('katrien@lambrecht.example'); // admin of the seeded office of 60 users
  await logInWithPassword(page, katrien.email, katrien.password);
  await page.getByLabel('Verification code').fill(await freshCode(katrien.totpKey!));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL('/');
  await page.getByRole('link', { name: 'Office', exact: true }).click();

  // All 60 do not fit on one page of 50.
  await expect(page.getByTestId('member-count-all')).toHaveText('60');
  await expect(page.getByTestId('office-member')).toHaveCount(50);
  await expect(page.getByTestId('member-page')).toHaveText('Page 1 of 2');
  await page.getByRole('link', { name: 'Next →' }).click();
  await expect(page).toHaveURL('/office?page=2');
  await expect(page.getByTestId('office-member')).toHaveCount(10);

  await page.getByTestId('member-filter-off').click();
  await expect(page).toHaveURL('/office?filter=off');
  await expect(page.getByTestId('member-filter-off')).toHaveAttribute('aria-current', 'page');
  const off = Number(await page.getByTestId('member-count-off').textContent());
  expect(off).toBeGreaterThan(0);
  expect(off + Number(await page.getByTestId('member-count-on').textContent())).toBe(60);
  const rows = page.getByTestId('office-member');
  await expect(rows).toHaveCount(off);
  for (const state of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-state')))) expect(['off', 'overdue']).toContain(state);

  // The export keeps the filter: one line per member without 2FA, none with an "on since".
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^office-users-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync((await download.path())!, 'utf8')
    .trimEnd()
    .split('\r\n');
  expect(lines[0]).toBe('"name","e-mail address","role","2FA on since (UTC)","methods","deadline (UTC)","last sign-in (UTC)"');
  expect(lines).toHaveLength(off + 1);
  for (const line of lines.slice(1)) expect(line.split('","')[3]).toBe('');
  expect(lines.join('\n')).toContain('"lien@lambrecht.example"');

  // The same members get "Send a reminder now": the card counts them as the filter does, and the mails are in the outbox.
  const exported = lines.slice(1).map((line) => line.split('","')[1]);
  const card = page
    .locator('section, div')
    .filter({ has: page.getByRole('heading', { name: 'Remind members without 2FA' }) })
    .last();
  await expect(card.getByTestId('reminders-count')).toHaveText(`${off} members have not enabled 2FA.`);
  await card.getByRole('button', { name: 'Send a reminder now' }).click();
  await card.getByRole('button', { name: 'Confirm and send' }).click();
  await expect(card.getByTestId('reminders-result')).toHaveText(`Sent: ${off} members get a reminder by e-mail.`);
  expect(
    outboxMails('two_factor_reminder_now')
      .map((mail) => mail.toEmail)
      .filter((email) => email.endsWith('@lambrecht.example'))
      .sort(),
  ).toEqual(exported.sort());

  // Search within the filter, from the form (a GET: the URL carries it).
  await page.getByLabel('Search by name or e-mail address').fill('LIEN');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL('/office?filter=off&q=LIEN&sort=name');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('lien@lambrecht.example');

  await page.goto('/office');
  await page.getByRole('link', { name: 'Audit log of this office →' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log of your office' })).toBeVisible();
  await expect(page.getByTestId('audit-row').first()).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Hanne Helpdesk' }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Office sent a reminder to members without 2FA' }).first()).toBeVisible();
});
