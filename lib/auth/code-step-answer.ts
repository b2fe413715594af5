import 'server-only';
import { redirect } from 'next/navigation';
import type { FormState } from '@/lib/forms/form-state';
import { textField } from '@/lib/forms/form-input';
import { afterLoginCompleted } from './complete-login';
import { clearSessionCookie, writeSessionCookie } from './session-cookie';
import { safeCallbackUrl } from './safe-callback-url';
import type { CodeStepResult } from './verify-second-factor';

/**
 * How the login's second step answers, whatever the method (a code, a recovery code, a key):
 * signed in → the session cookie, "remember this browser" if ticked, the page asked for; locked or
 * ended → back to the password with the reason; refused → what `refused` says (the method's words).
 */
export async function codeStepAnswer(
  result: CodeStepResult,
  formData: FormData,
  refused: (kind: 'wrong' | 'replayed', attemptsLeft: number) => Promise<FormState>,
): Promise<FormState> {
  switch (result.kind) {
    case 'signed-in':
      await writeSessionCookie(result.token, result.cookieExpiresAt);
      await afterLoginCompleted(result.token, { remember: textField(formData, 'rememberBrowser') === 'on' });
      redirect(safeCallbackUrl(textField(formData, 'callbackUrl')));
    case 'wrong':
    case 'replayed':
      // The "remember this browser" choice goes back into the form with the refusal.
      return {
        ...(await refused(result.kind, result.attemptsLeft)),
        values: textField(formData, 'rememberBrowser') === 'on' ? { rememberBrowser: 'on' } : undefined,
      };
    case 'locked':
      await clearSessionCookie();
      redirect('/login?notice=code-locked');
    case 'start-again':
      await clearSessionCookie();
      redirect('/login?notice=start-again');
  }
}
