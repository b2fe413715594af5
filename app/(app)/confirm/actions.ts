'use server';
import { redirect } from 'next/navigation';
import type { FormState } from '@/lib/forms/form-state';
import { isFormData, textField, unreadableForm } from '@/lib/forms/form-input';
import { requireActiveSession } from '@/lib/auth/guards';
import { getRequestMeta } from '@/lib/auth/request-meta';
import { clearSessionCookie } from '@/lib/auth/session-cookie';
import { safeCallbackUrl } from '@/lib/auth/safe-callback-url';
import { confirmWithCode, type StepUpResult } from '@/lib/auth/confirm-with-code';
import { confirmWithKey, startKeyStepUp } from '@/lib/webauthn/key-step-up';
import { parseAuthenticationResponse } from '@/lib/webauthn/response-json';
import type { KeyLoginPromptState } from '@/app/(auth)/login/verify/key-actions';
import { attemptsLeft, CODE_ALREADY_USED, CODE_NOT_ACCEPTED, RECOVERY_CODE_ALREADY_USED, RECOVERY_CODE_NOT_ACCEPTED } from '@/lib/auth/login-messages';
import { STEP_UP_CONFIRMED, STEP_UP_ENABLE_FIRST, STEP_UP_LOCKED } from '@/lib/auth/step-up-messages';
import { parseVerificationCode } from '@/lib/two-factor/code-format';
import { parseRecoveryCode } from '@/lib/two-factor/recovery-code-format';
import { translate } from '@/lib/i18n/server';

/**
 * "Confirm it's you" (S25): a code from the app or a recovery code for this signed-in session.
 * From the /confirm page (no JavaScript) the form carries `next` and a pass goes back there; in
 * a page's inline step it carries none and the answer says "submit again".
 */
export async function confirmItsYou(_prev: FormState, formData: FormData): Promise<FormState> {
  const session = await requireActiveSession();
  if (!isFormData(formData)) return unreadableForm();
  const recovery = textField(formData, 'method') === 'recovery_code';
  const field = recovery ? 'recoveryCode' : 'code';
  const parsed = recovery ? parseRecoveryCode(textField(formData, 'recoveryCode')) : parseVerificationCode(textField(formData, 'code'));
  if (!parsed.ok) return { fieldErrors: { [field]: [await translate(parsed.message)] } };

  const result = await confirmWithCode(
    { sessionId: session.sessionId, factor: recovery ? 'recovery_code' : 'totp', code: parsed.code },
    await getRequestMeta(),
  );
  const messages = recovery
    ? { wrong: RECOVERY_CODE_NOT_ACCEPTED, replayed: RECOVERY_CODE_ALREADY_USED }
    : { wrong: CODE_NOT_ACCEPTED, replayed: CODE_ALREADY_USED };
  return answer(result, formData, async (kind, left) => ({
    fieldErrors: { [field]: [await translate(messages[kind])] },
    message: await translate(attemptsLeft(left)),
  }));
}

/** The key's prompt for "Confirm it's you" (S24, S25): a challenge bound to this session, the user's own keys. */
export async function startKeyConfirm(_prev: KeyLoginPromptState, formData: FormData): Promise<KeyLoginPromptState> {
  const session = await requireActiveSession();
  if (!isFormData(formData)) return unreadableForm();
  const started = await startKeyStepUp(session.sessionId);
  if (started.kind === 'options') return { ok: true, options: started.options };
  return { message: await translate('securityKeys.login.notAccepted') };
}

/** "Confirm it's you" with a security key: the browser's answer to startKeyConfirm's challenge. */
export async function confirmItsYouWithKey(_prev: FormState, formData: FormData): Promise<FormState> {
  const session = await requireActiveSession();
  if (!isFormData(formData)) return unreadableForm();
  const response = parseAuthenticationResponse(textField(formData, 'response'));
  if (!response) return { message: await translate('securityKeys.login.notAccepted') };
  const result = await confirmWithKey({ sessionId: session.sessionId, response }, await getRequestMeta());
  return answer(result, formData, async (_kind, left) => ({
    message: `${await translate('securityKeys.login.notAccepted')} ${await translate(attemptsLeft(left))}`,
  }));
}

/** The answer of a check, whatever the method: back to `next` or "submit again" on a pass; why not, otherwise. */
async function answer(
  result: StepUpResult,
  formData: FormData,
  refused: (kind: 'wrong' | 'replayed', attemptsLeft: number) => Promise<FormState>,
): Promise<FormState> {
  switch (result.kind) {
    case 'confirmed': {
      const next = textField(formData, 'next');
      if (next) redirect(safeCallbackUrl(next));
      return { ok: true, message: await translate(STEP_UP_CONFIRMED) };
    }
    case 'wrong':
    case 'replayed':
      return refused(result.kind, result.attemptsLeft);
    case 'locked':
      return { message: await translate(STEP_UP_LOCKED) };
    case 'no-two-factor':
      return { stepUp: 'enable-two-factor', message: await translate(STEP_UP_ENABLE_FIRST) };
    case 'signed-out':
      // Too many wrong answers in this session, or it ended meanwhile: as a used-up login challenge.
      await clearSessionCookie();
      redirect('/login?notice=start-again');
  }
}
