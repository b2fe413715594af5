/**
 * The language of a request as pages and actions see it: Accept-Language, the switcher's
 * cookie, the configured default; the switcher's action; <html lang>; and translation
 * without a request, as e-mails need it.
 */
import { as, FakeBrowser, form, nextHeaders } from '../helpers/fake-browser';
jest.mock('next/headers', () => nextHeaders);

import type { ReactElement } from 'react';
import RootLayout from '@/app/layout';
import NotFound from '@/app/not-found';
import { chooseLanguage } from '@/app/(auth)/language/actions';
import { LOCALE_COOKIE } from '@/lib/i18n/locale';
import { messageKey } from '@/lib/i18n/messages';
import { getDateFormat, getRequestLanguage, translate, translateFieldErrors, translatorFor } from '@/lib/i18n/server';
import { findElement, textOf } from '../helpers/react-tree';

function browser({ acceptLanguage, cookie }: { acceptLanguage?: string; cookie?: string } = {}): FakeBrowser {
  const b = new FakeBrowser();
  if (acceptLanguage) b.headers.set('accept-language', acceptLanguage);
  if (cookie !== undefined) b.cookies.set(LOCALE_COOKIE, cookie);
  return b;
}

async function languageOf(b: FakeBrowser) {
  return (await as(b, () => getRequestLanguage())).result;
}

async function htmlLang(b: FakeBrowser): Promise<unknown> {
  const tree = (await as(b, () => RootLayout({ children: null }))).result as ReactElement<{ lang: string }>;
  return tree.props.lang;
}

describe('the language of a request', () => {
  it.each([
    ['nl-BE,nl;q=0.9,en;q=0.8', 'nl'],
    ['fr-BE,fr;q=0.9', 'fr'],
    ['en-GB', 'en'],
  ])('Accept-Language %s → <html lang="%s">', async (acceptLanguage, lang) => {
    expect(await htmlLang(browser({ acceptLanguage }))).toBe(lang);
  });

  it('the switcher’s cookie beats the browser’s header', async () => {
    expect(await languageOf(browser({ acceptLanguage: 'nl-BE', cookie: 'fr' }))).toEqual({ locale: 'fr', timeZone: 'Europe/Brussels' });
  });

  it('an invalid cookie is ignored', async () => {
    expect((await languageOf(browser({ acceptLanguage: 'nl-BE', cookie: 'klingon' })))?.locale).toBe('nl');
  });

  it('neither: DEFAULT_LOCALE (en unless configured) and DEFAULT_TIME_ZONE', async () => {
    expect(await languageOf(browser({ acceptLanguage: 'de-DE' }))).toEqual({ locale: 'en', timeZone: 'Europe/Brussels' });
    process.env.DEFAULT_LOCALE = 'nl';
    process.env.DEFAULT_TIME_ZONE = 'Europe/London';
    try {
      expect(await languageOf(browser())).toEqual({ locale: 'nl', timeZone: 'Europe/London' });
    } finally {
      delete process.env.DEFAULT_LOCALE;
      delete process.env.DEFAULT_TIME_ZONE;
    }
  });

  it('pages speak it: the not-found page in Dutch and in French', async () => {
    const title = async (b: FakeBrowser) => textOf(findElement((await as(b, () => NotFound())).result, { type: 'h1' }));
    expect(await title(browser({ acceptLanguage: 'nl-BE' }))).toBe('Pagina niet gevonden');
    expect(await title(browser({ cookie: 'fr' }))).toBe('Page introuvable');
  });

  it('dates are in its language and time zone', async () => {
    const format = (await as(browser({ cookie: 'fr' }), () => getDateFormat())).result!;
    expect(format.dateTimeWithZone(new Date('2026-11-29T07:14:00Z'))).toBe('29 nov. 2026, 08:14 UTC+1');
  });
});

describe('the language switcher’s action', () => {
  it('sets the cookie, and the next request is in that language', async () => {
    const b = browser({ acceptLanguage: 'nl-BE' });
    expect(await as(b, () => chooseLanguage(form({ locale: 'fr' })))).toEqual({ result: undefined });
    expect(b.cookies.get(LOCALE_COOKIE)).toBe('fr');
    expect(await htmlLang(b)).toBe('fr');
  });

  it.each([
    ['a language we do not have', 'de'],
    ['an empty value', ''],
    ['cookie attributes', 'fr; Path=/; Domain=evil.example'],
    ['5,000 characters', 'x'.repeat(5000)],
  ])('refuses %s and changes nothing', async (_label, locale) => {
    const b = browser({ cookie: 'nl' });
    await as(b, () => chooseLanguage(form({ locale })));
    expect(b.cookies.get(LOCALE_COOKIE)).toBe('nl');
  });

  it('a call that is not a form post changes nothing and does not fail', async () => {
    const b = browser();
    await as(b, () => chooseLanguage('fr' as unknown as FormData));
    expect(b.cookies.has(LOCALE_COOKIE)).toBe(false);
  });
});

describe('messages from lib code, as actions turn them into text', () => {
  it('a key, or a key with values, in the request’s language', async () => {
    const nl = browser({ acceptLanguage: 'nl-BE' });
    expect((await as(nl, () => translate('common.close'))).result).toBe('Sluiten');
    expect((await as(nl, () => translate({ key: 'common.attemptsLeft', values: { count: 2 } }))).result).toBe('nog 2 pogingen');
  });

  it('zod field errors written as keys; anything else becomes the generic field message', async () => {
    const fr = browser({ cookie: 'fr' });
    const errors = { email: [messageKey('errors.invalidField')], password: ['Expected string, received null'], code: undefined };
    expect((await as(fr, () => translateFieldErrors(errors))).result).toEqual({
      email: ['Vérifiez ce champ.'],
      password: ['Vérifiez ce champ.'],
      code: undefined,
    });
  });
});

it('e-mails translate for their recipient, without a request', () => {
  expect(['nl', 'fr', 'en'].map((locale) => translatorFor(locale as 'nl', 'email')('greeting', { name: 'Eva' }))).toEqual([
    'Beste Eva,',
    'Bonjour Eva,',
    'Hello Eva,',
  ]);
});
