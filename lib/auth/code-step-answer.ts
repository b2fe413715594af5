import 'server-only';
import { redirect } from 'next/navigation';
import type { FormState } from '@/lib/forms/form-state';
import { textField } from '@/lib/forms/form-input';
import { afterLoginCompleted } from './complete-login';
import { clearSessionCookie, writeSessionCookie } from './session-cookie';
import { safeCallbackUrl } from './safe-callback-url';
import type { CodeStepResult } from './verify-second-factor';

/**
 * What the login's second step does with its result, whatever the method (a code, a recovery
 * code, a key): signed in → the session cookie, "remember this browser" if ticked, then the page
 * asked for; locked or ended → back to the password with the reason; refused → the refusal and
 * the "remember this browser" choice, for the form again.
 */
export type SecondStepReply = { to: string } | { refused: 'wrong' | 'replayed'; attemptsLeft: number; remember: boolean };

export async function secondStepReply(result: CodeStepResult, formData: FormData): Promise<SecondStepReply> {
  const remember = textField(formData, 'rememberBrowser') === 'on';
  switch (result.kind) {
    case 'signed-in':
      await writeSessionCookie(result.token, result.cookieExpiresAt);
      await afterLoginCompleted(result.token, { remember });
      return { to: safeCallbackUrl(textField(formData, 'callbackUrl')) };
    case 'wrong':
    case 'replayed':
      return { refused: result.kind, attemptsLeft: result.attemptsLeft, remember };
    case 'locked':
      await clearSessionCookie();
      return { to: '/login?notice=code-locked' };
    case 'start-again':
      await clearSessionCookie();
      return { to: '/login?notice=start-again' };
  }
}

/** The same, as a server action answers (the recovery code's and the key's forms): a redirect, or the form's state with `refused`'s words. */
export async function codeStepAnswer(
  result: CodeStepResult,
  formData: FormData,
  refused: (kind: 'wrong' | 'replayed', attemptsLeft: number) => Promise<FormState>,
): Promise<FormState> {
  const reply = await secondStepReply(result, formData);
  if ('to' in reply) redirect(reply.to);
  // React resets the form after its action: the "remember this browser" choice goes back into it with the refusal.
  return { ...(await refused(reply.refused, reply.attemptsLeft)), values: reply.remember ? { rememberBrowser: 'on' } : undefined };
}
