/**
 * "Language and time zone", the signed-in user's own setting (issue #13): stored on the user,
 * used for their pages whatever the browser asks for, refused when it is not a language or a
 * time zone we know, and not used before the login's second step is done.
 */
import type { ReactElement } from 'react';
import { as, FakeBrowser, form, nextHeaders, noState } from '../helpers/fake-browser';
jest.mock('next/headers', () => nextHeaders);

import { db } from '@/lib/db';
import RootLayout from '@/app/layout';
import AccountSettingsPage from '@/app/(app)/settings/account/page';
import SecurityActivityPage from '@/app/(app)/settings/security/page';
import { saveLanguagePreferences } from '@/app/(app)/settings/account/actions';
import { chooseLanguage } from '@/app/(auth)/language/actions';
import { postCode } from '../helpers/login-steps';
import { getRequestLanguage } from '@/lib/i18n/server';
import { LOCALE_COOKIE } from '@/lib/i18n/locale';
import { LanguagePreferencesForm } from '@/components/account/language-preferences-form';
import { SecurityActivityTable, type SecurityActivityRow } from '@/components/security/security-activity-table';
import { createUser } from '../helpers/factories';
import { pendingBrowser, signedInBrowser } from '../helpers/sign-in';
import { authenticatorCode } from '../helpers/totp-reference';
import { findElement, textOf } from '../helpers/react-tree';

const save = (browser: FakeBrowser, fields: Record<string, string>) => as(browser, () => saveLanguagePreferences(noState, form(fields)));
const stored = async (userId: string) => db.user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true, timeZone: true } });

async function htmlLang(browser: FakeBrowser): Promise<string> {
  const tree = (await as(browser, () => RootLayout({ children: null }))).result as ReactElement<{ lang: string }>;
  return tree.props.lang;
}

async function accountPage(browser: FakeBrowser, searchParams: Record<string, string> = {}) {
  const outcome = await as(browser, () => AccountSettingsPage({ searchParams: Promise.resolve(searchParams) }));
  if (!outcome.result) throw new Error(`no page: ${JSON.stringify(outcome)}`);
  return outcome.result;
}

async function securityRows(browser: FakeBrowser): Promise<SecurityActivityRow[]> {
  const page = (await as(browser, () => SecurityActivityPage({ searchParams: Promise.resolve({}) }))).result;
  return (findElement(page, { type: SecurityActivityTable })!.props as { events: SecurityActivityRow[] }).events;
}

describe('saving a language and time zone', () => {
  it('stores them on the user, sets the browser’s language cookie, and the next page is in Dutch', async () => {
    const user = await createUser();
    const browser = await signedInBrowser(user);
    expect(await htmlLang(browser)).toBe('en');

    await expect(save(browser, { locale: 'nl', timeZone: 'Europe/Brussels' })).resolves.toEqual({ redirect: '/settings/account?saved=1' });
    expect(await stored(user.id)).toEqual({ locale: 'nl', timeZone: 'Europe/Brussels' });
    expect(browser.cookies.get(LOCALE_COOKIE)).toBe('nl');

    expect(await htmlLang(browser)).toBe('nl');
    const page = await accountPage(browser, { saved: '1' });
    expect(textOf(findElement(page, { type: 'h1' }))).toBe('Taal en tijdzone');
    expect(textOf(page)).toContain('Je taal en tijdzone zijn opgeslagen.');
  });

  it('is the account’s, not the browser’s: it beats the cookie and Accept-Language, on another device too', async () => {
    const user = await createUser();
    await save(await signedInBrowser(user), { locale: 'fr', timeZone: 'Europe/Brussels' });

    const elsewhere = await signedInBrowser(user);
    elsewhere.headers.set('accept-language', 'nl-BE,nl;q=0.9');
    elsewhere.cookies.set(LOCALE_COOKIE, 'en');
    expect(await htmlLang(elsewhere)).toBe('fr');
    expect(textOf(findElement(await accountPage(elsewhere), { type: 'h1' }))).toBe('Langue et fuseau horaire');
  });

  it('shows the current choice: the form starts on the user’s language and zone, Europe/Brussels first in the list', async () => {
    const user = await createUser();
    const browser = await signedInBrowser(user);
    browser.headers.set('accept-language', 'fr-BE');
    const before = findElement(await accountPage(browser), { type: LanguagePreferencesForm })!.props as {
      locale: string;
      timeZone: string;
      choices: { first: Array<{ zone: string }>; groups: Array<{ region: string; zones: Array<{ zone: string }> }> };
      example: string;
    };
    // Never saved: what this request got (the browser's language, the configured zone).
    expect([before.locale, before.timeZone]).toEqual(['fr', 'Europe/Brussels']);
    expect(before.choices.first.map((c) => c.zone)).toEqual(['Europe/Brussels']);
    expect(before.choices.groups[0].region).toBe('europe');
    const offered = before.choices.groups.flatMap((g) => g.zones.map((z) => z.zone));
    expect(offered).toEqual(expect.arrayContaining(['America/New_York', 'Asia/Tokyo', 'UTC']));
    expect(offered).not.toContain('Europe/Brussels'); // once, at the top
    expect(before.example).toMatch(/^\d{1,2} \S+ \d{4}, \d{2}:\d{2} UTC\+[12]$/);

    await save(browser, { locale: 'en', timeZone: 'america/new_york' }); // the runtime's spelling is stored
    expect(await stored(user.id)).toEqual({ locale: 'en', timeZone: 'America/New_York' });
    const after = findElement(await accountPage(browser), { type: LanguagePreferencesForm })!.props as { locale: string; timeZone: string };
    expect([after.locale, after.timeZone]).toEqual(['en', 'America/New_York']);
  });
});

