'use server';
import type { FormState } from '@/lib/forms/form-state';
import { tryAgainLater } from '@/lib/forms/try-again-later';
import { isFormData, textField, unreadableForm } from '@/lib/forms/form-input';
import { requirePendingLogin } from '@/lib/auth/guards';
import { getRequestMeta } from '@/lib/auth/request-meta';
import { verifySecondFactor } from '@/lib/auth/verify-second-factor';
import { codeStepAnswer } from '@/lib/auth/code-step-answer';
import { parseVerificationCode } from '@/lib/two-factor/code-format';
import { parseRecoveryCode } from '@/lib/two-factor/recovery-code-format';
import { attemptsLeft, CODE_ALREADY_USED, CODE_NOT_ACCEPTED, RECOVERY_CODE_ALREADY_USED, RECOVERY_CODE_NOT_ACCEPTED } from '@/lib/auth/login-messages';
import type { Message } from '@/lib/i18n/messages';
import { translate } from '@/lib/i18n/server';

export async function verifyCode(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const session = await requirePendingLogin();
    if (!isFormData(formData)) return unreadableForm();
    const parsed = parseVerificationCode(textField(formData, 'code'));
    if (!parsed.ok) return { fieldErrors: { code: [await translate(parsed.message)] } };

    const result = await verifySecondFactor({ sessionId: session.sessionId, factor: 'totp', code: parsed.code }, await getRequestMeta());
    return await codeStepAnswer(result, formData, refusedCode('code', { wrong: CODE_NOT_ACCEPTED, replayed: CODE_ALREADY_USED }));
  } catch (error) {
    return tryAgainLater(error);
  }
}

/** The same step with a recovery code instead of the app's code (S13), under the same limits (S4). */
export async function verifyRecoveryCode(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const session = await requirePendingLogin();
    if (!isFormData(formData)) return unreadableForm();
    const parsed = parseRecoveryCode(textField(formData, 'recoveryCode'));
    if (!parsed.ok) return { fieldErrors: { recoveryCode: [await translate(parsed.message)] } };

    const result = await verifySecondFactor({ sessionId: session.sessionId, factor: 'recovery_code', code: parsed.code }, await getRequestMeta());
    return await codeStepAnswer(result, formData, refusedCode('recoveryCode', { wrong: RECOVERY_CODE_NOT_ACCEPTED, replayed: RECOVERY_CODE_ALREADY_USED }));
  } catch (error) {
    return tryAgainLater(error);
  }
}

/** A refused code, in the words of its kind: the field's message and the attempts left. */
function refusedCode(field: string, messages: { wrong: Message; replayed: Message }) {
  return async (kind: 'wrong' | 'replayed', left: number): Promise<FormState> => ({
    fieldErrors: { [field]: [await translate(messages[kind])] },
    message: await translate(attemptsLeft(left)),
  });
}
