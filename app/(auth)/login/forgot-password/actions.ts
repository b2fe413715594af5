'use server';
import { z } from 'zod';
import type { FormState } from '@/lib/forms/form-state';
import { isFormData, textField } from '@/lib/forms/form-input';
import { tryAgainLater } from '@/lib/forms/try-again-later';
import { getRequestMeta } from '@/lib/auth/request-meta';
import { EMAIL_MAX_LENGTH } from '@/lib/auth/email-address';
import { requestPasswordReset } from '@/lib/auth/request-password-reset';
import { RESET_TOKEN_LIFETIME_MS } from '@/lib/auth/password-limits';
import { emailField, passwordTryAgainMessage, passwordUnreadableForm } from '@/lib/auth/password-form-messages';
import { getRequestLocale, translate, translateFieldErrors } from '@/lib/i18n/server';

const ForgotPasswordSchema = z.object({ email: emailField });

/**
 * Public by design, like the login (S16): anyone may ask for a link for any address. The answer
 * is the same for every well-formed address, known or not, within its budget or not.
 */
export async function requestPasswordResetLink(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!isFormData(formData)) return passwordUnreadableForm();
  const email = textField(formData, 'email');
  const values = { email: email.slice(0, EMAIL_MAX_LENGTH) };
  const parsed = ForgotPasswordSchema.safeParse({ email });
  if (!parsed.success) return { fieldErrors: await translateFieldErrors(z.flattenError(parsed.error).fieldErrors), values };
  try {
    await requestPasswordReset({ email: parsed.data.email, requestLocale: await getRequestLocale() }, await getRequestMeta());
    return { ok: true, message: await translate({ key: 'password.forgot.sent', values: { hours: RESET_TOKEN_LIFETIME_MS / 3_600_000 } }) };
  } catch (error) {
    return { ...tryAgainLater(error, { values }), message: await passwordTryAgainMessage() };
  }
}
