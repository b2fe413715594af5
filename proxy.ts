import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE } from '@/lib/auth/cookie-name';
import { securityHeadersFor, withSecurityHeaders } from '@/lib/security-headers';
import { unacceptableRequestAnswer } from '@/lib/forms/unacceptable-request';

/**
 * Cheap work only: security headers with a fresh CSP nonce, an early redirect to the login
 * page for a browser with no session cookie at all, and a clear refusal of a POST no page of
 * ours sends (before an action reads it). It is never the guard: every page, action and
 * route handler checks the session in the database itself.
 */
// /api/cron: called by a scheduler with its secret, never with a session (app/api/cron/reminders/route.ts).
// (/api/health, public too, never reaches the proxy: see the matcher below.)
const PUBLIC_PATHS = ['/login', '/api/cron'];

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`));
  if (!isPublic && !request.cookies.has(SESSION_COOKIE) && request.method === 'GET') {
    const login = new URL('/login', request.url);
    if (pathname !== '/') login.searchParams.set('callbackUrl', pathname + search);
    return NextResponse.redirect(login);
  }

  const { nonce, headers } = securityHeadersFor(request);
  const refused = await unacceptableRequestAnswer(request, nonce);
  if (refused) return withSecurityHeaders(refused, headers);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), headers);
}

// Not the login's two form posts (/login/password, /login/verify/code) nor the health probe
// (/api/health): those hot paths do the proxy's work themselves (lib/forms/form-post.ts,
// app/api/health/route.ts) without the framework's cost of running a proxy, which was a third of
// the request (decisions 0019, 0020).
export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|login/verify/code|login/password|api/health).*)' }],
};
