'use server';
import { getCurrentSession } from '@/lib/auth/guards';
import { setLanguagePreferences } from '@/lib/account/set-language-preferences';
import { isLocale } from '@/lib/i18n/locale';
import { setLocaleCookie } from '@/lib/i18n/locale-cookie';

/**
 * The language switcher (components/i18n/language-switcher.tsx). Public by design, like the
 * login form: it sets only this browser's own language cookie, and a value that is not one of our
 * locales changes nothing. It returns nothing: Next.js renders the same page again, now in
 * that language (with JavaScript the router refreshes; without, the POST's answer is the
 * page), so what the visitor typed never travels in a URL.
 *
 * A signed-in user's own setting beats the cookie (0200, "Account setting"), so for them the
 * switcher (on an error or not-found page) changes that setting too: otherwise the button
 * would seem to do nothing. A pending login is not signed in: only the cookie changes.
 */
export async function chooseLanguage(formData: FormData): Promise<void> {
  const locale = formData instanceof FormData ? formData.get('locale') : null;
  if (!isLocale(locale)) return;
  await setLocaleCookie(locale);
  const session = await getCurrentSession();
  if (session?.stage === 'ACTIVE') await setLanguagePreferences(session.user.id, { locale });
}
