import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { LOCALE_COOKIE, LOCALE_LABELS, type Locale } from '../../lib/i18n/locale';
import { label, type LabelKey } from './labels';
import { expectNoViolations, freshCode, nextCode, openAccountMenu, scanQrCode, seededUser } from './support';
import { wrongCode } from '../helpers/totp-reference';

/**
 * Issue #13 in the browser: the help page's whole 2FA flow in Dutch and in French, every click
 * and field found by its name in that language as the catalogues hold it, with nothing of the
 * flow left in English and axe clean on every screen; and the login page's language switcher,
 * which must keep what was typed out of every URL and remember the choice.
 * Playwright's `locale` sets the browser's Accept-Language (nl-BE, fr-BE).
 */

test.setTimeout(120_000);

// After a server action that redirects: `next dev` (project dev) compiles the next route on its
// first request, which alone can take longer than expect's 5 seconds.
const ROUTE_COMPILED = { timeout: 20_000 };

type Kind = 'button' | 'link' | 'heading' | 'img' | 'field' | 'text';

function named(page: Page, kind: Kind, name: string): Locator {
  if (kind === 'field') return page.getByLabel(name, { exact: true });
  if (kind === 'text') return page.getByText(name, { exact: true });
  return page.getByRole(kind, { name, exact: true });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The screen speaks `locale`: <html lang>, the tab's title, and each of `checks` shown under
 * its name in that language and not under its English one; then axe (WCAG 2.1 A/AA), which
 * also checks the lang attributes.
 */
async function expectScreen(page: Page, locale: Locale, title: LabelKey | null, checks: Array<[Kind, LabelKey]>) {
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  if (title) await expect(page).toHaveTitle(new RegExp(`^${escapeRegExp(label(locale, title))} · `));
  for (const [kind, key] of checks) {
    await expect(named(page, kind, label(locale, key)).first()).toBeVisible();
    const english = label('en', key);
    // Some words are the same in both languages (Dutch "Account"): nothing to tell apart then.
    if (english !== label(locale, key)) await expect(named(page, kind, english)).toHaveCount(0);
  }
  await expectNoViolations(page);
}

const FLOWS = [
  { locale: 'nl', language: 'Dutch', browserLocale: 'nl-BE', email: 'jef@maes.example', tag: ' @success-screen' },
  { locale: 'fr', language: 'French', browserLocale: 'fr-BE', email: 'julie@maes.example', tag: '' },
] as const;

for (const flow of FLOWS) {
  test.describe(`a browser that asks for ${flow.browserLocale}`, () => {
    test.use({ locale: flow.browserLocale });

    test(`the whole 2FA flow in ${flow.language}: enable with the QR code, log in with a code, disable with the password${flow.tag}`, async ({ page }) => {
      const { locale } = flow;
      const t = (key: LabelKey) => label(locale, key);
      const user = seededUser(flow.email);
      const menuNames = { menu: t('layout.header.accountNav'), logOut: t('layout.header.logOut') };
      const manage2fa = page.getByTestId('two-factor-status');

      const logIn = async () => {
        await page.goto('/login');
        await expectScreen(page, locale, 'login.title', [
          ['heading', 'login.title'],
          ['field', 'login.emailLabel'],
          ['field', 'login.passwordLabel'],
          ['button', 'login.submit'],
        ]);
        await page.getByLabel(t('login.emailLabel'), { exact: true }).fill(user.email);
        await page.getByLabel(t('login.passwordLabel'), { exact: true }).fill(user.password);
        await page.getByRole('button', { name: t('login.submit'), exact: true }).click();
      };

      await logIn();
      await expect(page).toHaveURL('/', ROUTE_COMPILED);

      // Manage 2FA, under the e-mail address at the top right.
      await (await openAccountMenu(page, user.email, menuNames)).getByRole('link', { name: t('layout.manage2fa'), exact: true }).click();
      await expect(page).toHaveURL('/settings/2fa', ROUTE_COMPILED);
      await expect(manage2fa).toHaveText(t('manage2fa.status.off'));
      await expectScreen(page, locale, 'manage2fa.title', [
        ['heading', 'manage2fa.title'],
        ['text', 'manage2fa.notEnabled.intro'],
        ['button', 'manage2fa.notEnabled.enable'],
      ]);
      await page.getByRole('button', { name: t('manage2fa.notEnabled.enable'), exact: true }).click();

      // Step 1: the QR code, named in this language, and the same key as text.
      const { uri, secret } = await scanQrCode(page, t('enable2fa.scan.qrLabel'));
      expect(decodeURIComponent(uri.pathname)).toBe(`/Office Portal:${user.email}`);
      expect((await page.getByTestId('totp-key').textContent())!.replace(/\s/g, '')).toBe(secret);
      await expectScreen(page, locale, 'enable2fa.title', [
        ['heading', 'enable2fa.scan.heading'],
        ['img', 'enable2fa.scan.qrLabel'],
        ['text', 'enable2fa.key.label'],
        ['button', 'enable2fa.key.copy'],
        ['link', 'common.next'],
      ]);
      await expect(page.getByText(label(locale, 'enable2fa.step', { step: 1, total: 2 }), { exact: true })).toBeVisible();
      await page.getByRole('link', { name: t('common.next'), exact: true }).click();

      // Step 2: a wrong code first, refused in this language; then the app's code.
      await expect(page.getByText(label(locale, 'enable2fa.step', { step: 2, total: 2 }), { exact: true })).toBeVisible();
      const codeField = page.getByLabel(t('enable2fa.confirm.codeLabel'), { exact: true });
      await codeField.fill(wrongCode(secret));
      await page.getByRole('button', { name: t('enable2fa.confirm.submit'), exact: true }).click();
      await expect(page.getByText(t('enable2fa.codeNotAccepted'), { exact: true })).toBeVisible();
      await expectScreen(page, locale, 'enable2fa.title', [
        ['heading', 'enable2fa.confirm.heading'],
        ['field', 'enable2fa.confirm.codeLabel'],
        ['link', 'enable2fa.confirm.back'],
        ['button', 'enable2fa.confirm.submit'],
      ]);
      const firstCode = await freshCode(secret);
      await codeField.fill(firstCode);
      await page.getByRole('button', { name: t('enable2fa.confirm.submit'), exact: true }).click();
      await expect(page.getByText(t('enable2fa.done.title'), { exact: true })).toBeVisible();
      await expectScreen(page, locale, 'enable2fa.title', [
        ['heading', 'recoveryCodes.panel.heading'],
        ['button', 'recoveryCodes.panel.copy'],
        ['button', 'recoveryCodes.panel.download'],
        ['field', 'recoveryCodes.panel.saved'],
        ['button', 'common.close'],
      ]);
      await page.getByLabel(t('recoveryCodes.panel.saved'), { exact: true }).check();
      await page.getByRole('button', { name: t('common.close'), exact: true }).click();
      await expect(manage2fa).toHaveText(t('manage2fa.status.on'));

      // Log out, and back in with the next code from the app.
      await (await openAccountMenu(page, user.email, menuNames)).getByRole('button', { name: t('layout.header.logOut'), exact: true }).click();
      await expect(page.getByText(t('login.notices.loggedOut'), { exact: true })).toBeVisible();
      await logIn();
      await expect(page).toHaveURL('/login/verify', ROUTE_COMPILED);
      await expectScreen(page, locale, 'verify.pageTitle', [
        ['heading', 'verify.title'],
        ['field', 'verify.codeLabel'],
        ['button', 'verify.submit'],
        ['link', 'verify.useRecoveryCode'],
        ['button', 'verify.cancel'],
      ]);
      await page.getByLabel(t('verify.codeLabel'), { exact: true }).fill(await nextCode(secret, firstCode));
      await page.getByRole('button', { name: t('verify.submit'), exact: true }).click();
      await expect(page).toHaveURL('/', ROUTE_COMPILED);

      // Disable with the password: a wrong one first.
      await (await openAccountMenu(page, user.email, menuNames)).getByRole('link', { name: t('layout.manage2fa'), exact: true }).click();
      await expectScreen(page, locale, 'manage2fa.title', [
        ['heading', 'manage2fa.enabled.recoveryCodesHeading'],
        ['link', 'manage2fa.enabled.generateRecoveryCodes'],
        ['link', 'manage2fa.enabled.disable'],
      ]);
      await page.getByRole('link', { name: t('manage2fa.enabled.disable'), exact: true }).click();
      await expect(page).toHaveURL('/settings/2fa/disable', ROUTE_COMPILED);
      const password = page.getByLabel(t('disable2fa.form.passwordLabel'), { exact: true });
      await password.fill('wrong password');
      await page.getByRole('button', { name: t('disable2fa.form.submit'), exact: true }).click();
      await expect(page.getByText(t('manage2fa.password.incorrect'), { exact: true })).toBeVisible();
      await expectScreen(page, locale, 'disable2fa.title', [
        ['heading', 'disable2fa.title'],
        ['field', 'disable2fa.form.passwordLabel'],
        ['button', 'disable2fa.form.submit'],
      ]);
      await password.fill(user.password);
      await page.getByRole('button', { name: t('disable2fa.form.submit'), exact: true }).click();
      await expect(page.getByText(t('disable2fa.done.title'), { exact: true })).toBeVisible();
      await expectScreen(page, locale, 'disable2fa.title', [
        ['text', 'disable2fa.done.title'],
        ['link', 'common.close'],
      ]);
      await page.getByRole('link', { name: t('common.close'), exact: true }).click();
      await expect(manage2fa).toHaveText(t('manage2fa.status.off'));

      // The next login needs no code.
      await (await openAccountMenu(page, user.email, menuNames)).getByRole('button', { name: t('layout.header.logOut'), exact: true }).click();
      await logIn();
      await expect(page).toHaveURL('/', ROUTE_COMPILED);
    });
  });
}

/** The switcher's button for a language: its short name, then its full name for screen readers. */
const switcherButton = (page: Page, locale: Locale) =>
  page.getByRole('button', { name: `${LOCALE_LABELS[locale].short} ${LOCALE_LABELS[locale].name}`, exact: true });

/** Every URL a page requests or shows in its address bar, and every request body it sends. */
function recordTraffic(page: Page) {
  const urls: string[] = [];
  const bodies: string[] = [];
  page.on('request', (request) => {
    urls.push(request.url());
    bodies.push(request.postData() ?? '');
  });
  page.on('framenavigated', (frame) => urls.push(frame.url()));
  return { urls, bodies };
}

/** The login page is in `locale`: <html lang>, the button, the switcher marks it as the current one. */
async function expectLoginPageIn(page: Page, locale: Locale) {
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await expect(page.getByRole('button', { name: label(locale, 'login.submit'), exact: true })).toBeVisible();
  await expect(switcherButton(page, locale)).toHaveAttribute('aria-current', 'true');
  for (const other of ['nl', 'fr', 'en'] as const) {
    if (other !== locale) await expect(page.getByRole('button', { name: label(other, 'login.submit'), exact: true })).toHaveCount(0);
  }
}

async function expectLanguageCookie(browser: Browser, page: Page, locale: Locale) {
  const cookie = (await page.context().cookies()).find((c) => c.name === LOCALE_COOKIE);
  expect(cookie).toMatchObject({ value: locale, httpOnly: true, sameSite: 'Lax', path: '/' });
  // Kept for a year, so a later visit (a new browser session) still has it.
  expect(cookie!.expires * 1000).toBeGreaterThan(Date.now() + 364 * 24 * 3600 * 1000);

  // The next visit: a new browser session with the stored cookies, still asking for Dutch.
  const later = await browser.newContext({ locale: 'nl-BE', storageState: await page.context().storageState() });
  const laterPage = await later.newPage();
  await laterPage.goto('/login');
  await expectLoginPageIn(laterPage, locale);
  await later.close();
}

// An address no form of the page should ever put in a URL (a proxy's or a browser's history).
const TYPED_EMAIL = 'typed.only@vandijk.example';

function expectNotSent(traffic: { urls: string[]; bodies: string[] }) {
  expect(traffic.urls.length).toBeGreaterThan(0);
  for (const url of traffic.urls) {
    expect(url).not.toContain('typed.only');
    expect(url).not.toContain(encodeURIComponent(TYPED_EMAIL));
  }
  // The switcher's form holds only the language: what was typed in the login form is not sent at all.
  for (const body of traffic.bodies) expect(body).not.toContain('typed.only');
}

test.describe('the language switcher on the login page, in a browser that asks for nl-BE', () => {
  test.use({ locale: 'nl-BE' });

  test('NL → FR → EN: the page changes language, the typed e-mail stays in its field and out of every URL, and the choice beats Accept-Language', async ({
    page,
    browser,
  }) => {
    const traffic = recordTraffic(page);
    await page.goto('/login');
    await expectLoginPageIn(page, 'nl');
    await page.getByLabel(label('nl', 'login.emailLabel'), { exact: true }).fill(TYPED_EMAIL);

    await switcherButton(page, 'fr').click();
    await expectLoginPageIn(page, 'fr');
    // With JavaScript the route is refreshed in place: the address typed is still there.
    await expect(page.getByLabel(label('fr', 'login.emailLabel'), { exact: true })).toHaveValue(TYPED_EMAIL);

    await switcherButton(page, 'en').click();
    await expectLoginPageIn(page, 'en');
    await expect(page.getByLabel(label('en', 'login.emailLabel'), { exact: true })).toHaveValue(TYPED_EMAIL);
    await expect(page).toHaveURL('/login');
    expectNotSent(traffic);

    await page.reload();
    await expectLoginPageIn(page, 'en');
    await expectLanguageCookie(browser, page, 'en');
  });

  test('without JavaScript: each choice is the answer to a plain form post, and it persists', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'nl-BE', javaScriptEnabled: false });
    const page = await context.newPage();
    const traffic = recordTraffic(page);
    await page.goto('/login');
    await expectLoginPageIn(page, 'nl');
    await page.getByLabel(label('nl', 'login.emailLabel'), { exact: true }).fill(TYPED_EMAIL);

    await switcherButton(page, 'fr').click();
    await expectLoginPageIn(page, 'fr');
    await switcherButton(page, 'en').click();
    await expectLoginPageIn(page, 'en');
    await switcherButton(page, 'fr').click();
    await expectLoginPageIn(page, 'fr');
    await expect(page).toHaveURL('/login');
    expectNotSent(traffic);

    // Not a reload: that would post the form again. A fresh visit to the page.
    await page.goto('/login');
    await expectLoginPageIn(page, 'fr');
    await expectLanguageCookie(browser, page, 'fr');
    await context.close();
  });
});
