import { NextResponse, type NextRequest } from 'next/server';
import { FORM_FROM_ANOTHER_SITE, FORM_TOO_LARGE, MAX_FORM_BODY_BYTES, REFUSAL_HEADINGS } from './request-refusals';
import { FORM_UNREADABLE } from './form-input';

/**
 * The answer to a POST no page of ours sends, or null. Called by proxy.ts before any server
 * action or page reads the body, so the request changes nothing, and gets a clear answer where
 * the framework gave a 500 ("Body exceeded 1 MB limit" to the React client; a bare "Internal
 * Server Error" to a form posted without JavaScript, which no error page of ours can replace:
 * see docs/decisions/0009-framework-answers-before-our-code.md):
 * - a body over MAX_FORM_BODY_BYTES: 413;
 * - an Origin that is not this site (Next.js refuses such an action too; this is its check,
 *   answered in words): 403;
 * - multipart without a boundary, or (without JavaScript) multipart that does not parse: 400.
 */
export async function unacceptableRequestAnswer(request: NextRequest, nonce: string): Promise<NextResponse | null> {
  if (request.method === 'GET' || request.method === 'HEAD') return null;
  if (await isTooLarge(request)) return refusal(request, nonce, 413, FORM_TOO_LARGE);
  if (isFromAnotherSite(request.headers)) return refusal(request, nonce, 403, FORM_FROM_ANOTHER_SITE);
  if (!(await isReadableMultipart(request))) return refusal(request, nonce, 400, FORM_UNREADABLE);
  return null;
}

/**
 * A browser always sends Content-Length with a form: that alone decides, the body unread (Node
 * enforces the framing, so the header cannot understate the body). A body without it (chunked,
 * from a script) is counted as it arrives: Next.js hands the proxy a copy of the body, which it
 * buffers for the page either way.
 */
async function isTooLarge(request: NextRequest): Promise<boolean> {
  const declared = request.headers.get('content-length');
  if (declared !== null) return Number(declared) > MAX_FORM_BODY_BYTES;
  // A clone: the multipart check below may still read the body.
  const body = request.clone().body;
  if (!body) return false;
  const reader = body.getReader();
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return false;
    size += value.byteLength;
    if (size > MAX_FORM_BODY_BYTES) {
      // Not awaited: a tee'd branch's cancel settles only when the other branch is cancelled too.
      reader.cancel().catch(() => {});
      return true;
    }
  }
}

/**
 * Next.js's own CSRF check on server actions, to the letter (app-render/action-handler.js,
 * 16.4): an Origin header, if sent, must name the host of the first X-Forwarded-Host value or of
 * the Host header; "null" never does. Mirrored, never stricter, so no request Next.js would run
 * is refused here. (With `serverActions.allowedOrigins` in next.config.ts, this must learn them.)
 */
function isFromAnotherSite(headers: Headers): boolean {
  const origin = headers.get('origin');
  if (origin === null) return false;
  let originHost: string;
  try {
    originHost = origin === 'null' ? 'null' : new URL(origin).host;
  } catch {
    return true;
  }
  const forwardedHost = headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  return originHost !== forwardedHost && originHost !== headers.get('host');
}

/**
 * Multipart needs its boundary, or no parser can read it; a form posted without JavaScript is
 * read here with the same parser Next.js uses for it (the platform's Request.formData), so what
 * passes here parses there. The React client's posts are left to the framework, whose failure
 * reaches app/error.tsx as a digest without text.
 */
async function isReadableMultipart(request: NextRequest): Promise<boolean> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^\s*multipart\/form-data\b/i.test(type)) return true;
  if (!/;\s*boundary=("[^"]+"|[^;\s]+)/i.test(type)) return false;
  if (request.headers.has('next-action')) return true;
  try {
    await request.formData();
    return true;
  } catch {
    return false;
  }
}

function refusal(request: NextRequest, nonce: string, status: number, message: string): NextResponse {
  const headers = { 'Cache-Control': 'no-store' };
  if (request.headers.has('next-action')) {
    // The React client posts an action with fetch and turns a `text/plain` error answer (exactly
    // that content type) into an error with this text; app/error.tsx recognises it.
    return new NextResponse(message, { status, headers: { ...headers, 'Content-Type': 'text/plain' } });
  }
  // A form posted without JavaScript: a page of its own, in the portal's look, back to the form.
  const back = escapeHtml(request.nextUrl.pathname + request.nextUrl.search);
  return new NextResponse(page(REFUSAL_HEADINGS[message], message, back, nonce), {
    status,
    headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' },
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

// The look of app/not-found.tsx (a card on slate-50, brand link) without the app's stylesheet,
// whose file name changes with every build.
const STYLE = `
body{margin:0;background:#f8fafc;color:#0f172a;font-family:ui-sans-serif,system-ui,sans-serif;-webkit-font-smoothing:antialiased}
main{max-width:28rem;margin:0 auto;padding:4rem 1rem}
section{background:#fff;border-radius:.75rem;padding:2rem;box-shadow:0 1px 2px rgb(0 0 0/.05);outline:1px solid #e2e8f0}
h1{font-size:1.25rem;font-weight:600;margin:0}
p{margin:.5rem 0 0;color:#334155;line-height:1.5}
a{display:inline-block;margin-top:1.5rem;font-weight:600;color:#174cad}`;

function page(heading: string, message: string, back: string, nonce: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${heading}</title><style nonce="${nonce}">${STYLE}</style></head><body><main><section><h1>${heading}</h1><p>${message}</p><a href="${back}">Back to the form</a></section></main></body></html>`;
}
