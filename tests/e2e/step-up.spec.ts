import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { E2E_DB_FILE, E2E_DEV_DB_FILE } from './e2e-env';
import { freshCode, logInWithPassword, nextCode, seededUser } from './support';

/**
 * S25: a helpdesk agent whose last second-factor check is older than the window signs a user
 * out everywhere: "Confirm it's you" first, then back to the form. With JavaScript the check
 * opens beside the form and what the agent typed stays; without, through the /confirm page.
 */
test.setTimeout(180_000);

const agent = () => seededUser('helpdesk@portal.example');
const target = () => seededUser('julie@maes.example');

/** Every check of the agent's sessions moved eleven minutes back: the window has passed. */
function ageAgentChecks(dbFile: string) {
  const db = new Database(dbFile);
  const rows = db
    .prepare(
      `SELECT c."sessionId" AS id, c."secondFactorAt" AS at FROM "SessionCheck" c JOIN "Session" s ON s.id = c."sessionId" JOIN "User" u ON u.id = s."userId" WHERE u.email = ?`,
    )
    .all(agent().email) as Array<{ id: string; at: number | string | null }>;
  const update = db.prepare(`UPDATE "SessionCheck" SET "secondFactorAt" = ? WHERE "sessionId" = ?`);
  for (const row of rows) {
    if (row.at === null) continue;
    // Written back in the form it was stored in (a number of milliseconds, or text).
    const earlier = (typeof row.at === 'number' ? row.at : Date.parse(row.at)) - 11 * 60_000;
    update.run(typeof row.at === 'number' ? earlier : new Date(earlier).toISOString(), row.id);
  }
  db.close();
  return rows.length;
}

function userId(dbFile: string, email: string): string {
  const db = new Database(dbFile, { readonly: true });
  const row = db.prepare('SELECT id FROM "User" WHERE email = ?').get(email) as { id: string };
  db.close();
  return row.id;
}

async function signInAgent(page: Page, usedCode?: string): Promise<string> {
  await logInWithPassword(page, agent().email, agent().password);
  const code = usedCode ? await nextCode(agent().totpKey!, usedCode) : await freshCode(agent().totpKey!);
  await page.getByLabel('Verification code').fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL('/');
  return code;
}

test('an agent past the window confirms it’s them and signs a user out everywhere, with and without JavaScript @success-screen', async ({
  browser,
}, testInfo) => {
  const dbFile = testInfo.project.name === 'dev' ? E2E_DEV_DB_FILE : E2E_DB_FILE;
  const userPage = `/helpdesk/users/${userId(dbFile, target().email)}`;

  // With JavaScript.
  const page = await (await browser.newContext()).newPage();
  const loginCode = await signInAgent(page);
  expect(ageAgentChecks(dbFile)).toBeGreaterThan(0);
  await page.goto(userPage);
  const card = page.locator('section', { has: page.getByRole('heading', { name: 'Sign out everywhere' }) });
  await card.getByLabel('Ticket reference').fill('HD-7001');
  await card.getByLabel('Reason').fill('Laptop stolen; called back on the number on file.');
  await card.getByRole('button', { name: 'Sign out everywhere' }).click();

  const check = page.getByTestId('step-up-panel');
  await expect(check.getByRole('heading', { name: 'Confirm it’s you' })).toBeVisible();
  // Nothing happened yet, and what the agent typed is still there.
  await expect(page.getByText('The user is signed out everywhere')).toHaveCount(0);
  await expect(card.getByLabel('Ticket reference')).toHaveValue('HD-7001');
  await expect(card.getByLabel('Reason')).toHaveValue('Laptop stolen; called back on the number on file.');

  // The code the login used is refused here (S3), the next one passes.
  await check.getByLabel('Verification code').fill(loginCode);
  await check.getByRole('button', { name: 'Confirm' }).click();
  await expect(check.getByText(/already been used/)).toBeVisible();
  const checkCode = await nextCode(agent().totpKey!, loginCode);
  await check.getByLabel('Verification code').fill(checkCode);
  await check.getByRole('button', { name: 'Confirm' }).click();
  await expect(check.getByText('Confirmed. Submit the form again to continue.')).toBeVisible();
  await expect(card.getByLabel('Ticket reference')).toHaveValue('HD-7001');
  await card.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page.getByText('The user is signed out everywhere')).toBeVisible();

  // Without JavaScript: through the /confirm page and back.
  const noJs = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  const secondLogin = await signInAgent(noJs, checkCode);
  ageAgentChecks(dbFile);
  await noJs.goto(userPage);
  const plainCard = noJs.locator('section', { has: noJs.getByRole('heading', { name: 'Sign out everywhere' }) });
  await plainCard.getByLabel('Ticket reference').fill('HD-7002');
  await plainCard.getByLabel('Reason').fill('Second request, called back.');
  await plainCard.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(noJs).toHaveURL(`/confirm?next=${encodeURIComponent(userPage)}`);
  await expect(noJs.getByRole('heading', { name: 'Confirm it’s you' })).toBeVisible();
  await noJs.getByLabel('Verification code').fill(await nextCode(agent().totpKey!, secondLogin));
  await noJs.getByRole('button', { name: 'Confirm' }).click();
  await expect(noJs).toHaveURL(userPage);
  const backCard = noJs.locator('section', { has: noJs.getByRole('heading', { name: 'Sign out everywhere' }) });
  await backCard.getByLabel('Ticket reference').fill('HD-7002');
  await backCard.getByLabel('Reason').fill('Second request, called back.');
  await backCard.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(noJs.getByText('The user is signed out everywhere')).toBeVisible();
});
