import 'server-only';
import { z } from 'zod';
import type { FormState } from '@/lib/forms/form-state';
import { messageKey } from '@/lib/i18n/messages';
import { getRequestLocale, translate, translateMessage } from '@/lib/i18n/server';
import { EMAIL_MAX_LENGTH } from './email-address';
import { passwordVerdictMessages, type PasswordVerdict } from './password-policy';
import { NO_CONTROL_CHARACTERS } from '@/lib/forms/control-characters';

/** What the three password forms share: the e-mail field, the new password twice, and the wording of a refused password. */

export const emailField = z
  .string()
  .trim()
  .min(1, messageKey('password.fields.emailRequired'))
  .max(EMAIL_MAX_LENGTH, messageKey('password.fields.emailTooLong'))
  .regex(NO_CONTROL_CHARACTERS, messageKey('password.fields.emailInvalid'));

/** The new password twice. Its length and strength are checked by checkNewPassword(), with zxcvbn's feedback. */
export const newPasswordFields = {
  newPassword: z.string().min(1, messageKey('password.fields.newPasswordRequired')),
  confirmPassword: z.string().min(1, messageKey('password.fields.confirmRequired')),
};

export function confirmMatches(value: { newPassword: string; confirmPassword: string }): boolean {
  return value.newPassword === value.confirmPassword;
}

export const mismatchIssue = { message: messageKey('password.fields.mismatch'), path: ['confirmPassword'] };

/** A refused new password: the rule and zxcvbn's feedback under the new-password field, in the reader's language. */
export async function rejectedPasswordState(verdict: Exclude<PasswordVerdict, { kind: 'ok' }>, state: FormState = {}): Promise<FormState> {
  const locale = await getRequestLocale();
  return { ...state, fieldErrors: { newPassword: passwordVerdictMessages(verdict).map((message) => translateMessage(locale, message)) } };
}

export async function passwordTryAgainMessage(): Promise<string> {
  return translate('password.errors.tryAgain');
}

export async function passwordUnreadableForm(): Promise<FormState> {
  return { message: await translate('password.errors.unreadable') };
}
