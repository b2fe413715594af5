import { expect, test } from '@playwright/test';
import { expectNoViolations, seededUser } from './support';
import { wrongCode } from '../helpers/totp-reference';

/**
 * The sign-in steps in the browser's language (Playwright's locale sets Accept-Language), and
 * the error page of a refused form: the React client makes the proxy's text/plain answer the
 * error's message, and app/error.tsx must recognise it whatever the language.
 */

test.describe('a Dutch-speaking browser (nl-BE)', () => {
  test.use({ locale: 'nl-BE' });

  test('logs in, is told a wrong password and a wrong code, and cancels, all in Dutch', async ({ page }) => {
    await page.goto('/login');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(page).toHaveTitle(/^Inloggen · /);
    await page.getByLabel('E-mailadres').fill('nobody@vandijk.example');
    await page.getByLabel('Paswoord').fill('not the password');
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Het e-mailadres of het paswoord is niet juist.');

    const agent = seededUser('helpdesk@portal.example');
    await page.getByLabel('E-mailadres').fill(agent.email);
    await page.getByLabel('Paswoord').fill(agent.password);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await expect(page).toHaveURL('/login/verify');
    await expect(page.getByRole('heading', { name: 'Geef je verificatiecode in' })).toBeVisible();
    await page.getByLabel('Verificatiecode').fill(wrongCode(agent.totpKey!));
    await page.getByRole('button', { name: 'Verifiëren' }).click();
    await expect(page.getByText('Die code werd niet aanvaard.', { exact: false })).toBeVisible();
    await expect(page.getByText('4 pogingen over voor je opnieuw moet inloggen.')).toBeVisible();
    await expectNoViolations(page);

    await page.getByRole('button', { name: 'Annuleren en uitloggen' }).click();
    await expect(page).toHaveURL('/login?notice=logged-out');
    await expect(page.getByText('Je bent uitgelogd.')).toBeVisible();
  });
});

test.describe('a French-speaking browser (fr-BE)', () => {
  test.use({ locale: 'fr-BE' });

  test('a form too large to send: the form says so in French, in place, and nothing was sent on', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { name: 'Se connecter' })).toBeVisible();
    const email = page.getByLabel('Adresse e-mail');
    // Over the proxy's 128 kB: the field's own maxlength would stop a person, not a script.
    await email.evaluate((input) => input.removeAttribute('maxlength'));
    await email.fill(`${'a'.repeat(200_000)}@vandijk.example`);
    await page.getByLabel('Mot de passe').fill('x');
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    // The login form posts to a route handler (decision 0020): its refusal comes back as the form's message.
    await expect(page.getByRole('main').getByRole('alert')).toContainText(
      'Le formulaire était trop volumineux pour être envoyé : rien n’a été enregistré ni modifié.',
    );
    await expect(page).toHaveURL('/login');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expectNoViolations(page);
  });

  test('a form too large to send to a server action: the error page says so in French, and leads back to the form', async ({ page }) => {
    await page.goto('/login/forgot-password');
    const email = page.getByLabel('Adresse e-mail');
    await email.evaluate((input) => input.removeAttribute('maxlength'));
    await email.fill(`${'a'.repeat(200_000)}@vandijk.example`);
    await page.getByRole('button', { name: 'Envoyer le lien', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Le formulaire était trop volumineux' })).toBeVisible();
    await expect(page.getByText('rien n’a été enregistré ni modifié', { exact: false })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expectNoViolations(page);
    await page.getByRole('button', { name: 'Retour au formulaire' }).click();
    await expect(page.getByLabel('Adresse e-mail')).toBeVisible();
  });
});
