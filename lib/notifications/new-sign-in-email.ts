import 'server-only';
import type { TxClient } from '@/lib/db';
import type { RequestMeta } from '@/lib/auth/request-meta';
import { browserSummary } from '@/lib/sessions/describe-user-agent';
import { env, productConfig } from '@/lib/env';
import { isLocale } from '@/lib/i18n/locale';
import { dateFormatFor, translatorFor } from '@/lib/i18n/server';
import { putInOutbox } from './outbox';

/** The outbox kind of the "new sign-in to your account" e-mail (S19). */
export const NEW_SIGN_IN_KIND = 'new_sign_in';

/** Whom the e-mail goes to: read with the completed login's session (lib/auth/complete-login.ts), not again. */
export type NewSignInRecipient = { id: string; email: string; name: string; locale: string | null; timeZone: string | null };

/**
 * "New sign-in to your account", in the recipient's language, put in the outbox inside the
 * transaction that records the login's browser, and sent once it commits (S12, decision 0010).
 */
export async function enqueueNewSignInEmail(tx: TxClient, { user, meta, now }: { user: NewSignInRecipient; meta: RequestMeta; now: Date }): Promise<void> {
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
  await putInOutbox(tx, { userId: user.id, kind: NEW_SIGN_IN_KIND, toEmail: user.email, subject: `${APP_NAME}: ${t('newSignInSubject')}`, body, now });
}
