/**
 * Manage 2FA in the language the browser asks for (issue #13): the page, the reminders above
 * it and the actions' answers in Dutch and French, with real plurals and dates in the user's
 * zone. The other Manage 2FA tests ask for no language and so check the English.
 */
import { as, FakeBrowser, form, nextHeaders, noState } from '../helpers/fake-browser';
jest.mock('next/headers', () => nextHeaders);

import type { ReactNode } from 'react';
import { db } from '@/lib/db';
import { beginEnrolment, finishEnrolment, generateRecoveryCodes, turnOffTwoFactor } from '@/app/(app)/settings/2fa/actions';
import { verifyRecoveryCode } from '@/app/(auth)/login/verify/actions';
import ManageTwoFactorPage, { generateMetadata } from '@/app/(app)/settings/2fa/page';
import AppLayout from '@/app/(app)/layout';
import { Notice } from '@/components/ui/notice';
import { SubmitButton } from '@/components/ui/submit-button';
import { getCurrentSession } from '@/lib/auth/guards';
import { PASSWORD_FAILURE_LIMIT } from '@/lib/auth/limits';
import { confirmItsYou } from '@/app/(app)/confirm/actions';
import { setTwoFactorRequirement } from '@/lib/offices/set-two-factor-requirement';
import { readEnrolment } from '@/lib/two-factor/read-enrolment';
import { dateFormatFor } from '@/lib/i18n/server';
import { LOCALE_COOKIE } from '@/lib/i18n/locale';
import { createUser, type TestUser } from '../helpers/factories';
import { pendingBrowser, signedInBrowser } from '../helpers/sign-in';
import { authenticatorCode } from '../helpers/totp-reference';
import { findElement, textOf } from '../helpers/react-tree';

const ACCEPT = { nl: 'nl-BE,nl;q=0.9,en;q=0.5', fr: 'fr-BE,fr;q=0.9,en;q=0.5' } as const;

/** The browser, from now on asking for this language as a Belgian browser does. */
function speaking<B extends FakeBrowser>(browser: B, language: keyof typeof ACCEPT): B {
  browser.headers.set('accept-language', ACCEPT[language]);
  return browser;
}

const page = async (browser: FakeBrowser) => (await as(browser, () => ManageTwoFactorPage({ searchParams: Promise.resolve({}) }))).result as ReactNode;
const text = (tree: ReactNode, match: { type?: unknown; testId?: string }) => textOf(findElement(tree, match));

/** A user who enabled 2FA through Manage 2FA in that language, with the recovery codes they were shown. */
async function enabledIn(language: keyof typeof ACCEPT): Promise<{ user: TestUser; browser: FakeBrowser; codes: string[] }> {
  const user = await createUser();
  const browser = speaking(await signedInBrowser(user), language);
  await as(browser, beginEnrolment);
  const secret = (await readEnrolment(user.id))!.key;
  const done = await as(browser, () => finishEnrolment(noState, form({ code: authenticatorCode(secret) })));
  return { user: { ...user, secret }, browser, codes: done.result!.recoveryCodes! };
}

const useCodes = (userId: string, keep: number) =>
  db.recoveryCode
    .findMany({ where: { userId }, orderBy: { id: 'asc' }, select: { id: true } })
    .then((rows) => db.recoveryCode.updateMany({ where: { id: { in: rows.slice(keep).map((r) => r.id) } }, data: { usedAt: new Date() } }));

describe('the Manage 2FA page', () => {
  it('in Dutch: title, status, the date 2FA was enabled in Brussels time, and the codes left as a plural', async () => {
    const { user, browser } = await enabledIn('nl');
    const tree = await page(browser);
    expect(text(tree, { type: 'h1' })).toBe('2FA beheren');
    expect(text(tree, { testId: 'two-factor-status' })).toBe('Ingeschakeld');
    expect(text(tree, { testId: 'recovery-codes-left' })).toBe('Je hebt nog 10 ongebruikte herstelcodes.');
    const enabledAt = (await db.totpCredential.findUniqueOrThrow({ where: { userId: user.id } })).confirmedAt!;
    expect(textOf(tree)).toContain(`Tweestapsverificatie is sinds ${dateFormatFor('nl', 'Europe/Brussels').date(enabledAt)} ingeschakeld voor je account.`);

    await useCodes(user.id, 1);
    expect(text(await page(browser), { testId: 'recovery-codes-left' })).toBe('Je hebt nog 1 ongebruikte herstelcode.');
    await useCodes(user.id, 0);
    expect(text(await page(browser), { testId: 'recovery-codes-left' })).toBe('Je hebt geen ongebruikte herstelcodes meer.');
  });

  it('in French: the tab title, status and the codes left, one and several', async () => {
    const { user, browser } = await enabledIn('fr');
    expect((await as(browser, generateMetadata)).result).toEqual({ title: 'Gérer la 2FA' });
    await useCodes(user.id, 3);
    const tree = await page(browser);
    expect(text(tree, { type: 'h1' })).toBe('Gérer la 2FA');
    expect(text(tree, { testId: 'two-factor-status' })).toBe('Activée');
    expect(text(tree, { testId: 'recovery-codes-left' })).toBe('Il vous reste 3 codes de récupération inutilisés.');
    await useCodes(user.id, 1);
    expect(text(await page(browser), { testId: 'recovery-codes-left' })).toBe('Il vous reste 1 code de récupération inutilisé.');
  });

  it('in French, for a user whose office requires 2FA now: the notice and the Enable 2FA button', async () => {
    const admin = await createUser({ role: 'OFFICE_ADMIN' });
    const member = await createUser({ officeId: admin.officeId });
    await setTwoFactorRequirement({ officeId: admin.officeId!, adminId: admin.id, required: true, graceDays: 0 }, { ip: null, userAgent: null });
    const tree = await page(speaking(await signedInBrowser(member), 'fr'));
    expect(text(tree, { testId: 'two-factor-status' })).toBe('Désactivée');
    expect(findElement(tree, { type: Notice })?.props.title).toBe('Votre bureau exige l’authentification à deux facteurs');
    expect(textOf(findElement(tree, { type: SubmitButton }))).toBe('Activer la 2FA');
    expect(findElement(tree, { type: SubmitButton })?.props.pendingLabel).toBe('Préparation…');
  });

  it('the language switcher’s cookie beats the browser’s header here too', async () => {
    const { browser } = await enabledIn('nl');
    browser.cookies.set(LOCALE_COOKIE, 'fr');
    expect(text(await page(browser), { type: 'h1' })).toBe('Gérer la 2FA');
  });
});

