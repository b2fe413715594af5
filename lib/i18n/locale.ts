/**
 * Which language and time zone a request is served in: the one place that decides it.
 * Pure functions (no request, no database), so the rules are unit-tested and the same for
 * pages, server actions and e-mails; lib/i18n/server.ts feeds them the request's values.
 * Also imported by client components (the language switcher), so nothing here is secret.
 */

export const LOCALES = ['nl', 'fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * How each language names itself, for the switcher: always in its own language (a French
 * speaker looks for "Français" on a Dutch page), so these are not catalogue messages.
 */
// i18n-exempt: each language's own name, the same whatever language the page is in
export const LOCALE_LABELS: Record<Locale, { short: string; name: string }> = {
  nl: { short: 'NL', name: 'Nederlands' },
  fr: { short: 'FR', name: 'Français' },
  en: { short: 'EN', name: 'English' },
};

/**
 * The language switcher's cookie. Read only by the server, so HttpOnly; not a secret either
 * (a forged value is ignored unless it names a supported locale), so no __Host- prefix.
 */
export const LOCALE_COOKIE = 'portal_locale';
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/**
 * The best supported locale for an Accept-Language header (RFC 9110 §12.5.4), or null.
 * Ranges are taken by descending q-value (ties keep the header's order); a range matches a
 * locale on its primary subtag (nl-BE → nl, fr-FR → fr, en-GB → en): RFC 4647 "lookup" for
 * our region-less locales. q=0 means "not this one". "*" (any language) is left to the
 * configured default, which is the operator's choice of "any".
 */
export function negotiateAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranges = header
    .slice(0, 1024) // a real header is a few dozen characters; a huge one gets no more work
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.split(';').map((piece) => piece.trim());
      const q = params.find((param) => /^q=/i.test(param));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return { primary: tag.toLowerCase().split('-')[0], quality: Number.isFinite(quality) && quality <= 1 ? quality : 0, index };
    })
    .filter((range) => range.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranges.map((range) => range.primary).find(isLocale) ?? null;
}

/** The inputs of the decision, strongest first. */
export type LocaleSources = {
  /** The signed-in user's own setting (User.locale), when there is one. */
  userLocale?: string | null;
  /** The language switcher's cookie. */
  cookie?: string | null;
  /** The request's Accept-Language header. */
  acceptLanguage?: string | null;
  /** DEFAULT_LOCALE from the environment. */
  fallback: Locale;
};

/** User setting, else the switcher's cookie, else Accept-Language, else the configured default. Invalid values are skipped. */
export function resolveLocale({ userLocale, cookie, acceptLanguage, fallback }: LocaleSources): Locale {
  if (isLocale(userLocale)) return userLocale;
  if (isLocale(cookie)) return cookie;
  return negotiateAcceptLanguage(acceptLanguage) ?? fallback;
}

/** True for a time zone this runtime knows (IANA names such as Europe/Brussels, and UTC). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The user's own time zone (User.timeZone) when valid, else DEFAULT_TIME_ZONE. */
export function resolveTimeZone({ userTimeZone, fallback }: { userTimeZone?: string | null; fallback: string }): string {
  return isTimeZone(userTimeZone) ? userTimeZone : fallback;
}
