import 'server-only';
import { redirect } from 'next/navigation';
import type { FormState } from '@/lib/forms/form-state';
import { textField } from '@/lib/forms/form-input';
import { safeCallbackUrl } from './safe-callback-url';
import { hasFreshSecondFactor, hasRecentSignIn } from './session-checks';
import type { SessionContext } from './sessions';
import { STEP_UP_INLINE_FIELD } from './step-up-fields';
import { loginMethods } from '@/lib/webauthn/login-methods';

/**
 * The guards of S25 and S26 (decision 0017). Each privileged action calls
 * requireFreshSecondFactor right after its role guard, before it reads or changes anything:
 *
 *   const stepUp = await requireFreshSecondFactor(session, formData, '/office');
 *   if (stepUp) return stepUp;
 *
 * The check is the action's own, on the server: a page that hides a button proves nothing.
 */

/**
 * null when the session passed a second-factor check within STEP_UP_WINDOW_MS. Otherwise the
 * action must change nothing and answer what this returns: to a form in a page with JavaScript
 * (it sends STEP_UP_INLINE_FIELD), an answer that opens "Confirm it's you" beside the form, whose
 * typed fields stay in the page; without JavaScript a redirect to /confirm, which comes back to
 * `returnTo` (a path of ours, safeCallbackUrl). A user without 2FA (an office admin; agents
 * cannot get here without it) is asked to turn it on first.
 */
export async function requireFreshSecondFactor(session: SessionContext, formData: FormData, returnTo: string, now = new Date()): Promise<FormState | null> {
  if (session.user.twoFactorEnabledAt && (await hasFreshSecondFactor(session.sessionId, now))) return null;
  const stepUp = session.user.twoFactorEnabledAt ? 'confirm' : 'enable-two-factor';
  if (textField(formData, STEP_UP_INLINE_FIELD) === '1')
    return stepUp === 'confirm' ? { stepUp, stepUpMethods: await loginMethods(session.user.id) } : { stepUp };
  redirect(`/confirm?next=${encodeURIComponent(safeCallbackUrl(returnTo))}`);
}

/**
 * S26: turning 2FA on (the app; later a first security key) needs a sign-in or the password
 * entered again within STEP_UP_WINDOW_MS; otherwise to the password page, which comes back here.
 * A stolen session of a user without 2FA cannot then enrol the thief's app and lock the owner out.
 */
export async function requireRecentSignIn(session: SessionContext, now = new Date()): Promise<void> {
  if (!(await hasRecentSignIn(session.sessionId, now))) redirect('/settings/2fa/password');
}