describe('the reminders above every signed-in page', () => {
  it('in Dutch, after logging in with a recovery code: how many are left, and the link to Manage 2FA', async () => {
    const { user, codes } = await enabledIn('nl');
    const browser = speaking(await pendingBrowser(user), 'nl');
    await as(browser, () => verifyRecoveryCode(noState, form({ recoveryCode: codes[0], callbackUrl: '/' })));
    const layout = (await as(browser, () => AppLayout({ children: null }))).result;
    expect(text(layout, { testId: 'recovery-codes-banner' })).toBe('Je bent ingelogd met een herstelcode. Je hebt nog 9 ongebruikte herstelcodes. 2FA beheren');
  });

  it('in French, the office’s deadline in the user’s time zone, with the zone named', async () => {
    const admin = await createUser({ role: 'OFFICE_ADMIN' });
    const member = await createUser({ officeId: admin.officeId });
    await setTwoFactorRequirement({ officeId: admin.officeId!, adminId: admin.id, required: true, graceDays: 14 }, { ip: null, userAgent: null });
    const browser = speaking(await signedInBrowser(member), 'fr');
    const deadline = (await as(browser, getCurrentSession)).result!.user.twoFactorDeadline!;
    const layout = (await as(browser, () => AppLayout({ children: null }))).result;
    expect(text(layout, { testId: 'two-factor-banner' })).toBe(
      `Votre bureau exige l’authentification à deux facteurs. Activez-la avant le ${dateFormatFor('fr', 'Europe/Brussels').dateTimeWithZone(deadline)}\u202f: Gérer la 2FA`,
    );
  });
});

describe('the actions answer in the browser’s language', () => {
  it('enable: a code that is not six digits, and a wrong one, in Dutch', async () => {
    const user = await createUser();
    const browser = speaking(await signedInBrowser(user), 'nl');
    await as(browser, beginEnrolment);
    expect((await as(browser, () => finishEnrolment(noState, form({ code: 'abc' })))).result).toEqual({
      fieldErrors: { code: ['Geef de 6-cijferige code uit je authenticatie-app in.'] },
    });
    expect((await as(browser, () => finishEnrolment(noState, form({ code: '000000' })))).result?.fieldErrors?.code?.[0]).toMatch(
      /^Die code werd niet aanvaard\./,
    );
  });

  it('disable: a missing and a wrong password in French; after too many, the pause with its length as a plural', async () => {
    const { user, browser } = await enabledIn('fr');
    const turnOff = (password: string) => as(browser, () => turnOffTwoFactor(noState, form({ password })));
    expect((await turnOff('')).result).toEqual({ fieldErrors: { password: ['Saisissez votre mot de passe.'] } });
    expect((await turnOff('pas le bon')).result).toEqual({ fieldErrors: { password: ['Le mot de passe est incorrect.'] } });
    for (let i = 2; i <= PASSWORD_FAILURE_LIMIT; i++) await turnOff(`faux ${i}`);
    expect((await turnOff(user.password)).result?.message).toBe(
      'Il y a eu trop de tentatives de connexion infructueuses avec cette adresse e-mail. Pour votre sécurité, la connexion est suspendue pendant 15 minutes. Réessayez plus tard ou contactez le helpdesk.',
    );
    expect(await db.totpCredential.count({ where: { userId: user.id } })).toBe(1);
  });

  it('disable, when the office requires 2FA, and new recovery codes without 2FA, in Dutch', async () => {
    const admin = await createUser({ role: 'OFFICE_ADMIN', twoFactor: true });
    await setTwoFactorRequirement({ officeId: admin.officeId!, adminId: admin.id, required: true, graceDays: 0 }, { ip: null, userAgent: null });
    const adminBrowser = speaking(await signedInBrowser(admin), 'nl');
    expect((await as(adminBrowser, () => turnOffTwoFactor(noState, form({ password: admin.password })))).result?.message).toBe(
      'Je kantoor vereist tweestapsverificatie voor al zijn gebruikers, dus je kunt 2FA niet uitschakelen. Ben je je authenticatie-app kwijt, neem dan contact op met de helpdesk.',
    );

    const plain = await createUser();
    const plainBrowser = speaking(await signedInBrowser(plain), 'nl');
    // New recovery codes need a fresh second-factor check first (S25): without 2FA, the check says to turn it on.
    expect(await as(plainBrowser, () => generateRecoveryCodes(noState, form({ password: plain.password })))).toEqual({
      redirect: '/confirm?next=%2Fsettings%2F2fa%2Frecovery-codes',
    });
    expect((await as(plainBrowser, () => confirmItsYou(noState, form({ code: '123456' })))).result).toEqual({
      stepUp: 'enable-two-factor',
      message: 'Voor wijzigingen zoals deze moet tweestapsverificatie (2FA) op je eigen account aan staan. Schakel ze eerst in en kom dan terug.',
    });
  });
});