describe('what is refused', () => {
  it.each([
    ['a language we do not have', { locale: 'de', timeZone: 'Europe/Brussels' }, { locale: ['Choose Nederlands, Français or English.'] }],
    ['no language', { timeZone: 'Europe/Brussels' }, { locale: ['Choose Nederlands, Français or English.'] }],
    [
      'cookie attributes as a language',
      { locale: 'nl; Path=/; Domain=evil.example', timeZone: 'Europe/Brussels' },
      { locale: ['Choose Nederlands, Français or English.'] },
    ],
    ['a zone that does not exist', { locale: 'nl', timeZone: 'Mars/Olympus_Mons' }, { timeZone: ['Choose a time zone from the list.'] }],
    ['no zone', { locale: 'nl', timeZone: '' }, { timeZone: ['Choose a time zone from the list.'] }],
    [
      '5,000 characters',
      { locale: 'x'.repeat(5000), timeZone: 'x'.repeat(5000) },
      { locale: ['Choose Nederlands, Français or English.'], timeZone: ['Choose a time zone from the list.'] },
    ],
  ])('%s, with a clear message, changing nothing', async (_label, fields, fieldErrors) => {
    const user = await createUser();
    const browser = await signedInBrowser(user);
    const outcome = await save(browser, fields as Record<string, string>);
    expect(outcome.result?.fieldErrors).toEqual(fieldErrors);
    expect(JSON.stringify(outcome.result?.values ?? {}).length).toBeLessThan(200); // what comes back into the form is cut short
    expect(await stored(user.id)).toEqual({ locale: null, timeZone: null });
    expect(browser.cookies.has(LOCALE_COOKIE)).toBe(false);
  });

  it('says so in the user’s language', async () => {
    const user = await createUser();
    const browser = await signedInBrowser(user);
    browser.headers.set('accept-language', 'nl-BE');
    expect((await save(browser, { locale: 'fr', timeZone: 'Europe/Bruxelles' })).result?.fieldErrors).toEqual({
      timeZone: ['Kies een tijdzone uit de lijst.'],
    });
    expect(await stored(user.id)).toEqual({ locale: null, timeZone: null });
  });

  it('refuses anonymous and pending callers, changing nothing; a call that is not a form changes nothing', async () => {
    const user = await createUser({ twoFactor: true });
    await expect(save(new FakeBrowser(), { locale: 'nl', timeZone: 'Europe/Brussels' })).resolves.toEqual({ redirect: '/login' });
    await expect(save(await pendingBrowser(user), { locale: 'nl', timeZone: 'Europe/Brussels' })).resolves.toEqual({ redirect: '/login/verify' });
    const signedIn = await signedInBrowser(user);
    const notAForm = await as(signedIn, () => saveLanguagePreferences(noState, { locale: 'nl' } as unknown as FormData));
    expect(notAForm.result?.message).toBe('This form could not be read. Reload the page and try again.');
    expect(await stored(user.id)).toEqual({ locale: null, timeZone: null });
  });
});

