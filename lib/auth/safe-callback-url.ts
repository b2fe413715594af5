/**
 * Where to go after signing in: only a path on this site, never another origin (no open
 * redirect via callbackUrl), never back into the login steps.
 */
const BASE = 'http://portal.invalid';

export function safeCallbackUrl(input: unknown): string {
  if (typeof input !== 'string' || input.length > 2048 || !input.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(input, BASE);
  } catch {
    return '/';
  }
  // "//evil.example", "/\evil.example" and tab or newline tricks all parse to another origin.
  // A path that only resolves to "//…" ("/a/../\evil.example", "/x/..//evil.example") stays on
  // this origin here, but sent as Location it is protocol-relative: another site.
  if (url.origin !== BASE || url.pathname.startsWith('//') || url.pathname.startsWith('/login')) return '/';
  return url.pathname + url.search;
}
