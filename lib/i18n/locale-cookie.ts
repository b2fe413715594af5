import 'server-only';
import { cookies } from 'next/headers';
import { isProduction } from '@/lib/env';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS, type Locale } from './locale';

/**
 * Remembers a language in this browser (docs/decisions/0200-languages.md): set by the language
 * switcher and by a signed-in user saving their language, so the login page after logging out
 * speaks the language the user last chose.
 */
export async function setLocaleCookie(locale: Locale): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, locale, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isProduction(),
    path: '/',
    maxAge: LOCALE_COOKIE_MAX_AGE_SECONDS,
  });
}
