/**
 * The sign-in steps speak the browser's language (issue #13): a Dutch- or French-speaking
 * bookkeeper who is locked out, or types a wrong code, reads it in their own language, with
 * counts and durations in the right plural form, through the real actions and pages.
 */
import { as, FakeBrowser, form, nextHeaders } from '../helpers/fake-browser';
jest.mock('next/headers', () => nextHeaders);

import type { ReactElement, ReactNode } from 'react';
import { postCode, postLogin } from '../helpers/login-steps';
import LoginPage, { generateMetadata as loginMetadata } from '@/app/(auth)/login/page';
import VerifyPage from '@/app/(auth)/login/verify/page';
import { VerificationHelp } from '@/components/auth/verification-help';
import { Notice } from '@/components/ui/notice';
import { CODE_LOCK_MS, PASSWORD_FAILURE_LIMIT, PASSWORD_LOCK_MS, PENDING_LIFETIME_MS } from '@/lib/auth/limits';
import { LOCALE_COOKIE } from '@/lib/i18n/locale';
import { translatorFor } from '@/lib/i18n/server';
import { createUser } from '../helpers/factories';
import { findElement, textOf } from '../helpers/react-tree';
import { wrongCode } from '../helpers/totp-reference';

function browser(acceptLanguage: string, cookie?: string): FakeBrowser {
  const b = new FakeBrowser();
  b.headers.set('accept-language', acceptLanguage);
  if (cookie) b.cookies.set(LOCALE_COOKIE, cookie);
  return b;
}

const login = (b: FakeBrowser, email: string, password: string) => postLogin(b, form({ email, password }));
const lockMinutes = PASSWORD_LOCK_MS / 60_000;

describe('the password step’s lockout (S5)', () => {
  it.each([
    [
      'nl-BE,nl;q=0.9,en;q=0.8',
      'Het e-mailadres of het paswoord is niet juist.',
      `Er werd te vaak zonder succes geprobeerd om met dit e-mailadres in te loggen. Voor je veiligheid is inloggen ${lockMinutes} minuten gepauzeerd. Probeer het later opnieuw, of neem contact op met de helpdesk.`,
    ],
    [
      'fr-BE,fr;q=0.9',
      'L’adresse e-mail ou le mot de passe est incorrect.',
      `Il y a eu trop de tentatives de connexion infructueuses avec cette adresse e-mail. Pour votre sécurité, la connexion est suspendue pendant ${lockMinutes} minutes. Réessayez plus tard ou contactez le helpdesk.`,
    ],
  ])('a %s browser reads "incorrect", then the lockout, in its language', async (acceptLanguage, incorrect, locked) => {
    const user = await createUser();
    const b = browser(acceptLanguage);
    for (let i = 1; i < PASSWORD_FAILURE_LIMIT; i++) expect((await login(b, user.email, `wrong ${i}`)).result?.message).toBe(incorrect);
    expect((await login(b, user.email, 'wrong again')).result?.message).toBe(locked);
    // The right password changes nothing while the lock holds, in any language.
    expect((await login(browser('en-GB'), user.email, user.password)).result?.message).toContain(`logging in is paused for ${lockMinutes} minutes.`);
  });

  it('the duration’s plural reads right at 1 as well (the limits may change; the words follow)', () => {
    expect([
      translatorFor('nl')('login.passwordLocked', { minutes: 1 }),
      translatorFor('fr')('login.passwordLocked', { minutes: 1 }),
      translatorFor('en')('login.passwordLocked', { minutes: 1 }),
    ]).toEqual([
      expect.stringContaining('inloggen 1 minuut gepauzeerd'),
      expect.stringContaining('pendant 1 minute.'),
      expect.stringContaining('for 1 minute.'),
    ]);
  });

  it('field messages too: an empty form in French, a forged one in Dutch', async () => {
    expect((await postLogin(browser('fr-BE'), form({ email: '', password: '' }))).result?.fieldErrors).toEqual({
      email: ['Saisissez votre adresse e-mail.'],
      password: ['Saisissez votre mot de passe.'],
    });
    expect((await postLogin(browser('nl-BE'), form({ email: 'a@b.example\u0000', password: 'x' }))).result?.fieldErrors).toEqual({
      email: ['Geef een geldig e-mailadres in.'],
    });
  });

  it('the switcher’s cookie beats the browser’s language', async () => {
    const user = await createUser();
    expect((await login(browser('nl-BE', 'fr'), user.email, 'wrong')).result?.message).toBe('L’adresse e-mail ou le mot de passe est incorrect.');
  });
});

