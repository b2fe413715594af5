'use server';
import type { FormState } from '@/lib/forms/form-state';
import { tryAgainLater } from '@/lib/forms/try-again-later';
import { isFormData, textField, unreadableForm } from '@/lib/forms/form-input';
import { requirePendingLogin } from '@/lib/auth/guards';
import { getRequestMeta } from '@/lib/auth/request-meta';
import { verifySecondFactor } from '@/lib/auth/verify-second-factor';
import { codeStepAnswer } from '@/lib/auth/code-step-answer';
import { refusedCode } from '@/lib/auth/code-refusal';
import { parseRecoveryCode } from '@/lib/two-factor/recovery-code-format';
import { RECOVERY_CODE_ALREADY_USED, RECOVERY_CODE_NOT_ACCEPTED } from '@/lib/auth/login-messages';
import { translate } from '@/lib/i18n/server';

/**
 * The login's second step with a recovery code instead of the app's code (S13), under the same
 * limits (S4). The app's code is posted to a route handler instead (./code/route.ts, decision 0019).
 */
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
