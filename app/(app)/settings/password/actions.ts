'use server';
import { z } from 'zod';
import type { FormState } from '@/lib/forms/form-state';
import { isFormData, textField } from '@/lib/forms/form-input';
import { tryAgainLater } from '@/lib/forms/try-again-later';
import { requireActiveSession } from '@/lib/auth/guards';
import { getRequestMeta } from '@/lib/auth/request-meta';
import { changePassword } from '@/lib/auth/change-password';
import { PASSWORD_LOCK_MS } from '@/lib/auth/limits';
import { PASSWORD_MAX_LENGTH } from '@/lib/auth/password-limits';
import {
  confirmMatches,
  mismatchIssue,
  newPasswordFields,
  passwordTryAgainMessage,
  passwordUnreadableForm,
  rejectedPasswordState,
} from '@/lib/auth/password-form-messages';
import { messageKey } from '@/lib/i18n/messages';
import { getRequestLocale, translate, translateFieldErrors } from '@/lib/i18n/server';

const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, messageKey('password.fields.currentRequired')).max(PASSWORD_MAX_LENGTH, messageKey('password.change.incorrect')),
    ...newPasswordFields,
  })
  .refine(confirmMatches, mismatchIssue);

/** "Change password" (S17): a signed-in user only; the current password is checked under the login's guess limit. */
export async function changeOwnPassword(_prev: FormState, formData: FormData): Promise<FormState> {
  const { user, sessionId } = await requireActiveSession();
  if (!isFormData(formData)) return passwordUnreadableForm();
  const parsed = ChangePasswordSchema.safeParse({
    currentPassword: textField(formData, 'currentPassword'),
    newPassword: textField(formData, 'newPassword'),
    confirmPassword: textField(formData, 'confirmPassword'),
  });
  if (!parsed.success) return { fieldErrors: await translateFieldErrors(z.flattenError(parsed.error).fieldErrors) };
  try {
    const result = await changePassword(
      {
        userId: user.id,
        sessionId,
        currentPassword: parsed.data.currentPassword,
        newPassword: parsed.data.newPassword,
        requestLocale: await getRequestLocale(),
      },
      await getRequestMeta(),
    );
    switch (result.kind) {
      case 'incorrect':
        return { fieldErrors: { currentPassword: [await translate('password.change.incorrect')] } };
      case 'locked':
        return { message: await translate({ key: 'password.change.locked', values: { minutes: PASSWORD_LOCK_MS / 60_000 } }) };
      case 'rejected-password':
        return rejectedPasswordState(result.verdict);
      case 'changed':
        return { ok: true, message: await translate({ key: 'password.change.done', values: { count: result.sessionsEnded } }) };
    }
  } catch (error) {
    return { ...tryAgainLater(error), message: await passwordTryAgainMessage() };
  }
}
