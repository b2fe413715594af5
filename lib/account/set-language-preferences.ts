import 'server-only';
import { db } from '@/lib/db';
import type { Locale } from '@/lib/i18n/locale';

/**
 * The language and time zone of a user's account (User.locale, User.timeZone): their pages
 * (lib/i18n/server.ts) and the e-mails sent to them, also those someone else's action sends.
 * Without a time zone (the language switcher's call) only the language changes. The caller
 * has checked the zone with isTimeZone() (lib/i18n/locale.ts); `userId` comes from the
 * caller's session, never from a form.
 *
 * No audit event: a language or a time zone is not an authentication event and says nothing
 * about who holds the account (S11 records sign-ins, 2FA changes and the helpdesk's actions);
 * no notification either.
 */
export async function setLanguagePreferences(userId: string, { locale, timeZone }: { locale: Locale; timeZone?: string }): Promise<void> {
  // Stored as the runtime names it ("europe/brussels" is accepted as Europe/Brussels), so the form shows it selected.
  const zone = timeZone === undefined ? {} : { timeZone: new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone };
  await db.user.updateMany({ where: { id: userId }, data: { locale, ...zone } });
}
