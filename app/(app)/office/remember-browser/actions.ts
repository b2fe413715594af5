'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { FormState } from '@/lib/forms/form-state';
import { tryAgainLater } from '@/lib/forms/try-again-later';
import { isFormData, textField, unreadableForm } from '@/lib/forms/form-input';
import { requireOfficeAdmin } from '@/lib/auth/guards';
import { getRequestMeta } from '@/lib/auth/request-meta';
import { REMEMBER_BROWSER_MAX_DAYS } from '@/lib/auth/limits';
import { setRememberBrowserDays } from '@/lib/offices/set-remember-browser-days';
import { translate } from '@/lib/i18n/server';

const DaysSchema = z.coerce.number().int().min(0).max(REMEMBER_BROWSER_MAX_DAYS);

/** The office's own admins only: the office is the caller's, never a form field (S18). */
export async function saveRememberBrowserDays(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const { user } = await requireOfficeAdmin();
    if (!isFormData(formData)) return unreadableForm();
    const raw = textField(formData, 'rememberBrowserDays').trim();
    const values = { rememberBrowserDays: raw.slice(0, 10) };
    const parsed = DaysSchema.safeParse(raw === '' ? undefined : raw);
    if (!parsed.success) {
      return {
        fieldErrors: { rememberBrowserDays: [await translate({ key: 'rememberBrowser.office.invalid', values: { max: REMEMBER_BROWSER_MAX_DAYS } })] },
        values,
      };
    }
    await setRememberBrowserDays({ officeId: user.officeId, adminId: user.id, days: parsed.data }, await getRequestMeta());
    revalidatePath('/office');
    return {
      ok: true,
      message: await translate({ key: 'rememberBrowser.office.saved', values: { days: parsed.data } }),
      values: { rememberBrowserDays: String(parsed.data) },
    };
  } catch (error) {
    return tryAgainLater(error);
  }
}