describe('the code step (S4)', () => {
  it.each([
    ['nl-BE', 'Die code werd niet aanvaard.', ['4 pogingen over', '3 pogingen over', '2 pogingen over', '1 poging over'], ' voor je opnieuw moet inloggen.'],
    [
      'fr-BE',
      'Ce code n’a pas été accepté.',
      ['4 tentatives restantes', '3 tentatives restantes', '2 tentatives restantes', '1 tentative restante'],
      ' avant de devoir vous reconnecter.',
    ],
  ])('a %s browser reads each wrong code’s attempts left, in its plural', async (acceptLanguage, wrong, counts, sentenceEnd) => {
    const user = await createUser({ twoFactor: true });
    const b = browser(acceptLanguage);
    expect((await login(b, user.email, user.password)).redirect).toBe('/login/verify');
    for (const count of counts) {
      const answer = (await postCode(b, form({ code: wrongCode(user.secret!) }))).result;
      expect(answer?.fieldErrors?.code?.[0]?.startsWith(wrong)).toBe(true);
      expect(answer?.message).toBe(`${count}${sentenceEnd}`);
    }
    // A code that is no code: the format message, in Dutch or French.
    const malformed = (await postCode(b, form({ code: 'abc' }))).result?.fieldErrors?.code;
    expect(malformed).toEqual([translatorFor(acceptLanguage.startsWith('nl') ? 'nl' : 'fr')('verify.codeFormat')]);
  });
});

describe('the pages', () => {
  const noticeOn = async (b: FakeBrowser, notice: string) => {
    const tree = (await as(b, () => LoginPage({ searchParams: Promise.resolve({ notice }) }))).result as ReactNode;
    return findElement(tree, { type: Notice })?.props.children;
  };

  it('the login page in Dutch: its heading, title and the notice after a locked code step', async () => {
    const b = browser('nl-BE');
    const tree = (await as(b, () => LoginPage({ searchParams: Promise.resolve({}) }))).result as ReactNode;
    expect(textOf(findElement(tree, { type: 'h1' }))).toBe('Inloggen');
    expect((await as(b, loginMetadata)).result?.title).toBe('Inloggen');
    expect(await noticeOn(b, 'code-locked')).toBe(
      `Er werden te veel foute verificatiecodes ingegeven voor je account. Voor je veiligheid is de verificatie ${CODE_LOCK_MS / 60_000} minuten gepauzeerd. Heb je je authenticatie-app niet meer, neem dan contact op met de helpdesk.`,
    );
  });

  it('the login page in French after logging out, and after a login that took too long', async () => {
    const b = browser('fr-BE');
    expect(await noticeOn(b, 'logged-out')).toBe('Déconnexion réussie.');
    expect(await noticeOn(b, 'start-again')).toBe(
      `Trop de codes incorrects, ou la vérification a duré plus de ${PENDING_LIFETIME_MS / 60_000} minutes. Reconnectez-vous avec votre adresse e-mail et votre mot de passe.`,
    );
  });

  it('the verify page and its help in French', async () => {
    const user = await createUser({ twoFactor: true });
    const b = browser('fr-BE');
    await login(b, user.email, user.password);
    const tree = (await as(b, () => VerifyPage({ searchParams: Promise.resolve({}) }))).result as ReactNode;
    expect(textOf(findElement(tree, { type: 'h1' }))).toBe('Saisissez votre code de vérification');
    const help = findElement(tree, { type: VerificationHelp })!.props as { helpdeskEmail: string; appName: string };
    const rendered = (await as(b, () => VerificationHelp(help))).result as ReactElement;
    const summaries: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      const element = node as ReactElement<{ children?: unknown }> | null;
      if (!element || typeof element !== 'object' || !('props' in element)) return;
      if (element.type === 'summary') summaries.push(textOf(element));
      walk(element.props.children);
    };
    walk(rendered);
    expect(summaries).toEqual([
      'Où trouver le code de vérification\u202f?',
      'Vous saisissez le code de vérification, mais il n’est pas accepté\u202f?',
      'Vous avez perdu votre smartphone ou n’avez plus accès à votre application d’authentification\u202f?',
    ]);
  });
});
