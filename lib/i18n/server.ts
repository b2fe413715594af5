import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
// use-intl/core (next-intl's own core, same version): no React in it, so lib code also runs outside
// Next.js under the react-server condition (the benchmarks, scripts), where next-intl's entry pulls React hooks.
import { createTranslator } from 'use-intl/core';
import { productConfig } from '@/lib/env';
import type { SessionContext } from '@/lib/auth/sessions';
import { dateFormat, type DateFormat } from '@/lib/format';
import { LOCALE_COOKIE, resolveLocale, resolveTimeZone, type Locale } from './locale';
import { CATALOGUES, isMessageKey, type Message, type MessageValues, type Messages, type Namespace } from './messages';

/**
 * Translation on the server: server components, server actions, route handlers, lib code and
 * e-mails all use these (docs/decisions/0012-languages.md). They are built on next-intl's
 * createTranslator and our own locale resolution rather than next-intl/server's
 * getTranslations(), which needs the Next.js plugin's request context: these also run in Jest
 * integration tests, where pages and actions are called as plain functions. i18n/request.ts
 * gives next-intl the same answer, so both agree in a request.
 */

type UserLanguageSettings = { locale: string | null; timeZone: string | null };

/**
 * The signed-in user's own settings, User.locale and User.timeZone (account settings,
 * /settings/account), as stored: resolveLocale() and resolveTimeZone() skip a value that is
 * not valid. Only a signed-in session counts: a pending login (password done, code not yet)
 * keeps the language its login page had, so the verify page does not switch language halfway.
 */
async function signedInUserSettings(): Promise<UserLanguageSettings | null> {
  let session: SessionContext | null;
  // Imported here, not at the top: e-mails and the benchmarks use this module outside a request,
  // where next/navigation (which the guards need) cannot load under the react-server condition.
  const { getCurrentSession } = await import('@/lib/auth/guards');
  try {
    session = await getCurrentSession();
  } catch (error) {
    (await import('next/navigation')).unstable_rethrow(error); // Next.js's own signals (a page rendered per request, a redirect) are not failures
    // The database is out of reach: the page that says so (an error page) still speaks the cookie's or the browser's language.
    console.error('The signed-in user’s language could not be read', error);
    return null;
  }
  return settingsOf(session);
}

/** Only a signed-in session has its user's own settings; a pending login keeps its login page's language. */
function settingsOf(session: SessionContext | null): UserLanguageSettings | null {
  return session?.stage === 'ACTIVE' ? { locale: session.user.locale, timeZone: session.user.timeZone } : null;
}

export type RequestLanguage = { locale: Locale; timeZone: string };

/** The language and time zone of this request, decided once per request (React cache). */
export const getRequestLanguage = cache(async (): Promise<RequestLanguage> => languageOf(await signedInUserSettings()));

/**
 * The same for a caller that has read the session already: a route handler, where React's
 * per-request cache does not hold and getRequestLanguage() would read the session again.
 */
export async function requestLanguageOf(session: SessionContext | null): Promise<RequestLanguage> {
  return languageOf(settingsOf(session));
}

async function languageOf(user: UserLanguageSettings | null): Promise<RequestLanguage> {
  const { DEFAULT_LOCALE, DEFAULT_TIME_ZONE } = productConfig();
  const locale = resolveLocale({
    userLocale: user?.locale,
    cookie: (await cookies()).get(LOCALE_COOKIE)?.value,
    acceptLanguage: (await headers()).get('accept-language'),
    fallback: DEFAULT_LOCALE,
  });
  return { locale, timeZone: resolveTimeZone({ userTimeZone: user?.timeZone, fallback: DEFAULT_TIME_ZONE }) };
}

export async function getRequestLocale(): Promise<Locale> {
  return (await getRequestLanguage()).locale;
}

export async function getRequestTimeZone(): Promise<string> {
  return (await getRequestLanguage()).timeZone;
}

/**
 * A translator for one language, no request needed: e-mails in the recipient's language
 * (`translatorFor(user.locale ?? DEFAULT_LOCALE, 'email')`), and tests.
 */
export function translatorFor<const NS extends Namespace = never>(locale: Locale, namespace?: NS) {
  return createTranslator<Messages, NS>({ locale, messages: CATALOGUES[locale], namespace });
}

export type Translator<NS extends Namespace = never> = ReturnType<typeof translatorFor<NS>>;

/** A translator in this request's language: `const t = await getTranslator('login'); t('title')`. */
export async function getTranslator<const NS extends Namespace = never>(namespace?: NS): Promise<Translator<NS>> {
  return translatorFor<NS>(await getRequestLocale(), namespace);
}

/** The text of a Message (a key, or a key with values) in one language. */
export function translateMessage(locale: Locale, message: Message): string {
  const t = translatorFor(locale);
  return typeof message === 'string' ? t(message) : t(message.key, message.values);
}

/** The text of a Message in this request's language: what an action puts in FormState.message. */
export async function translate(message: Message): Promise<string> {
  return translateMessage(await getRequestLocale(), message);
}

/**
 * zod's field errors, written as message keys (messageKey('login.emailRequired')), as text in
 * this request's language. A message that is not a key (zod's own, for a case no schema
 * message covers) becomes the generic "check this field" text rather than English.
 * `values` are the arguments of the schema's messages that take some (a limit from a
 * constant, say: `{ max: MAX_GRACE_DAYS }`); ICU ignores the ones a message does not use.
 */
export async function translateFieldErrors(
  fieldErrors: Record<string, string[] | undefined>,
  values?: MessageValues,
): Promise<Record<string, string[] | undefined>> {
  const locale = await getRequestLocale();
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, errors]) => [
      field,
      errors?.map((error) => translateMessage(locale, isMessageKey(error) ? (values ? { key: error, values } : error) : 'errors.invalidField')),
    ]),
  );
}

/** Dates and times in a language and time zone (e-mails: the recipient's). */
export function dateFormatFor(locale: Locale, timeZone: string): DateFormat {
  return dateFormat({ locale, timeZone });
}

/** Dates and times in this request's language and time zone: `(await getDateFormat()).dateTimeWithZone(event.createdAt)`. */
export async function getDateFormat(): Promise<DateFormat> {
  return dateFormat(await getRequestLanguage());
}
