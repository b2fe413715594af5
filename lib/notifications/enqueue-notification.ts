import 'server-only';
import type { TxClient } from '@/lib/db';
import type { RequestMeta } from '@/lib/auth/request-meta';
import { env } from '@/lib/env';
import { resolveLocale, resolveTimeZone } from '@/lib/i18n/locale';
import { renderNotification, type NotificationKind } from './templates';
import { putInOutbox } from './outbox';

/**
 * Puts a notification in the outbox inside the transaction of the change it reports, so a
 * change is never made without its message, and a failed send never undoes the change. Its
 * delivery is scheduled here too, to start once that transaction commits (so `tx` must come
 * from transaction() in lib/db/transaction.ts); callers do nothing more.
 *
 * The message is written in the recipient's language and time zone, read with their address
 * in the same statement: not the language of the request, which may be a helpdesk agent's or
 * an office admin's. Rendered now, not at delivery, so a retried send says the same thing.
 */
export async function enqueueNotification(
  tx: TxClient,
  {
    userId,
    kind,
    meta,
    now = new Date(),
    deadline,
    codesLeft,
    keyName,
  }: { userId: string; kind: NotificationKind; meta: RequestMeta; now?: Date; deadline?: Date; codesLeft?: number; keyName?: string },
): Promise<void> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true, locale: true, timeZone: true } });
  const { APP_NAME, HELPDESK_EMAIL, DEFAULT_LOCALE, DEFAULT_TIME_ZONE } = env();
  const { subject, body } = renderNotification(kind, {
    locale: resolveLocale({ userLocale: user.locale, fallback: DEFAULT_LOCALE }),
    timeZone: resolveTimeZone({ userTimeZone: user.timeZone, fallback: DEFAULT_TIME_ZONE }),
    appName: APP_NAME,
    helpdeskEmail: HELPDESK_EMAIL,
    name: user.name,
    at: now,
    deadline,
    codesLeft,
    keyName,
    ...meta,
  });
  await putInOutbox(tx, { userId, kind, toEmail: user.email, subject, body, now });
}
