import 'server-only';
import type { RequestMeta } from '@/lib/auth/request-meta';
import { browserSummary } from '@/lib/sessions/describe-user-agent';
import { env, productConfig } from '@/lib/env';
import { isLocale } from '@/lib/i18n/locale';
import { dateFormatFor, translatorFor } from '@/lib/i18n/server';
import type { OutboxMessageInput } from './outbox';

/** The outbox kind of the "new sign-in to your account" e-mail (S19). */
export const NEW_SIGN_IN_KIND = 'new_sign_in';

/** Whom the e-mail goes to: read with the completed login's session (lib/auth/complete-login.ts), not again. */
export type NewSignInRecipient = { id: string; email: string; name: string; locale: string | null; timeZone: string | null };

/**
 * "New sign-in to your account", written in the recipient's language, ready for the outbox: the
 * completed login puts it there with the login's browser, in one transaction, and it is sent once
 * that commits (S12, decision 0010). Written before the transaction, so no other request waits
 * for it (SQLite's one connection is held from BEGIN to COMMIT).
 */
export function newSignInEmail({ user, meta, now }: { user: NewSignInRecipient; meta: RequestMeta; now: Date }): OutboxMessageInput {
  const { APP_NAME, HELPDESK_EMAIL } = env();
  const { DEFAULT_LOCALE, DEFAULT_TIME_ZONE } = productConfig();
  const locale = isLocale(user.locale) ? user.locale : DEFAULT_LOCALE;
  const t = translatorFor(locale, 'rememberBrowser.email');
  const greeting = translatorFor(locale, 'email');
  const when = dateFormatFor(locale, user.timeZone ?? DEFAULT_TIME_ZONE).dateTimeWithZone(now);
  const body = [
    greeting('greeting', { name: user.name }),
    '',
    t('newSignInBody'),
    '',
    t('when', { when }),
    t('ip', { ip: meta.ip ?? t('unknown') }),
    t('browser', { browser: browserSummary(meta.userAgent) ?? t('unknown') }),
    '',
    t('newSignInWhatToDo', { helpdeskEmail: HELPDESK_EMAIL }),
    '',
    `— ${APP_NAME}`,
  ].join('\n');
  return { userId: user.id, kind: NEW_SIGN_IN_KIND, toEmail: user.email, subject: `${APP_NAME}: ${t('newSignInSubject')}`, body, now };
}
