import type { Locale } from '@/lib/i18n/locale';

/**
 * Dates and times in the reader's language and time zone (docs/decisions/0012-languages.md):
 * nl "29 nov 2026, 08:14", fr "29 nov. 2026, 08:14", en "29 Nov 2026, 08:14", as CLDR writes
 * them for Belgium (nl-BE, fr-BE) and, for English, day-month-year and 24 hours (en-GB).
 * withZone names the zone ("08:14 CET", in French "08:14 UTC+1") where a reader compares
 * times or may be elsewhere: the audit log, security activity, e-mails, deadlines.
 * Plain functions, no request: pages get the locale and zone from getDateFormat()
 * (lib/i18n/server.ts), client components from useDateFormat(), e-mails from the recipient.
 */
export type DateFormat = {
  /** 29 nov 2026 */
  date(date: Date): string;
  /** 29 nov 2026, 08:14 */
  dateTime(date: Date): string;
  /** 29 nov 2026, 08:14 CET */
  dateTimeWithZone(date: Date): string;
};

/** The Intl locale each of our languages formats with. */
export const FORMAT_LOCALES: Record<Locale, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };

const STYLES = {
  date: { day: 'numeric', month: 'short', year: 'numeric' },
  dateTime: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  dateTimeWithZone: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' },
} satisfies Record<keyof DateFormat, Intl.DateTimeFormatOptions>;

// Building an Intl.DateTimeFormat costs far more than using one; a few dozen exist at most (3 languages × zones in use × 3 styles).
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, timeZone: string, style: keyof DateFormat): Intl.DateTimeFormat {
  const id = `${locale}|${timeZone}|${style}`;
  let existing = formatters.get(id);
  if (!existing) {
    existing = new Intl.DateTimeFormat(FORMAT_LOCALES[locale], { ...STYLES[style], timeZone });
    formatters.set(id, existing);
  }
  return existing;
}

export function dateFormat({ locale, timeZone }: { locale: Locale; timeZone: string }): DateFormat {
  return {
    date: (date) => formatter(locale, timeZone, 'date').format(date),
    dateTime: (date) => formatter(locale, timeZone, 'dateTime').format(date),
    dateTimeWithZone: (date) => formatter(locale, timeZone, 'dateTimeWithZone').format(date),
  };
}

/** A limit's length as a message says it: "15 minutes", "2 hours". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes >= 60 && minutes % 60 === 0) return `${minutes / 60} ${minutes === 60 ? 'hour' : 'hours'}`;
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}
