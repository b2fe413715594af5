'use server';
import { redirect } from 'next/navigation';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { FormState } from '@/lib/forms/form-state';
import { tryAgainLater } from '@/lib/forms/try-again-later';
import { isFormData, textField, unreadableForm } from '@/lib/forms/form-input';
import { requirePendingLogin } from '@/lib/auth/guards';
import { getRequestMeta } from '@/lib/auth/request-meta';
import { clearSessionCookie } from '@/lib/auth/session-cookie';
import { attemptsLeft } from '@/lib/auth/login-messages';
import { codeStepAnswer } from '@/lib/auth/code-step-answer';
import { translate } from '@/lib/i18n/server';
import { startKeyLogin as startKeyPrompt, verifyKeyLogin as verifyKeyAnswer } from '@/lib/webauthn/key-login';
import { parseAuthenticationResponse } from '@/lib/webauthn/response-json';

/** The answer of startKeyLogin: the browser's prompt, or a message when there is none. */
export type KeyLoginPromptState = FormState & { options?: PublicKeyCredentialRequestOptionsJSON };

/**
 * The login's second step with a security key, part 1 (S24): a fresh challenge bound to this
 * pending login (replacing any earlier one), and the user's own keys to offer.
 */
export async function startKeyLogin(_prev: KeyLoginPromptState, formData: FormData): Promise<KeyLoginPromptState> {
  let ended = false;
  try {
    const session = await requirePendingLogin();
    if (!isFormData(formData)) return unreadableForm();
    const started = await startKeyPrompt(session.sessionId);
    if (started.kind === 'options') return { ok: true, options: started.options };
    if (started.kind === 'no-keys') return { message: await translate('securityKeys.login.notAccepted') };
    ended = true;
  } catch (error) {
    return tryAgainLater(error);
  }
  if (ended) {
    await clearSessionCookie();
    redirect('/login?notice=start-again');
  }
  return {};
}

/**
 * Part 2: the browser's answer, checked against that challenge under the same limits as codes
 * (S4, S24). Success ends as a code's does: the session cookie, "remember this browser" if ticked, the page asked for.
 */
export async function verifyKeyLogin(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const session = await requirePendingLogin();
    if (!isFormData(formData)) return unreadableForm();
    const response = parseAuthenticationResponse(textField(formData, 'response'));
    if (!response) return { message: await translate('securityKeys.login.notAccepted') };
    const result = await verifyKeyAnswer({ sessionId: session.sessionId, response }, await getRequestMeta());
    return await codeStepAnswer(result, formData, async (_kind, left) => ({
      message: `${await translate('securityKeys.login.notAccepted')} ${await translate(attemptsLeft(left))}`,
    }));
  } catch (error) {
    return tryAgainLater(error);
  }
}
