/**
 * Submits a server-action form as React's client does once the page has hydrated: a fetch to the
 * page with the action's id in the Next-Action header, `Accept: text/x-component`, the router's
 * state in Next-Router-State-Tree, and the arguments encoded by React's encodeReply as multipart
 * form data: for a useActionState form, the previous state and the form's FormData, whose fields
 * (hidden ones included) travel under the prefix `_1_`, with `0` = `[<previous state>,"$K1"]`.
 * The answer is the RSC payload, and for a redirect, X-Action-Redirect with the target page
 * rendered in the same answer. Captured from Chromium 156 submitting the verify form of Next.js
 * 16.4.6 (2026-11-29); the body is built beforehand, as the no-JavaScript form's is.
 */
import { multipartBody } from './no-js-form';

/** The router state Chromium sent from /login/verify (the route's segments; the page itself has no params). */
const VERIFY_ROUTER_STATE = encodeURIComponent(
  JSON.stringify([
    '',
    {
      children: [
        '(auth)',
        { children: ['login', { children: ['verify', { children: ['__PAGE__', {}, null, null, 0] }, null, null, 0] }, null, null, 0] },
        null,
        null,
        0,
      ],
    },
    null,
    null,
    16,
  ]),
);

export type ReactActionRequest = { body: string; contentType: string; headers: Record<string, string> };

/**
 * The request for the form whose hidden fields are `hidden` (as formFieldsOf reads them, with the
 * $ACTION_REF_n / $ACTION_n:0 / $ACTION_n:1 / $ACTION_KEY fields React renders for progressive
 * enhancement) and the visible `fields`.
 */
export function reactActionRequest(hidden: Record<string, string>, fields: Record<string, string>): ReactActionRequest {
  const reference = Object.keys(hidden).find((name) => /^\$ACTION_\d+:0$/.test(name));
  if (!reference) throw new Error('reactActionRequest: the form has no $ACTION_n:0 field (not a useActionState form?)');
  const { id } = JSON.parse(hidden[reference]) as { id: string };
  const [previousState] = JSON.parse(hidden[reference.replace(/:0$/, ':1')] ?? '[{}]') as unknown[];
  // The root `0` goes last, as React sends it: the server decodes the parts as they stream in, and a
  // root read before the form's fields would reference an empty FormData.
  const parts: Array<[string, string]> = Object.entries({ ...hidden, ...fields }).map(([name, value]) => [`_1_${name}`, value]);
  parts.push(['0', JSON.stringify([previousState, '$K1'])]);
  const { body, contentType } = multipartBody(parts);
  return { body, contentType, headers: { 'next-action': id, accept: 'text/x-component', 'next-router-state-tree': VERIFY_ROUTER_STATE } };
}