describe('the time zone', () => {
  it('changes the times Security activity shows, with the zone named', async () => {
    const user = await createUser();
    const browser = await signedInBrowser(user);
    const event = await db.auditEvent.create({
      data: {
        type: 'login.completed',
        outcome: 'SUCCESS',
        subjectUserId: user.id,
        ip: '192.0.2.1',
        details: '{}',
        createdAt: new Date('2026-11-29T07:14:00Z'),
      },
    });
    const timeOf = async () => (await securityRows(browser)).find((row) => row.id === event.id)?.time;

    expect(await timeOf()).toBe('29 Nov 2026, 08:14 CET'); // the default, Europe/Brussels
    await save(browser, { locale: 'en', timeZone: 'America/New_York' });
    expect(await timeOf()).toBe('29 Nov 2026, 02:14 GMT-5');
    await save(browser, { locale: 'nl', timeZone: 'Asia/Tokyo' });
    expect(await timeOf()).toBe('29 nov 2026, 16:14 GMT+9');
  });
});

describe('a login that has not passed its second step', () => {
  it('does not use the user’s setting: the verify step keeps the login page’s language and the default zone', async () => {
    const user = await createUser({ twoFactor: true });
    await db.user.update({ where: { id: user.id }, data: { locale: 'fr', timeZone: 'America/New_York' } });

    const browser = await pendingBrowser(user);
    browser.headers.set('accept-language', 'nl-BE');
    expect((await as(browser, getRequestLanguage)).result).toEqual({ locale: 'nl', timeZone: 'Europe/Brussels' });

    await expect(postCode(browser, form({ code: authenticatorCode(user.secret!) }))).resolves.toEqual({ redirect: '/' });
    expect((await as(browser, getRequestLanguage)).result).toEqual({ locale: 'fr', timeZone: 'America/New_York' });
  });

  it('ignores a stored value that is not a language or a zone (written before a check, say)', async () => {
    const user = await createUser();
    await db.user.update({ where: { id: user.id }, data: { locale: 'klingon', timeZone: 'Nowhere/Atlantis' } });
    const browser = await signedInBrowser(user);
    browser.headers.set('accept-language', 'fr-BE');
    expect((await as(browser, getRequestLanguage)).result).toEqual({ locale: 'fr', timeZone: 'Europe/Brussels' });
  });
});

describe('the language switcher and the account setting agree', () => {
  it('a signed-in user’s choice on the switcher (an error page’s) becomes their setting, keeping their zone', async () => {
    const user = await createUser();
    const browser = await signedInBrowser(user);
    await save(browser, { locale: 'nl', timeZone: 'Asia/Tokyo' });
    await as(browser, () => chooseLanguage(form({ locale: 'fr' })));
    expect(await stored(user.id)).toEqual({ locale: 'fr', timeZone: 'Asia/Tokyo' });
    expect(browser.cookies.get(LOCALE_COOKIE)).toBe('fr');
    expect(await htmlLang(browser)).toBe('fr');
  });

  it('a pending login’s choice is only the browser’s: the account keeps its setting', async () => {
    const user = await createUser({ twoFactor: true });
    await db.user.update({ where: { id: user.id }, data: { locale: 'nl' } });
    const browser = await pendingBrowser(user);
    await as(browser, () => chooseLanguage(form({ locale: 'fr' })));
    expect(browser.cookies.get(LOCALE_COOKIE)).toBe('fr');
    expect(await stored(user.id)).toEqual({ locale: 'nl', timeZone: null });
    expect(await htmlLang(browser)).toBe('fr');
  });
});
