import { NextResponse, type NextRequest } from 'next/server';
import { FORM_TOO_LARGE, MAX_FORM_BODY_BYTES } from './body-limit';

/**
 * The answer to a request whose body is over MAX_FORM_BODY_BYTES, or null. Called by proxy.ts,
 * before any server action or page reads the body, so an oversized form changes nothing.
 *
 * A browser always sends Content-Length with a form: that alone decides, the body unread (Node
 * enforces the framing, so the header cannot understate the body). A body without it (chunked,
 * from a script) is counted as it arrives: Next.js hands the proxy a copy of the body, which it
 * buffers for the page either way.
 */
export async function oversizedBodyAnswer(request: NextRequest, nonce: string): Promise<NextResponse | null> {
  if (request.method === 'GET' || request.method === 'HEAD') return null;
  const declared = request.headers.get('content-length');
  const tooLarge = declared !== null ? Number(declared) > MAX_FORM_BODY_BYTES : await bodyExceeds(request, MAX_FORM_BODY_BYTES);
  if (!tooLarge) return null;

  const headers = { 'Cache-Control': 'no-store' };
  if (request.headers.has('next-action')) {
    // The React client posts an action with fetch and turns a `text/plain` error answer (exactly
    // that content type) into an error with this text; app/error.tsx recognises it.
    return new NextResponse(FORM_TOO_LARGE, { status: 413, headers: { ...headers, 'Content-Type': 'text/plain' } });
  }
  // A form posted without JavaScript: a page of its own, in the portal's look, back to the form.
  const back = escapeHtml(request.nextUrl.pathname + request.nextUrl.search);
  return new NextResponse(tooLargePage(back, nonce), { status: 413, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
}

async function bodyExceeds(request: NextRequest, limit: number): Promise<boolean> {
  if (!request.body) return false;
  const reader = request.body.getReader();
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return false;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return true;
    }
  }
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

function tooLargePage(back: string, nonce: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>The form was too large</title><style nonce="${nonce}">${STYLE}</style></head><body><main><section><h1>The form was too large</h1><p>${FORM_TOO_LARGE}</p><a href="${back}">Back to the form</a></section></main></body></html>`;
}
