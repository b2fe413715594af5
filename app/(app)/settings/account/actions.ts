'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { FormState } from '@/lib/forms/form-state';
import { isFormData, textField, unreadableForm } from '@/lib/forms/form-input';
import { requireActiveSession } from '@/lib/auth/guards';
import { setLanguagePreferences } from '@/lib/account/set-language-preferences';
import { isTimeZone, LOCALES } from '@/lib/i18n/locale';
import { setLocaleCookie } from '@/lib/i18n/locale-cookie';
import { messageKey } from '@/lib/i18n/messages';
import { translateFieldErrors } from '@/lib/i18n/server';

const LanguagePreferencesSchema = z.object({
  locale: z.enum(LOCALES, messageKey('account.languageInvalid')),
  // Any zone this runtime can format in, not only the list's: the list is the runtime's own, plus UTC and aliases it accepts.
  timeZone: z.string().refine(isTimeZone, messageKey('account.timeZoneInvalid')),
});

/**
 * "Language and time zone" (account settings): the caller's own account only, the user from
 * the session. Saving also sets this browser's language cookie, so the login page after
 * logging out speaks the language just chosen (0200, "Account setting"). The answer is the
 * page again, rendered in the new language.
 */
export async function saveLanguagePreferences(_prev: FormState, formData: FormData): Promise<FormState> {
  const { user } = await requireActiveSession();
  if (!isFormData(formData)) return unreadableForm();
  const parsed = LanguagePreferencesSchema.safeParse({ locale: textField(formData, 'locale'), timeZone: textField(formData, 'timeZone') });
  if (!parsed.success) {
    const values = { locale: textField(formData, 'locale').slice(0, 10), timeZone: textField(formData, 'timeZone').slice(0, 64) };
    return { fieldErrors: await translateFieldErrors(z.flattenError(parsed.error).fieldErrors), values };
  }
  await setLanguagePreferences(user.id, parsed.data);
  await setLocaleCookie(parsed.data.locale);
  redirect('/settings/account?saved=1');
}
