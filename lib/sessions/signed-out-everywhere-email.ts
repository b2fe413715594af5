import 'server-only';
import type { TxClient } from '@/lib/db';
import { env, productConfig } from '@/lib/env';
import { isLocale, resolveTimeZone } from '@/lib/i18n/locale';
import { dateFormatFor, translatorFor } from '@/lib/i18n/server';
import { putInOutbox } from '@/lib/notifications/outbox';

/** The outbox kind of this e-mail (OutboxMessage.kind). */
export const SIGNED_OUT_EVERYWHERE_KIND = 'signed_out_everywhere';

/**
 * Tells the user the helpdesk signed them out everywhere (S12), in their language and time
 * zone. Written to the outbox in the transaction of the change and delivered after commit
 * (docs/decisions/0010-transactions-and-mail-after-commit.md). Says nothing of the agent, the
 * ticket or the reason: those are for the audit log.
 */
export async function enqueueSignedOutEverywhereEmail(tx: TxClient, userId: string, now: Date): Promise<void> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true, locale: true, timeZone: true } });
  const { DEFAULT_LOCALE, DEFAULT_TIME_ZONE } = productConfig();
  const { APP_NAME, HELPDESK_EMAIL } = env();
  const locale = isLocale(user.locale) ? user.locale : DEFAULT_LOCALE;
  const t = translatorFor(locale, 'sessions.email');
  const when = dateFormatFor(locale, resolveTimeZone({ userTimeZone: user.timeZone, fallback: DEFAULT_TIME_ZONE })).dateTimeWithZone(now);
  const body = [
    t('greeting', { name: user.name }),
    '',
    t('signedOutEverywhereBody'),
    '',
    t('when', { when }),
    '',
    t('notYou', { helpdeskEmail: HELPDESK_EMAIL }),
    '',
    `— ${APP_NAME}`,
  ].join('\n');
  await putInOutbox(tx, {
    userId,
    kind: SIGNED_OUT_EVERYWHERE_KIND,
    toEmail: user.email,
    subject: t('signedOutEverywhereSubject', { appName: APP_NAME }),
    body,
    now,
  });
}
