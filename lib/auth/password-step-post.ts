import 'server-only';
import type { NextRequest } from 'next/server';
import { answerFormPost, goTo, refusalStatus } from '@/lib/forms/form-post';
import { jsonAnswer } from '@/lib/forms/json-answer';
import { textField } from '@/lib/forms/form-input';
import { requestLanguageOf } from '@/lib/i18n/server';
import { signInWithPassword } from './sign-in-with-password';
import { getRequestMeta } from './request-meta';
import { writeSessionCookie } from './session-cookie';
import { endCurrentSession } from './end-current-session';
import { safeCallbackUrl } from './safe-callback-url';
import { readBrowserTokens } from './browser-cookies';
import { afterLoginCompleted } from './complete-login';
import { loginFieldProblems, loginRefusalQuery, loginRefusalState, type LoginRefusal } from './login-refusal';
import { forgetTypedEmail, keepTypedEmail } from './typed-email-cookie';

/**
 * The login form's post: e-mail address and password (decision 0020). A plain HTML form posted to
 * a route handler, as the code step's (decision 0019): without JavaScript the browser follows a
 * 303 (to the code step, to where the user was going, or back to the login page with the reason
 * in its query and the typed address in a short-lived cookie); with JavaScript the page posts the
 * same form with `Accept: application/json` and shows a refusal in place. Public by design: the
 * one request an anonymous caller makes that checks a password. What the framework and proxy.ts
 * did for the server action it replaces is done by answerFormPost (size, Origin, security headers);
 * no error text reaches the user.
 */
export function passwordStepPost(request: NextRequest): Promise<Response> {
  return answerFormPost(request, '/login', (json) => answerTo(request, json));
}

async function answerTo(request: NextRequest, json: boolean): Promise<Response> {
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return refused({ reason: 'unreadable' }, '', '/', json);
  }
  const email = textField(formData, 'email');
  const password = textField(formData, 'password');
  const callbackUrl = safeCallbackUrl(textField(formData, 'callbackUrl'));
  const problems = loginFieldProblems(email, password);
  if (problems) return refused(problems, email, callbackUrl, json);

  try {
    const result = await signInWithPassword({ email: email.trim(), password }, await getRequestMeta(), await readBrowserTokens());
    if (result.kind === 'incorrect' || result.kind === 'locked') return refused({ reason: result.kind }, email, callbackUrl, json);

    await endCurrentSession(); // a session this browser had before does not linger
    await writeSessionCookie(result.token, result.cookieExpiresAt);
    await forgetTypedEmail();
    if (result.kind === 'signed-in') {
      await afterLoginCompleted(result.token);
      return goTo(callbackUrl, json);
    }
    return goTo(callbackUrl === '/' ? '/login/verify' : `/login/verify?${new URLSearchParams({ callbackUrl })}`, json);
  } catch (error) {
    console.error('[password step] failed:', error);
    return refused({ reason: 'later' }, email, callbackUrl, json);
  }
}

/**
 * A refusal: for a form, back to the login page with the reason (and the address kept for it);
 * for the page's script, the form's state in words, in the login page's language (a signed-in
 * user's own language does not apply to a login).
 */
async function refused(refusal: LoginRefusal, email: string, callbackUrl: string, json: boolean): Promise<Response> {
  if (json) return jsonAnswer({ state: loginRefusalState(refusal, email, (await requestLanguageOf(null)).locale) }, refusalStatus(refusal.reason));
  await keepTypedEmail(email);
  const query = { ...loginRefusalQuery(refusal), ...(callbackUrl === '/' ? {} : { callbackUrl }) };
  return goTo(`/login?${new URLSearchParams(query)}`, false);
}
