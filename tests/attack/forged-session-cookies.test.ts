/** Session cookies an attacker makes up or alters are no session: the login page, never an error. */
import { createHash, randomBytes } from 'node:crypto';
import { NoJsBrowser, redirectPath } from '../http/http-client';
import { SESSION_COOKIE, signedIn } from '../http/flows';
import { observe } from '../http/observe';
import { sessionCookieName } from '../../lib/auth/cookie-name';
import { useSuite } from '../http/suite';

const suite = useSuite('attack');

test('forged and garbage session cookies get the login page, never an error', async () => {
  const real = await signedIn(suite.claim('user-without-2fa'), suite.a);
  const token = real.cookies.get(SESSION_COOKIE)!;
  const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
  const forged: Record<string, string> = {
    random: randomBytes(32).toString('base64url'),
    empty: '',
    'one char changed': flipped,
    truncated: token.slice(0, 20),
    'the session id (hash) instead of the token': createHash('sha256').update(token).digest('hex'),
    'SQL injection': encodeURIComponent("' OR '1'='1"),
    '10 kB': 'A'.repeat(10_000),
    unicode: encodeURIComponent('ščřž🙂'),
  };
  const answers: string[] = [];
  for (const [label, value] of Object.entries(forged)) {
    const page = await new NoJsBrowser(suite.a).request('/', { headers: { cookie: `${SESSION_COOKIE}=${value}` } });
    answers.push(`${label}: ${page.status} ${redirectPath(page)}`);
  }
  // The same token under the cookie name without the __Host- prefix is not a session.
  const unprefixed = await new NoJsBrowser(suite.a).request('/', { headers: { cookie: `${sessionCookieName({ production: false })}=${token}` } });
  answers.push(`unprefixed name: ${unprefixed.status} ${redirectPath(unprefixed)}`);
  expect((await real.get('/')).status).toBe(200); // control: the real cookie
  expect(answers.filter((answer) => !answer.endsWith(': 307 /login'))).toEqual([]);
  observe(`${answers.length} forged cookies → 307 /login; the real one → 200`);
});
