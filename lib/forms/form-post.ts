import 'server-only';
import type { NextRequest } from 'next/server';
import { securityHeadersFor, withSecurityHeaders } from '@/lib/security-headers';
import { unacceptableRequestAnswer } from './unacceptable-request';
import { jsonAnswer } from './json-answer';

/**
 * A form posted to a route handler outside proxy.ts (the login's two steps, decisions 0019 and
 * 0020): the proxy's refusals first (a body over the limit, a foreign Origin, unreadable
 * multipart; in JSON for the page's script, else a page leading back to `formPage`), its security
 * headers on every answer, then `answer` with whether the page's script asked for JSON
 * (`Accept: application/json`) or a browser without JavaScript posted the form (a 303 then).
 */
export async function answerFormPost(request: NextRequest, formPage: string, answer: (json: boolean) => Promise<Response>): Promise<Response> {
  const { nonce, headers } = securityHeadersFor(request);
  const json = (request.headers.get('accept') ?? '').includes('application/json');
  const refused = await unacceptableRequestAnswer(request, nonce, { page: formPage, json });
  return withSecurityHeaders(refused ?? (await answer(json)), headers);
}

/** Where the browser goes next: a 303 for a form (Post/Redirect/Get), the path for the page's script (which loads it). */
export function goTo(to: string, json: boolean): Response {
  return json ? jsonAnswer({ to }, 200) : new Response(null, { status: 303, headers: { 'Cache-Control': 'no-store', Location: to } });
}

/** The HTTP status of a refusal answered to the page's script: the form's state in every case, the status saying whose fault. */
export function refusalStatus(reason: string): number {
  return reason === 'unreadable' ? 400 : reason === 'later' ? 500 : 200;
}
