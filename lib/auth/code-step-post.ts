import 'server-only';
import type { NextRequest } from 'next/server';
import { answerFormPost, goTo, refusalStatus } from '@/lib/forms/form-post';
import { jsonAnswer } from '@/lib/forms/json-answer';
import { textField } from '@/lib/forms/form-input';
import { parseVerificationCode } from '@/lib/two-factor/code-format';
import { getCurrentSession } from './guards';
import { requestLanguageOf } from '@/lib/i18n/server';
import type { SessionContext } from './sessions';
import { getRequestMeta } from './request-meta';
import { verifySecondFactor } from './verify-second-factor';
import { secondStepReply } from './code-step-answer';
import { codeRefusalQuery, codeRefusalState, type CodeRefusal } from './code-refusal';
import { safeCallbackUrl } from './safe-callback-url';

/**
 * The login's code step as a plain HTML form post to a route handler (decision 0019): the
 * form works without JavaScript (answered 303, Post/Redirect/Get), and with it the page posts
 * the same form with `Accept: application/json` and shows the answer in place. It replaces a
 * server action, whose machinery cost more than all the verification work (bench/README.md).
 *
 * What the framework and proxy.ts did for the action is done here: proxy.ts leaves this path out
 * (running a proxy cost a third of the request), so the route refuses a body over the limit, a
 * foreign Origin and unreadable multipart with the proxy's own answers (403 for another site:
 * Next.js's check on actions, to the letter), sets the proxy's security headers on every answer,
 * runs the guard before it reads the body, refuses a body that is not a form without changing
 * anything, and shows no error text to the user.
 */
export function codeStepPost(request: NextRequest): Promise<Response> {
  return answerFormPost(request, '/login/verify', (json) => answerTo(request, json));
}

async function answerTo(request: NextRequest, json: boolean): Promise<Response> {
  let session: SessionContext | null;
  try {
    session = await getCurrentSession();
  } catch (error) {
    console.error('[code step] failed:', error);
    return refused({ reason: 'later' }, false, '/login/verify?refused=later', json, null);
  }
  if (!session) return goTo('/login', json);
  if (session.stage !== 'PENDING_2FA') return goTo('/', json);
  const back = (formData: FormData | null, refusal: CodeRefusal, remember: boolean) => backToForm(session, formData, refusal, remember, json);

  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return back(null, { reason: 'unreadable' }, false);
  }
  const remember = textField(formData, 'rememberBrowser') === 'on';
  try {
    const parsed = parseVerificationCode(textField(formData, 'code'));
    if (!parsed.ok) return back(formData, { reason: 'format' }, remember);

    const result = await verifySecondFactor({ sessionId: session.sessionId, factor: 'totp', code: parsed.code }, await getRequestMeta());
    const reply = await secondStepReply(result, formData);
    if ('to' in reply) return goTo(reply.to, json);
    return back(formData, { reason: reply.refused, attemptsLeft: reply.attemptsLeft }, remember);
  } catch (error) {
    console.error('[code step] failed:', error);
    return back(formData, { reason: 'later' }, remember);
  }
}

/** Back to the code form, whichever method the page would start on (a user with a key starts on the key), with the refusal. */
function backToForm(session: SessionContext, formData: FormData | null, refusal: CodeRefusal, remember: boolean, json: boolean): Promise<Response> {
  const callbackUrl = safeCallbackUrl(formData ? textField(formData, 'callbackUrl') : '/');
  const query = {
    ...(session.user.twoFactorMethods.key ? { method: 'app' } : {}),
    ...(callbackUrl === '/' ? {} : { callbackUrl }),
    ...codeRefusalQuery(refusal, remember),
  };
  return refused(refusal, remember, `/login/verify?${new URLSearchParams(query)}`, json, session);
}

/** A refusal: for a form, back to its page (the reason in the query); for the page's script, the form's state in words. */
async function refused(refusal: CodeRefusal, remember: boolean, page: string, json: boolean, session: SessionContext | null): Promise<Response> {
  if (!json) return goTo(page, false);
  // The session read above gives the language: no second read for the words (requestLanguageOf).
  return jsonAnswer({ state: codeRefusalState(refusal, remember, (await requestLanguageOf(session)).locale) }, refusalStatus(refusal.reason));
}
