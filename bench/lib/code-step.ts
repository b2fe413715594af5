/**
 * The login's code step as a browser sends it (decision 0019): a plain HTML form posted to a
 * route handler. Without JavaScript the browser sends it URL-encoded and gets a 303 to the next
 * page; with JavaScript the page's script sends the same body with `Accept: application/json`
 * and gets `{"to":"/"}`, then loads that page (untimed here, as the 303's target is). Both carry
 * the session cookie.
 */
import { formHtml, hiddenFields } from '../../tests/http/http-client';

export type CodeStepWay = 'form' | 'script';

export type CodeStepForm = { action: string; hidden: Record<string, string> };

/** The code form on /login/verify for a pending login: where it posts, and its hidden fields. */
export async function codeStepForm(baseUrl: string, cookie: string): Promise<CodeStepForm> {
  const get = () => fetch(`${baseUrl}/login/verify`, { headers: { cookie }, redirect: 'manual' });
  // After a long pause (preparing thousands of logins) the pooled connection may be closed by the server as it is reused.
  const response = await get().catch(get);
  if (response.status !== 200) throw new Error(`GET /login/verify: ${response.status}`);
  const html = await response.text();
  const action = formHtml(html, 'code').match(/^<form[^>]*\saction="(\/[^"]*)"/)?.[1];
  if (!action) throw new Error('the code form posts to no URL of its own (a server action again?)');
  return { action, hidden: hiddenFields(html, 'code') };
}

export function postCodeStep(
  baseUrl: string,
  form: CodeStepForm,
  { code, cookie, way }: { code: string; cookie: string; way: CodeStepWay },
): Promise<Response> {
  const body = new URLSearchParams({ ...form.hidden, code, callbackUrl: '/' }).toString();
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    origin: baseUrl,
    cookie,
    // A new connection per request, as for the peer: neither server gets a warm keep-alive socket the other does not.
    connection: 'close',
    ...(way === 'script' ? { accept: 'application/json' } : {}),
  };
  return fetch(`${baseUrl}${form.action}`, { method: 'POST', body, headers, redirect: 'manual' });
}

/** Signed in: the session cookie, and sent home (the 303's Location, or the script's `to`). */
export async function signedIn(response: Response, way: CodeStepWay, sessionCookie: string): Promise<boolean> {
  const cookieSet = (response.headers.get('set-cookie') ?? '').includes(sessionCookie);
  if (way === 'form') {
    await response.arrayBuffer();
    return response.status === 303 && response.headers.get('location') === '/' && cookieSet;
  }
  const answer = (await response.json().catch(() => null)) as { to?: string } | null;
  return response.status === 200 && answer?.to === '/' && cookieSet;
}
