import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { E2E_DB_FILE } from './e2e-env';
import { logInWithPassword, seededUser } from './support';

/**
 * S16 in a real browser: "Forgot your password?" → the link from the outbox (as the e-mail
 * carries it) → a new password → the login asks for the new password and the code.
 */

const NEW_PASSWORD = 'paarse giraffen lezen de krant';
const bram = () => seededUser('bram@vandijk.example'); // 2FA on

// The later specs sign in as Bram with the demo password: his hash is put back afterwards.
let originalHash: string | undefined;
test.beforeAll(() => {
  const db = new Database(E2E_DB_FILE, { readonly: true });
  originalHash = (db.prepare('SELECT "passwordHash" FROM "User" WHERE email = ?').get(bram().email) as { passwordHash: string }).passwordHash;
  db.close();
});
test.afterAll(() => {
  if (!originalHash) return;
  const db = new Database(E2E_DB_FILE);
  db.prepare('UPDATE "User" SET "passwordHash" = ? WHERE email = ?').run(originalHash, bram().email);
  db.close();
});

function newestResetLink(email: string): string {
  const db = new Database(E2E_DB_FILE, { readonly: true });
  const row = db
    .prepare(`SELECT body FROM "OutboxMessage" WHERE "toEmail" = ? AND kind = 'password_reset_link' ORDER BY "createdAt" DESC, rowid DESC LIMIT 1`)
    .get(email) as { body: string } | undefined;
  db.close();
  const link = row?.body.match(/https?:\/\/\S+\/login\/reset-password\?token=[A-Za-z0-9_-]{43}/)?.[0];
  if (!link) throw new Error(`no reset link in the outbox for ${email}`);
  return link;
}

test('forgot password: the link from the e-mail sets a new password, and the login then asks for the code', async ({ page }) => {
  const user = bram();
  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page).toHaveURL('/login/forgot-password');
  await page.getByLabel('E-mail address').fill(user.email);
  await page.getByRole('button', { name: 'Send link' }).click();
  await expect(page.getByText('If an account exists for this address, we sent a link. It works for 1 hour.')).toBeVisible();

  await page.goto(newestResetLink(user.email));
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await expect(page).toHaveURL('/login/reset-password'); // the token left the address bar

  // A common password is refused with an explanation; the link still works.
  await page.getByLabel('New password', { exact: true }).fill('password1234');
  await page.getByLabel('New password again').fill('password1234');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByText('This password is too easy to guess.')).toBeVisible();

  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('New password again').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByText('Your password was changed and you were logged out everywhere.')).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL('/login'); // the reset signed nobody in

  await logInWithPassword(page, user.email, user.password);
  await expect(page).toHaveURL('/login'); // the old password no longer works
  await logInWithPassword(page, user.email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/login\/verify/);
  await expect(page.getByLabel('Verification code')).toBeVisible();
});
