/** S15: security headers on every page answer, and the session cookie's attributes. */
import { NoJsBrowser } from '../http/http-client';
import { passwordStep, SESSION_COOKIE } from '../http/flows';
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';

const suite = useSuite('attack');
const { a } = suite;

test('S15 security headers on pages (CSP nonce, no unsafe-eval, frame-ancestors none, nosniff, …)', async () => {
  const page = await new NoJsBrowser(a).get('/login');
  const h = page.headers;
  const csp = h.get('content-security-policy') ?? '';
  const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
  const problems: string[] = [];
  if (!nonce) problems.push('no nonce in CSP');
  if (/unsafe-eval/.test(csp)) problems.push('unsafe-eval');
  if (/script-src[^;]*'unsafe-inline'/.test(csp)) problems.push("script-src 'unsafe-inline'");
  if (!/frame-ancestors 'none'/.test(csp)) problems.push('frame-ancestors');
  if (h.get('x-content-type-options') !== 'nosniff') problems.push('nosniff');
  if (!h.get('referrer-policy')) problems.push('Referrer-Policy');
  if (!h.get('permissions-policy')) problems.push('Permissions-Policy');
  if (h.get('x-powered-by')) problems.push('X-Powered-By');
  const scripts = page.html.match(/<script[^>]*>/g) ?? [];
  if (nonce && scripts.some((s) => !s.includes(`nonce="${nonce}"`))) problems.push('a script tag without the nonce');
  const https = await new NoJsBrowser(a).request('/login', { headers: { 'x-forwarded-proto': 'https' } });
  if (!/max-age=\d+/.test(https.headers.get('strict-transport-security') ?? '')) problems.push('no HSTS behind HTTPS');
  const second = await new NoJsBrowser(a).get('/login');
  if ((second.headers.get('content-security-policy') ?? '').includes(`'nonce-${nonce}'`)) problems.push('the nonce repeats');
  expect(problems).toEqual([]);
  observe(
    `CSP ${csp.split(';').length} directives with a fresh nonce on ${scripts.length} scripts; nosniff; ${h.get('referrer-policy')}; Permissions-Policy; HSTS on HTTPS`,
  );
});

test('S15 session cookie: __Host- prefix, HttpOnly, SameSite=Lax, Secure, Path=/, no Domain', async () => {
  const t = suite.claim();
  const page = await passwordStep(new NoJsBrowser(a), t.email, t.password);
  const cookie = page.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? '';
  const attributes = cookie
    .split(';')
    .slice(1)
    .map((x) => x.trim().toLowerCase());
  const missing = ['httponly', 'samesite=lax', 'secure', 'path=/'].filter((want) => !attributes.includes(want));
  expect({ set: cookie !== '', missing, domain: attributes.filter((x) => x.startsWith('domain=')) }).toEqual({ set: true, missing: [], domain: [] });
  observe(cookie.replace(/=[^;]+/, '=…').replace(/Expires=[^;]+; /i, ''));
});

test('S15 a refused login without JavaScript: the typed address comes back in a cookie only the login page gets (HttpOnly, Path=/login, one minute), never in the URL', async () => {
  const t = suite.claim('user-without-2fa');
  const browser = new NoJsBrowser(a);
  const login = await browser.get('/login');
  const callbackUrl = login.html.match(/name="callbackUrl" value="([^"]*)"/)?.[1] ?? '/';
  const post = (password: string) =>
    browser.request('/login/password', {
      method: 'POST',
      body: new URLSearchParams({ email: t.email, password, callbackUrl }),
      headers: { origin: a, 'content-type': 'application/x-www-form-urlencoded' },
    });
  const refused = await post('not the password');
  const cookie = refused.headers.getSetCookie().find((c) => /^__Secure-portal_login_email=/.test(c)) ?? '';
  const attributes = cookie
    .split(';')
    .slice(1)
    .map((x) => x.trim().toLowerCase());
  const back = await browser.get(refused.location ?? '');
  expect({
    status: refused.status,
    location: refused.location,
    missing: ['httponly', 'samesite=lax', 'secure', 'path=/login', 'max-age=60'].filter((want) => !attributes.includes(want)),
    formFilled: back.html.includes(`value="${t.email}"`),
  }).toEqual({ status: 303, location: '/login?refused=incorrect', missing: [], formFilled: true });
  // Once signed in the address is not kept for the next person at the same computer.
  const signedIn = await post(t.password);
  const cleared = signedIn.headers.getSetCookie().find((c) => /^__Secure-portal_login_email=/.test(c)) ?? '';
  expect([signedIn.status, /max-age=0|expires=thu, 01 jan 1970/i.test(cleared)]).toEqual([303, true]);
  observe(`${cookie.replace(/=[^;]+/, '=…')}; Location ${refused.location}; cleared after signing in`);
});
