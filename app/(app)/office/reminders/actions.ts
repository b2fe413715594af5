'use server';
import { revalidatePath } from 'next/cache';
import type { FormState } from '@/lib/forms/form-state';
import { tryAgainLater } from '@/lib/forms/try-again-later';
import { isFormData, textField, unreadableForm } from '@/lib/forms/form-input';
import { requireOfficeAdmin } from '@/lib/auth/guards';
import { requireFreshSecondFactor } from '@/lib/auth/step-up';
import { getRequestMeta } from '@/lib/auth/request-meta';
import { MANUAL_REMINDER_INTERVAL_MS, reminderNowStatus, sendRemindersNow } from '@/lib/reminders/send-reminders-now';
import { getDateFormat, translate } from '@/lib/i18n/server';

const INTERVAL_HOURS = MANUAL_REMINDER_INTERVAL_MS / (60 * 60 * 1000);

/** When it can be used again, in the admin's own time zone, named. */
async function tooSoon(nextAllowedAt: Date): Promise<FormState> {
  const when = (await getDateFormat()).dateTimeWithZone(nextAllowedAt);
  return { message: await translate({ key: 'reminders.office.tooSoon', values: { hours: INTERVAL_HOURS, when } }) };
}

/**
 * "Send a reminder now" (S21). The office's own admins only: the office is the caller's, never a
 * form field. The first click answers with how many members get it; the second (confirm=yes) sends.
 */
export async function sendReminderNow(_prev: FormState, formData: FormData): Promise<FormState> {
  const admin = await requireOfficeAdmin();
  const { user } = admin;
  if (!isFormData(formData)) return unreadableForm();
  // S25: mail to every member without 2FA in the office's name is a privileged action.
  const stepUp = await requireFreshSecondFactor(admin, formData, '/office');
  if (stepUp) return stepUp;
  try {
    if (textField(formData, 'confirm') !== 'yes') {
      const status = await reminderNowStatus(user.officeId);
      if (status.membersWithoutTwoFactor === 0) return { message: await translate('reminders.office.nobody') };
      if (status.nextAllowedAt) return tooSoon(status.nextAllowedAt);
      return {
        fieldErrors: { confirm: [await translate('reminders.office.confirmToSend')] },
        message: await translate({ key: 'reminders.office.preview', values: { count: status.membersWithoutTwoFactor, hours: INTERVAL_HOURS } }),
      };
    }
    const result = await sendRemindersNow({ officeId: user.officeId, adminId: user.id }, await getRequestMeta());
    switch (result.kind) {
      case 'sent':
        revalidatePath('/office');
        return { ok: true, message: await translate({ key: 'reminders.office.sent', values: { count: result.count } }) };
      case 'too_soon':
        return tooSoon(result.nextAllowedAt);
      case 'nobody':
        return { message: await translate('reminders.office.nobody') };
    }
  } catch (error) {
    return tryAgainLater(error);
  }
}
