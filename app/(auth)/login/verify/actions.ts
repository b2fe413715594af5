'use server';
import { redirect } from 'next/navigation';
import type { FormState } from '@/lib/forms/form-state';
import { tryAgainLater } from '@/lib/forms/try-again-later';
import { isFormData, textField, unreadableForm } from '@/lib/forms/form-input';
import { requirePendingLogin } from '@/lib/auth/guards';
import { getRequestMeta } from '@/lib/auth/request-meta';
import { clearSessionCookie, writeSessionCookie } from '@/lib/auth/session-cookie';
import { safeCallbackUrl } from '@/lib/auth/safe-callback-url';
import { verifySecondFactor, type CodeStepResult } from '@/lib/auth/verify-second-factor';
import { parseVerificationCode } from '@/lib/two-factor/code-format';
import { parseRecoveryCode } from '@/lib/two-factor/recovery-code-format';
import { attemptsLeft, CODE_ALREADY_USED, CODE_NOT_ACCEPTED, RECOVERY_CODE_ALREADY_USED, RECOVERY_CODE_NOT_ACCEPTED } from '@/lib/auth/login-messages';
import type { Message } from '@/lib/i18n/messages';
import { translate } from '@/lib/i18n/server';
import { afterLoginCompleted } from '@/lib/auth/complete-login';

export async function verifyCode(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const session = await requirePendingLogin();
    if (!isFormData(formData)) return unreadableForm();
    const parsed = parseVerificationCode(textField(formData, 'code'));
    if (!parsed.ok) return { fieldErrors: { code: [await translate(parsed.message)] } };

    const result = await verifySecondFactor({ sessionId: session.sessionId, factor: 'totp', code: parsed.code }, await getRequestMeta());
    return await answer(result, formData, 'code', { wrong: CODE_NOT_ACCEPTED, replayed: CODE_ALREADY_USED });
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
    return await answer(result, formData, 'recoveryCode', { wrong: RECOVERY_CODE_NOT_ACCEPTED, replayed: RECOVERY_CODE_ALREADY_USED });
  } catch (error) {
    return tryAgainLater(error);
  }
}

async function answer(result: CodeStepResult, formData: FormData, field: string, messages: { wrong: Message; replayed: Message }): Promise<FormState> {
  switch (result.kind) {
    case 'signed-in':
      await writeSessionCookie(result.token, result.cookieExpiresAt);
      await afterLoginCompleted(result.token, { remember: textField(formData, 'rememberBrowser') === 'on' });
      redirect(safeCallbackUrl(textField(formData, 'callbackUrl')));
    case 'wrong':
    case 'replayed':
      return {
        fieldErrors: { [field]: [await translate(messages[result.kind])] },
        message: await translate(attemptsLeft(result.attemptsLeft)),
      };
    case 'locked':
      await clearSessionCookie();
      redirect('/login?notice=code-locked');
    case 'start-again':
      await clearSessionCookie();
      redirect('/login?notice=start-again');
  }
}
