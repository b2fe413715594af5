import { expect, test, type Page } from '@playwright/test';
import { freshCode, logInWithPassword, nextCode, openAccountMenu, scanQrCode, seededUser } from './support';

/**
 * Security keys and passkeys (S24) in Chromium with its virtual authenticator (DevTools protocol):
 * a platform authenticator with user verification that answers each prompt by itself unless told
 * to wait. The server's APP_URL is http://localhost:<port>, so the RP ID is "localhost".
 */
test.setTimeout(180_000);
/** Under `next dev` (project dev) a page compiles on its first request: navigations may take long. */
const NAVIGATION = { timeout: 60_000 };

async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    /** Whether the authenticator answers prompts by itself; off, a prompt waits (as a user who has not touched the key yet). */
    answers: (enabled: boolean) => cdp.send('WebAuthn.setAutomaticPresenceSimulation', { authenticatorId, enabled }),
    credentials: async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials,
  };
}

async function logOut(page: Page, email: string) {
  await (await openAccountMenu(page, email)).getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login/, NAVIGATION);
}

async function addKey(page: Page, name: string) {
  await page.getByRole('button', { name: 'Add a security key or passkey' }).click();
  await page.getByLabel('Name for this key').fill(name);
  await page.getByRole('button', { name: 'Save key' }).click();
  await expect(page.getByText(`Your key “${name}” was added.`)).toBeVisible(NAVIGATION);
}

test('add a passkey as the only method, log out, log in with it, then remove it with the password @success-screen', async ({ page }) => {
  const jef = seededUser('jef@maes.example');
  const key = await virtualAuthenticator(page);
  await logInWithPassword(page, jef.email, jef.password);
  await expect(page).toHaveURL('/', NAVIGATION);
  await page.goto('/settings/2fa');
  await expect(page.getByTestId('two-factor-status')).toHaveText('Off');

  // The first method turns 2FA on: the recovery codes are shown, once.
  await addKey(page, 'Office PC');
  await expect(page.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);
  expect(await key.credentials()).toHaveLength(1);
  await page.getByLabel('I have saved these codes').check();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('two-factor-status')).toHaveText('On');
  await expect(page.getByTestId('security-keys')).toContainText('Office PC');
  await expect(page.getByTestId('security-keys')).toContainText('Not used yet');

  // Log in with the key. With the prompt held open, the page offers a recovery code but no app code (Jef has no app).
  await logOut(page, jef.email);
  await key.answers(false);
  await logInWithPassword(page, jef.email, jef.password);
  await expect(page).toHaveURL('/login/verify', NAVIGATION);
  await expect(page.getByRole('heading', { name: 'Use your security key' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Use a recovery code instead' })).toBeVisible();
  await expect(page.getByRole('link', { name: /authenticator app/ })).toHaveCount(0);
  // Leave the page before the key may answer: a prompt opened after answers(true) would answer at once,
  // and a page reloaded meanwhile would abort that sign-in's answer after the server had completed it
  // (new session token) and come back with the old pending one: to the login (a dev-mode flake).
  await page.goto('about:blank');
  await key.answers(true);
  await page.goto('/login/verify');
  await expect(page).toHaveURL('/', NAVIGATION);

  await page.goto('/settings/2fa');
  await expect(page.getByTestId('security-keys')).toContainText('Last used');

  // Remove it: the password is asked; the last method going turns 2FA off.
  await page.getByRole('link', { name: 'Remove' }).click();
  await expect(page.getByRole('heading', { name: 'Remove “Office PC”' })).toBeVisible();
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Remove key' }).click();
  await expect(page.getByText('The password is incorrect.')).toBeVisible();
  await page.getByLabel('Password').fill(jef.password);
  await page.getByRole('button', { name: 'Remove key' }).click();
  await expect(page.getByText('The key was removed.')).toBeVisible(NAVIGATION);
  await expect(page.getByTestId('two-factor-status')).toHaveText('Off');
});

test('a user with the app and a key logs in with either, and a recovery code still works', async ({ page }) => {
  const julie = seededUser('julie@maes.example');
  const key = await virtualAuthenticator(page);
  await logInWithPassword(page, julie.email, julie.password);
  await expect(page).toHaveURL('/', NAVIGATION);
  await page.goto('/settings/2fa');

  // The app first (its flow as before), keeping one recovery code; then a key beside it: no new codes.
  await page.getByRole('button', { name: 'Enable 2FA' }).click();
  const { secret } = await scanQrCode(page);
  await page.getByRole('link', { name: 'Next' }).click();
  const enrolmentCode = await freshCode(secret);
  await page.getByLabel('Verification code').fill(enrolmentCode);
  await page.getByRole('button', { name: 'Enable 2FA' }).click();
  const recoveryCode = (await page.getByTestId('recovery-codes').getByRole('listitem').first().textContent())!;
  await page.getByLabel('I have saved these codes').check();
  await page.getByRole('button', { name: 'Close' }).click();
  await addKey(page, 'YubiKey');
  await expect(page.getByTestId('recovery-codes')).toHaveCount(0);
  await expect(page.getByTestId('security-keys')).toContainText('YubiKey');

  // With the key: the key's step comes first and starts by itself.
  await logOut(page, julie.email);
  await logInWithPassword(page, julie.email, julie.password);
  await expect(page).toHaveURL('/', NAVIGATION);

  // With the app: the key's prompt waits, the user switches to the app's code.
  await logOut(page, julie.email);
  await key.answers(false);
  await logInWithPassword(page, julie.email, julie.password);
  await page.getByRole('link', { name: 'Use a code from the authenticator app instead' }).click();
  await expect(page).toHaveURL('/login/verify?method=app');
  await page.getByLabel('Verification code').fill(await nextCode(secret, enrolmentCode));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL('/', NAVIGATION);

  // With a recovery code.
  await logOut(page, julie.email);
  await logInWithPassword(page, julie.email, julie.password);
  await page.getByRole('link', { name: 'Use a recovery code instead' }).click();
  await expect(page).toHaveURL('/login/verify?method=recovery-code');
  await page.getByLabel('Recovery code').fill(recoveryCode);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL('/', NAVIGATION);
});
