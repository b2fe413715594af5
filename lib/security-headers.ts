/**
 * Response headers of every page (S15). The script policy is nonce-based: each response gets
 * a fresh nonce, which Next.js puts on its own script tags. 'unsafe-eval' only in development,
 * where React needs it for error overlays.
 */
export function securityHeaders({ nonce, isDev, isHttps }: { nonce: string; isDev: boolean; isHttps: boolean }): Record<string, string> {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self'${isDev ? " 'unsafe-inline'" : ` 'nonce-${nonce}'`}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // The QR code page must never be framed: no clickjacking of enrolment.
    "frame-ancestors 'none'",
    ...(isHttps ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(isHttps && !isDev ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}

/**
 * A fresh nonce and the headers for `request`'s response: what proxy.ts puts on every response,
 * and the routes outside the proxy (the login's two form posts, the health probe: decisions
 * 0019, 0020) on their own.
 */
export function securityHeadersFor(request: { nextUrl: URL; headers: Headers }): { nonce: string; headers: Record<string, string> } {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const headers = securityHeaders({
    nonce,
    isDev: process.env.NODE_ENV === 'development',
    isHttps: request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https',
  });
  return { nonce, headers };
}

/** `response` with `headers` (securityHeadersFor's) set on it. */
export function withSecurityHeaders<R extends Response>(response: R, headers: Record<string, string>): R {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
