import { NextResponse, type NextRequest } from 'next/server';
import { createTranslator } from 'use-intl/core';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';
import nl from '@/messages/nl.json';
import { isLocale, LOCALE_COOKIE, resolveLocale, type Locale } from '@/lib/i18n/locale';
import { MAX_FORM_BODY_BYTES, refusalBody, type Refusal } from './request-refusals';
import { jsonAnswer } from './json-answer';

/**
 * The answer to a POST no page of ours sends, or null. Called by proxy.ts before any server
 * action or page reads the body (and by the login's two route handlers, which the proxy leaves
 * out: answerFormPost in lib/forms/form-post.ts), so the request changes nothing, and gets a clear answer where
 * the framework gave a 500 ("Body exceeded 1 MB limit" to the React client; a bare "Internal
 * Server Error" to a form posted without JavaScript, which no error page of ours can replace:
 * see docs/decisions/0009-framework-answers-before-our-code.md):
 * - a body over MAX_FORM_BODY_BYTES: 413;
 * - an Origin that is not this site (Next.js refuses such an action too; this is its check,
 *   answered in words): 403;
 * - multipart without a boundary, or (without JavaScript) multipart that does not parse: 400.
 */
export async function unacceptableRequestAnswer(request: NextRequest, nonce: string, routeForm?: RouteForm): Promise<Response | null> {
  if (request.method === 'GET' || request.method === 'HEAD') return null;
  const refuse = (status: number, kind: Refusal) => refusal(request, nonce, status, kind, routeForm);
  if (await isTooLarge(request)) return refuse(413, 'tooLarge');
  if (isFromAnotherSite(request.headers)) return refuse(403, 'fromAnotherSite');
  if (!(await isReadableMultipart(request))) return refuse(400, 'unreadable');
  return null;
}

/**
 * The proxy runs before the app's request context exists (lib/i18n/server.ts reads it through
 * next/headers and lib/env.ts, server-only), so it decides the language itself with the same
 * pure rule: the switcher's cookie, else Accept-Language, else DEFAULT_LOCALE. That variable is
 * checked when the server starts (instrumentation.ts), so an invalid one never gets here; its
 * default is lib/env.ts's, 'en'. No signed-in user's own setting: that needs the database.
 */
function refusalLocale(request: NextRequest): Locale {
  const configured = process.env.DEFAULT_LOCALE;
  return resolveLocale({
    cookie: request.cookies.get(LOCALE_COOKIE)?.value,
    acceptLanguage: request.headers.get('accept-language'),
    fallback: isLocale(configured) ? configured : 'en',
  });
}

const CATALOGUES = { nl, fr, en };

function refusalTranslator(locale: Locale) {
  return createTranslator<typeof en, 'errors.refusals'>({ locale, messages: CATALOGUES[locale], namespace: 'errors.refusals' });
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
export function isFromAnotherSite(headers: Headers): boolean {
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
    // A copy: the login's route handlers read the body themselves afterwards.
    await request.clone().formData();
    return true;
  } catch {
    return false;
  }
}

/**
 * A form posted to one of the login's route handlers (lib/forms/form-post.ts): the page the form
 * is on (the route's own path answers no GET), and whether the page's script posted it.
 */
export type RouteForm = { page: string; json: boolean };

/**
 * The refusal in words, in the form the caller reads: the React client's text, the page's script's
 * JSON (a login form's route handler: the form shows the words in place, `{"state": {"message"}}`),
 * or a page of its own for a form posted without JavaScript, whose way back is the route form's
 * page or else the posted path (a server action posts to its page).
 */
function refusal(request: NextRequest, nonce: string, status: number, kind: Refusal, routeForm?: RouteForm): Response {
  const locale = refusalLocale(request);
  const t = refusalTranslator(locale);
  const headers = { 'Cache-Control': 'no-store' };
  if (routeForm?.json) return jsonAnswer({ state: { message: t(`${kind}.body`) } }, status);
  if (request.headers.has('next-action')) {
    // The React client posts an action with fetch and turns a `text/plain` error answer (exactly
    // that content type) into an error with this text; app/error.tsx recognises the refusal by
    // the body's first line, never by its words, and shows them in the page's language.
    return new NextResponse(refusalBody(kind, t(`${kind}.body`)), { status, headers: { ...headers, 'Content-Type': 'text/plain' } });
  }
  // A form posted without JavaScript: a page of its own, in the portal's look, back to the form.
  const back = escapeHtml(routeForm?.page ?? request.nextUrl.pathname + request.nextUrl.search);
  return new NextResponse(page({ locale, heading: t(`${kind}.title`), message: t(`${kind}.body`), backLabel: t('back'), back, nonce }), {
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

type PageText = { locale: Locale; heading: string; message: string; backLabel: string; back: string; nonce: string };

/** The catalogue's words are escaped too: a translator's "<" or "&" must stay text. */
function page({ locale, heading, message, backLabel, back, nonce }: PageText): string {
  const [h, m, b] = [heading, message, backLabel].map(escapeHtml);
  return `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${h}</title><style nonce="${nonce}">${STYLE}</style></head><body><main><section><h1>${h}</h1><p>${m}</p><a href="${back}">${b}</a></section></main></body></html>`;
}
