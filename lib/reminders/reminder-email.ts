import 'server-only';
import type { TxClient } from '@/lib/db';
import { appUrl, env } from '@/lib/env';
import { resolveLocale, resolveTimeZone } from '@/lib/i18n/locale';
import { dateFormatFor, translatorFor } from '@/lib/i18n/server';
import { putInOutbox } from '@/lib/notifications/outbox';
import type { ReminderKind } from './reminder-schedule';

/** The scheduled reminders, and "Send a reminder now" from the office page. */
export type ReminderEmailKind = ReminderKind | 'now';

/** Outbox kinds, to find these mails in the outbox table. */
export const REMINDER_OUTBOX_KIND: Record<ReminderEmailKind, string> = {
  seven_days: 'two_factor_reminder_seven_days',
  one_day: 'two_factor_reminder_one_day',
  due: 'two_factor_reminder_due',
  now: 'two_factor_reminder_now',
};

export type ReminderRecipient = { id: string; email: string; name: string; locale: string | null; timeZone: string | null };

/**
 * A 2FA reminder in the outbox, inside the caller's transaction (decision 0010): in the
 * recipient's language and time zone, with what to do, the link to Manage 2FA and the deadline
 * with its zone named. `deadline` null: the office asks without a deadline ("Send a reminder now"
 * in an office that does not require 2FA).
 */
export async function enqueueReminderEmail(
  tx: TxClient,
  { user, kind, deadline, now }: { user: ReminderRecipient; kind: ReminderEmailKind; deadline: Date | null; now: Date },
): Promise<void> {
  const { APP_NAME, HELPDESK_EMAIL, DEFAULT_LOCALE, DEFAULT_TIME_ZONE } = env();
  const locale = resolveLocale({ userLocale: user.locale, fallback: DEFAULT_LOCALE });
  const format = dateFormatFor(locale, resolveTimeZone({ userTimeZone: user.timeZone, fallback: DEFAULT_TIME_ZONE }));
  const t = translatorFor(locale, 'reminders.email');
  const common = translatorFor(locale, 'email');
  const when = deadline ? format.dateTimeWithZone(deadline) : '';
  const passed = deadline !== null && deadline <= now;
  const what =
    kind === 'now'
      ? deadline === null
        ? t('nowNoDeadline')
        : passed
          ? t('nowPassed', { deadline: when })
          : t('nowBefore', { deadline: when })
      : t(`${kind}.body`, { deadline: when });
  const subject =
    kind === 'now' ? (deadline === null ? t('nowSubject') : passed ? t('due.subject') : t('nowSubjectDeadline', { deadline: when })) : t(`${kind}.subject`);
  const body = [
    common('greeting', { name: user.name }),
    '',
    what,
    '',
    t('howTo', { link: `${appUrl()}/settings/2fa` }),
    ...(deadline !== null && !passed ? ['', t('afterDeadline')] : []),
    '',
    t('questions', { helpdeskEmail: HELPDESK_EMAIL }),
    '',
    common('signature', { appName: APP_NAME }),
  ].join('\n');
  await putInOutbox(tx, {
    userId: user.id,
    kind: REMINDER_OUTBOX_KIND[kind],
    toEmail: user.email,
    subject: common('subject', { appName: APP_NAME, subject }),
    body,
    now,
  });
}
