/**
 * Submits a page's server-action form as a browser without JavaScript does: the hidden fields
 * React renders for progressive enhancement ($ACTION_REF_…, $ACTION_KEY, …) plus the visible
 * ones, as multipart form data, with the Origin Next.js checks against the Host. The body is
 * built beforehand, so the load generator spends nothing on it while it measures.
 */
import { hiddenFields } from '../../tests/http/http-client';

/** Fields in the order given: an array where the order matters (an object puts integer-like names first). */
export function multipartBody(fields: Record<string, string> | Array<[string, string]>): { body: string; contentType: string } {
  const boundary = `----bench${Math.random().toString(16).slice(2)}`;
  const parts = (Array.isArray(fields) ? fields : Object.entries(fields)).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return { body: `${parts.join('')}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The hidden fields of the form on `path` that matches `which` (a field name or a pattern). */
export async function formFieldsOf(baseUrl: string, path: string, which: string | RegExp, cookie?: string): Promise<Record<string, string>> {
  const get = () => fetch(`${baseUrl}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  // After a long pause (preparing thousands of logins) the pooled connection may be closed by
  // the server just as it is reused ("other side closed"): a GET can simply be sent again.
  const response = await get().catch(get);
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
  return hiddenFields(await response.text(), which);
}
