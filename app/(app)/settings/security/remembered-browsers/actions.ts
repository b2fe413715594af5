'use server';
import { revalidatePath } from 'next/cache';
import type { FormState } from '@/lib/forms/form-state';
import { tryAgainLater } from '@/lib/forms/try-again-later';
import { isFormData, textField, unreadableForm } from '@/lib/forms/form-input';
import { requireActiveSession } from '@/lib/auth/guards';
import { getRequestMeta } from '@/lib/auth/request-meta';
import { forgetRememberedBrowser } from '@/lib/auth/remembered-browsers';
import { translate } from '@/lib/i18n/server';

/** "Forget" on a remembered browser (S18): only the caller's own; any other id is "already forgotten". */
export async function forgetBrowser(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const { user } = await requireActiveSession();
    if (!isFormData(formData)) return unreadableForm();
    const id = textField(formData, 'id').slice(0, 64);
    const forgotten = id !== '' && (await forgetRememberedBrowser(user.id, id, await getRequestMeta()));
    revalidatePath('/settings/security');
    return forgotten
      ? { ok: true, message: await translate('rememberBrowser.security.forgotten') }
      : { message: await translate('rememberBrowser.security.notFound') };
  } catch (error) {
    return tryAgainLater(error);
  }
}
