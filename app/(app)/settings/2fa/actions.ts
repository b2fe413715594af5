'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { FormState } from '@/lib/forms/form-state';
import { isFormData, textField, unreadableForm } from '@/lib/forms/form-input';
import { requireActiveSession, requireEnrolmentAccess } from '@/lib/auth/guards';
import { requireFreshSecondFactor, requireRecentSignIn } from '@/lib/auth/step-up';
import { getRequestMeta } from '@/lib/auth/request-meta';
import { translate, translateFieldErrors } from '@/lib/i18n/server';
import { parseVerificationCode } from '@/lib/two-factor/code-format';
import { PASSWORD_LOCKED } from '@/lib/auth/login-messages';
import { startEnrolment } from '@/lib/two-factor/start-enrolment';
import { confirmEnrolment } from '@/lib/two-factor/confirm-enrolment';
import { disableTwoFactor } from '@/lib/two-factor/disable-two-factor';
import { regenerateRecoveryCodes } from '@/lib/two-factor/regenerate-recovery-codes';
import {
  ALREADY_DISABLED,
  ENROLMENT_CODE_NOT_ACCEPTED,
  ENROLMENT_GONE,
  PASSWORD_INCORRECT,
  PASSWORD_REQUIRED,
  PASSWORD_TOO_LONG,
  RECOVERY_CODES_NEED_TWO_FACTOR,
  REQUIRED_BY_OFFICE,
} from '@/lib/two-factor/messages';

/** Enable 2FA, step 1: a fresh secret (also "start again"). */
export async function beginEnrolment(): Promise<void> {
  const session = await requireEnrolmentAccess();
  const { user } = session;
  await requireRecentSignIn(session);
  const result = await startEnrolment(user.id, await getRequestMeta());
  redirect(result.kind === 'started' ? '/settings/2fa/enable' : '/settings/2fa');
}

/** Enable 2FA, last step: the code from the new secret. The answer carries the new recovery codes, once. */
export async function finishEnrolment(_prev: FormState, formData: FormData): Promise<FormState> {
  const session = await requireEnrolmentAccess();
  const { user, sessionId } = session;
  if (!isFormData(formData)) return unreadableForm();
  await requireRecentSignIn(session);
  const parsed = parseVerificationCode(textField(formData, 'code'));
  if (!parsed.ok) return { fieldErrors: { code: [await translate(parsed.message)] } };

  const result = await confirmEnrolment({ userId: user.id, sessionId, code: parsed.code }, await getRequestMeta());
  if (result.kind === 'wrong') return { fieldErrors: { code: [await translate(ENROLMENT_CODE_NOT_ACCEPTED)] } };
  if (result.kind === 'no-enrolment') return { message: await translate(ENROLMENT_GONE) };
  return { ok: true, recoveryCodes: result.recoveryCodes };
}

// A missing field or a file part is an empty one (textField): its own message, not the validator's.
const PasswordSchema = z.object({ password: z.string(PASSWORD_REQUIRED).min(1, PASSWORD_REQUIRED).max(1024, PASSWORD_TOO_LONG) });

/** The answer to a password that did not pass, the same wherever the password confirms a change (S5). */
async function passwordRefused(kind: 'incorrect' | 'locked'): Promise<FormState> {
  return kind === 'incorrect' ? { fieldErrors: { password: [await translate(PASSWORD_INCORRECT)] } } : { message: await translate(PASSWORD_LOCKED) };
}

export async function turnOffTwoFactor(_prev: FormState, formData: FormData): Promise<FormState> {
  const { user, sessionId } = await requireActiveSession();
  if (!isFormData(formData)) return unreadableForm();
  const parsed = PasswordSchema.safeParse({ password: textField(formData, 'password') });
  if (!parsed.success) return { fieldErrors: await translateFieldErrors(z.flattenError(parsed.error).fieldErrors) };

  const result = await disableTwoFactor({ userId: user.id, sessionId, password: parsed.data.password }, await getRequestMeta());
  switch (result.kind) {
    case 'incorrect':
    case 'locked':
      return passwordRefused(result.kind);
    case 'not-enabled':
      return { message: await translate(ALREADY_DISABLED) };
    case 'required-by-office':
      return { message: await translate(REQUIRED_BY_OFFICE) };
    case 'disabled':
      return { ok: true };
  }
}

/** New recovery codes for the whole set, with the password (S13, S5). The answer carries them, once. */
export async function generateRecoveryCodes(_prev: FormState, formData: FormData): Promise<FormState> {
  const session = await requireActiveSession();
  const { user } = session;
  if (!isFormData(formData)) return unreadableForm();
  const stepUp = await requireFreshSecondFactor(session, formData, '/settings/2fa/recovery-codes');
  if (stepUp) return stepUp;
  const parsed = PasswordSchema.safeParse({ password: textField(formData, 'password') });
  if (!parsed.success) return { fieldErrors: await translateFieldErrors(z.flattenError(parsed.error).fieldErrors) };

  const result = await regenerateRecoveryCodes({ userId: user.id, password: parsed.data.password }, await getRequestMeta());
  switch (result.kind) {
    case 'incorrect':
    case 'locked':
      return passwordRefused(result.kind);
    case 'not-enabled':
      return { message: await translate(RECOVERY_CODES_NEED_TWO_FACTOR) };
    case 'generated':
      return { ok: true, recoveryCodes: result.recoveryCodes };
  }
}
