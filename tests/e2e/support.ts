import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { E2E_DB_FILE, E2E_DEV_DB_FILE, E2E_USERS_FILE } from './e2e-env';
import { authenticatorCode } from '../helpers/totp-reference';

export type SeededUser = { email: string; name: string; role: string; password: string; totpKey?: string };

export function seededUser(email: string): SeededUser {
  const users: SeededUser[] = JSON.parse(readFileSync(E2E_USERS_FILE, 'utf8'));
  const user = users.find((u) => u.email === email);
  if (!user) throw new Error(`no seeded user ${email}`);
  return user;
}

export async function logInWithPassword(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/**
 * Specs sign the same seeded users in, one after the other: the last 30-second step each secret's
 * code was used in, kept in a file (a worker may restart between spec files), so a spec never
 * replays a code an earlier one used (the portal refuses it, S3).
 */
const USED_STEPS_FILE = path.join(path.dirname(E2E_USERS_FILE), 'e2e-used-steps.json');
const readUsedSteps = (): Record<string, number> => (existsSync(USED_STEPS_FILE) ? JSON.parse(readFileSync(USED_STEPS_FILE, 'utf8')) : {});

/** A code the portal will accept: from a step no earlier spec used, and not about to end. */
export async function freshCode(secret: string): Promise<string> {
  for (;;) {
    const now = Date.now();
    const step = Math.floor(now / 30_000);
    if (now % 30_000 <= 25_000 && (readUsedSteps()[secret] ?? -1) < step) {
      writeFileSync(USED_STEPS_FILE, JSON.stringify({ ...readUsedSteps(), [secret]: step }));
      return authenticatorCode(secret, now);
    }
    await new Promise((resolve) => setTimeout(resolve, 30_000 - (now % 30_000) + 200));
  }
}

/** Waits until the authenticator shows a code it has not shown before (as a user waits for the next code). */
export async function nextCode(secret: string, used: string): Promise<string> {
  for (;;) {
    const code = await freshCode(secret);
    if (code !== used) return code;
  }
}

/**
 * Reads the QR code from the page as an authenticator app's camera would: from the pixels.
 * `name` is its accessible name in the page's language (catalogue key enable2fa.scan.qrLabel).
 */
export async function scanQrCode(page: Page, name = 'QR code for your authenticator app'): Promise<{ uri: URL; secret: string }> {
  const qr = page.getByRole('img', { name, exact: true });
  await expect(qr).toBeVisible();
  const png = PNG.sync.read(await qr.screenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!decoded) throw new Error('the QR code on the page could not be read');
  const uri = new URL(decoded.data);
  return { uri, secret: uri.searchParams.get('secret')! };
}

/**
 * Opens the menu under the user's e-mail address at the top right and returns it. `names`: the
 * menu's and the Log out button's names in the page's language (layout.header.accountNav, .logOut).
 */
export async function openAccountMenu(page: Page, email: string, names = { menu: 'Account', logOut: 'Log out' }) {
  const nav = page.getByRole('navigation', { name: names.menu, exact: true });
  // A click before the page has hydrated opens the native <details>, which stays open (the menu
  // closes on a change of page only); should a click still miss, click until the menu is open.
  await expect(async () => {
    if (!(await nav.locator('details[open]').count())) await nav.getByText(email).click();
    await expect(nav.getByRole('button', { name: names.logOut })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  return nav;
}

export type OutboxMail = { toEmail: string; subject: string; body: string };

/** The mails of one kind in the portal's outbox (what the mail server would be handed), newest first. */
export function outboxMails(kind: string): OutboxMail[] {
  // The `dev` project's server has its own copy of the database.
  const db = new Database(test.info().project.name === 'dev' ? E2E_DEV_DB_FILE : E2E_DB_FILE, { readonly: true });
  const rows = db.prepare(`SELECT "toEmail", subject, body FROM "OutboxMessage" WHERE kind = ? ORDER BY "createdAt" DESC, rowid DESC`).all(kind);
  db.close();
  return rows as OutboxMail[];
}

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The page as it stands has no WCAG 2.1 A/AA violations (axe). After a client-side navigation the
 * page's title arrives a moment after its content (seen under next dev, where axe once ran first
 * and reported document-title): the check waits for a title, then runs.
 */
export async function expectNoViolations(page: Page) {
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
