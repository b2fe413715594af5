/** A callbackUrl never sends a signed-in user to another site (login, verify, the login page). */
import { authenticatorCode } from '../helpers/totp-reference';
import { NoJsBrowser, type Page } from '../http/http-client';
import { passwordStep } from '../http/flows';
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';

const suite = useSuite('attack');
const { a, b } = suite;
const EVIL_URLS = [
  '//evil.example',
  '/\\evil.example',
  'https://evil.example/',
  '/%2F%2Fevil.example',
  '/\t/evil.example',
  'javascript:alert(1)',
  '\\\\evil.example',
  '/login/../\\evil.example',
  'http:evil.example',
];

test('open redirect via callbackUrl (login, verify and the login page) stays on this site', async () => {
  const user = suite.claim('user-without-2fa');
  const bases = [a, b].map((s) => new URL(s).origin);
  /** The Location of a redirect off this site, or null. */
  const offSite = (page: Page) => {
    if (!page.location) return 'no redirect';
    const resolved = new URL(page.location, a);
    return bases.includes(resolved.origin) && !/^\/\/|^\/\\/.test(resolved.pathname) ? null : page.location;
  };
  const bad: string[] = [];
  for (const url of EVIL_URLS) {
    const browser = new NoJsBrowser(a);
    const query = await browser.submit(
      '/login',
      'email',
      { email: user.email, password: user.password },
      { page: await browser.get(`/login?callbackUrl=${encodeURIComponent(url)}`) },
    );
    const forged = await new NoJsBrowser(a).submit('/login', 'email', { email: user.email, password: user.password, callbackUrl: url });
    const listed = await browser.get(`/login?callbackUrl=${encodeURIComponent(url)}`); // signed in: the page redirects
    for (const [where, page] of [
      ['query', query],
      ['forged field', forged],
      ['login page', listed],
    ] as const) {
      const off = offSite(page);
      if (off) bad.push(`${JSON.stringify(url)} (${where}): ${off}`);
    }
  }
  const t = suite.claim();
  const pending = new NoJsBrowser(a);
  await passwordStep(pending, t.email, t.password, a, { callbackUrl: '//evil.example' });
  const verified = await pending.submit('/login/verify', 'code', { code: authenticatorCode(t.totpKey!), callbackUrl: 'https://evil.example' });
  if (offSite(verified)) bad.push(`verify: ${verified.location}`);
  expect(bad).toEqual([]);
  observe(`${EVIL_URLS.length} URLs × 3 places + verify: every redirect stays on this origin`);
});
