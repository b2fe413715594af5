'use server';
import { cookies } from 'next/headers';
import { isProduction } from '@/lib/env';
import { isLocale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS } from '@/lib/i18n/locale';

/**
 * The language switcher (components/i18n/language-switcher.tsx). Public by design, like
 * logIn: it sets only this browser's own language cookie, and a value that is not one of our
 * locales changes nothing. It returns nothing: Next.js renders the same page again, now in
 * that language (with JavaScript the router refreshes; without, the POST's answer is the
 * page), so what the visitor typed never travels in a URL.
 *
 * TODO(merge): once User.locale exists, the account menu is where a signed-in user chooses;
 * it should set this cookie too, so the login page after logging out speaks the same language.
 */
export async function chooseLanguage(formData: FormData): Promise<void> {
  const locale = formData instanceof FormData ? formData.get('locale') : null;
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isProduction(),
    path: '/',
    maxAge: LOCALE_COOKIE_MAX_AGE_SECONDS,
  });
}
