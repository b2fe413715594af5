'use server';
import { redirect } from 'next/navigation';
import type { FormState } from '@/lib/forms/form-state';
import { isFormData, textField, unreadableForm } from '@/lib/forms/form-input';
import { requireEnrolmentAccess } from '@/lib/auth/guards';
import { getRequestMeta } from '@/lib/auth/request-meta';
import { PASSWORD_LOCKED } from '@/lib/auth/login-messages';
import { confirmPasswordAgain } from '@/lib/auth/confirm-password-again';
import { translate } from '@/lib/i18n/server';
import { startEnrolment } from '@/lib/two-factor/start-enrolment';
import { PASSWORD_INCORRECT, PASSWORD_REQUIRED, PASSWORD_TOO_LONG } from '@/lib/two-factor/messages';

/**
 * S26: the password again before turning 2FA on, for a sign-in older than STEP_UP_WINDOW_MS.
 * Then on to the enrolment, started afresh.
 */
export async function confirmPasswordToEnable(_prev: FormState, formData: FormData): Promise<FormState> {
  const { user, sessionId } = await requireEnrolmentAccess();
  if (!isFormData(formData)) return unreadableForm();
  const password = textField(formData, 'password');
  if (!password) return { fieldErrors: { password: [await translate(PASSWORD_REQUIRED)] } };
  if (password.length > 1024) return { fieldErrors: { password: [await translate(PASSWORD_TOO_LONG)] } };

  const meta = await getRequestMeta();
  const result = await confirmPasswordAgain({ userId: user.id, sessionId, password }, meta);
  switch (result.kind) {
    case 'incorrect':
      return { fieldErrors: { password: [await translate(PASSWORD_INCORRECT)] } };
    case 'locked':
      return { message: await translate(PASSWORD_LOCKED) };
    case 'confirmed':
      break;
  }
  // Always a new secret: one shown on the enable page before this (to whoever held the session then) is not the one that gets confirmed.
  const started = await startEnrolment(user.id, meta);
  redirect(started.kind === 'started' ? '/settings/2fa/enable' : '/settings/2fa');
}
