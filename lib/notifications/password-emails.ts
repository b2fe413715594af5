import 'server-only';
import type { TxClient } from '@/lib/db';
import type { RequestMeta } from '@/lib/auth/request-meta';
import { env, productConfig } from '@/lib/env';
import { isLocale, resolveTimeZone, type Locale } from '@/lib/i18n/locale';
import { dateFormatFor, translatorFor } from '@/lib/i18n/server';
import { RESET_TOKEN_LIFETIME_MS } from '@/lib/auth/password-limits';
import { putInOutbox } from './outbox';

/**
 * The e-mails of the password flows (S16, S17), in the recipient's language: their own setting,
 * else the language of the page they asked from (a reset is asked by someone who is not signed
 * in, most likely the owner reading the page in their language). Written to the outbox in the
 * transaction of the change and sent after it commits, as every notification is (S12).
 */

export type PasswordEmailKind = 'password_reset_link' | 'password_reset_done' | 'password_changed';

type Recipient = { id: string; email: string; name: string; locale: string | null; timeZone: string | null };

export function renderPasswordEmail(
  kind: PasswordEmailKind,
  { name, locale, timeZone, at, meta, link }: { name: string; locale: Locale; timeZone: string; at: Date; meta: RequestMeta; link?: string },
): { subject: string; body: string } {
  const t = translatorFor(locale, 'password.email');
  const { APP_NAME, HELPDESK_EMAIL } = productConfig();
  const minutes = Math.round(RESET_TOKEN_LIFETIME_MS / 60_000);
  const lines = [
    t('greeting', { name }),
    '',
    t(`${kind}.body`, { minutes }),
    ...(link ? ['', link, '', t('password_reset_link.ignore')] : []),
    '',
    t('when', { when: dateFormatFor(locale, timeZone).dateTimeWithZone(at) }),
    t('ip', { ip: meta.ip ?? t('unknown') }),
    t('browser', { browser: meta.userAgent ?? t('unknown') }),
    '',
    t('notYou', { helpdeskEmail: HELPDESK_EMAIL }),
    '',
    `— ${APP_NAME}`,
  ];
  return { subject: t(`${kind}.subject`, { appName: APP_NAME }), body: lines.join('\n') };
}

export async function enqueuePasswordEmail(
  tx: TxClient,
  {
    user,
    kind,
    requestLocale,
    meta,
    now,
    link,
  }: { user: Recipient; kind: PasswordEmailKind; requestLocale: Locale; meta: RequestMeta; now: Date; link?: string },
): Promise<void> {
  const { subject, body } = renderPasswordEmail(kind, {
    name: user.name,
    locale: isLocale(user.locale) ? user.locale : requestLocale,
    timeZone: resolveTimeZone({ userTimeZone: user.timeZone, fallback: env().DEFAULT_TIME_ZONE }),
    at: now,
    meta,
    link,
  });
  await putInOutbox(tx, { userId: user.id, kind, toEmail: user.email, subject, body, now });
}
