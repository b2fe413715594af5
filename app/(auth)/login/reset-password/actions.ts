'use server';
import { z } from 'zod';
import type { FormState } from '@/lib/forms/form-state';
import { isFormData, textField } from '@/lib/forms/form-input';
import { tryAgainLater } from '@/lib/forms/try-again-later';
import { getRequestMeta } from '@/lib/auth/request-meta';
import { resetPassword } from '@/lib/auth/reset-password';
import { RESET_TOKEN_LIFETIME_MS } from '@/lib/auth/password-limits';
import {
  confirmMatches,
  mismatchIssue,
  newPasswordFields,
  passwordTryAgainMessage,
  passwordUnreadableForm,
  rejectedPasswordState,
} from '@/lib/auth/password-form-messages';
import { getRequestLocale, translate, translateFieldErrors } from '@/lib/i18n/server';

const ResetPasswordSchema = z.object(newPasswordFields).refine(confirmMatches, mismatchIssue);

/**
 * Public by design: the token in the form is the only credential (S16). It signs nobody in:
 * the answer is a message with a link to the login page, which then asks for the new password
 * and, with 2FA on, the code.
 */
export async function resetPasswordWithLink(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!isFormData(formData)) return passwordUnreadableForm();
  const parsed = ResetPasswordSchema.safeParse({ newPassword: textField(formData, 'newPassword'), confirmPassword: textField(formData, 'confirmPassword') });
  // The token goes back into the form after a refusal: without JavaScript the page is drawn again from a URL without it.
  const token = textField(formData, 'token').slice(0, 100);
  const values = { token };
  if (!parsed.success) return { fieldErrors: await translateFieldErrors(z.flattenError(parsed.error).fieldErrors), values };
  try {
    const result = await resetPassword({ token, password: parsed.data.newPassword, requestLocale: await getRequestLocale() }, await getRequestMeta());
    switch (result.kind) {
      case 'invalid-link':
        return {
          values: { linkInvalid: 'true' },
          message: await translate({ key: 'password.reset.invalid', values: { hours: RESET_TOKEN_LIFETIME_MS / 3_600_000 } }),
        };
      case 'rejected-password':
        return rejectedPasswordState(result.verdict, { values });
      case 'password-reset':
        return { ok: true, message: await translate('password.reset.done') };
    }
  } catch (error) {
    return { ...tryAgainLater(error, { values }), message: await passwordTryAgainMessage() };
  }
}
