import 'server-only';
import { reminderNowStatus } from '@/lib/reminders/send-reminders-now';
import { getDateFormat, getTranslator } from '@/lib/i18n/server';
import { Card } from '@/components/ui/card';
import { RemindersNowForm } from './reminders-now-form';

/**
 * "Send a reminder now" on the office page (S21). Usable whenever members lack 2FA, whether or not
 * the office requires it (an admin may ask before requiring; the mail then names no deadline); at
 * most once a day, and the card says from when, in the admin's time zone.
 */
export async function RemindersNowCard({ officeId }: { officeId: string }) {
  const [status, t, format] = await Promise.all([reminderNowStatus(officeId), getTranslator('reminders.office'), getDateFormat()]);
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t('title')}</h2>
      <p className="mt-1 text-sm text-slate-700">{t('intro')}</p>
      <p className="mt-3 text-sm font-medium text-slate-900" data-testid="reminders-count">
        {t('count', { count: status.membersWithoutTwoFactor })}
      </p>
      {status.membersWithoutTwoFactor > 0 && (
        <div className="mt-4">
          <RemindersNowForm nextAt={status.nextAllowedAt ? t('nextAt', { when: format.dateTimeWithZone(status.nextAllowedAt) }) : null} />
        </div>
      )}
    </Card>
  );
}
