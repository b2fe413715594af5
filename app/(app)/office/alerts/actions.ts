'use server';
import { revalidatePath } from 'next/cache';
import type { FormState } from '@/lib/forms/form-state';
import { tryAgainLater } from '@/lib/forms/try-again-later';
import { isFormData, textField, unreadableForm } from '@/lib/forms/form-input';
import { requireOfficeAdmin } from '@/lib/auth/guards';
import { getRequestMeta } from '@/lib/auth/request-meta';
import { setAdminAlerts } from '@/lib/office-alerts/alert-preference';
import { translate } from '@/lib/i18n/server';

/**
 * An office admin turns the e-mails about their members' 2FA events on or off for themselves
 * (S23). The admin is the session's, never a form field: there is no id to post for another
 * admin. A checkbox: "on" when ticked, absent (or anything else) when not.
 */
export async function saveOfficeAlertPreference(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const { user } = await requireOfficeAdmin();
    if (!isFormData(formData)) return unreadableForm();
    const on = textField(formData, 'alerts') === 'on';
    await setAdminAlerts({ adminId: user.id, officeId: user.officeId, on }, await getRequestMeta());
    revalidatePath('/office');
    return { ok: true, message: await translate(on ? 'officeAlerts.savedOn' : 'officeAlerts.savedOff'), values: { alerts: on ? 'on' : 'off' } };
  } catch (error) {
    return tryAgainLater(error);
  }
}
