/** Logins and sessions across instances: a pending login moves freely; an ended session (S9) ends on every instance. */
import { authenticatorCode } from '../helpers/totp-reference';
import { NoJsBrowser, redirectPath } from '../http/http-client';
import { codeStep, outcome, pendingLogin, signIn, signedIn } from '../http/flows';
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';

const suite = useSuite('multi');
const { a, b } = suite;

test('a pending login made on A completes on B', async () => {
  const user = suite.claim();
  const browser = await pendingLogin(user, a);
  const done = await codeStep(browser, authenticatorCode(user.totpKey!), b);
  expect(`B: ${outcome(done)}`).toBe('B: 303 → /');
  const home = await browser.get('/', a);
  expect({ status: home.status, named: home.html.includes(user.name) }).toEqual({ status: 200, named: true });
  observe('password on A, code on B → 303 /; the new session opens / on A');
});

test('S9: a logout on B ends the session on A at the next request', async () => {
  const browser = await signedIn(suite.claim('user-without-2fa'), a);
  expect((await browser.get('/', b)).status).toBe(200);
  const stolen = browser.clone();
  const out = await browser.submit('/', /\$ACTION_ID_/, {}, { server: b });
  expect(outcome(out)).toBe('303 → /login?notice=logged-out');
  const after = await stolen.get('/', a);
  expect(`${after.status} ${redirectPath(after)}`).toBe('307 /login');
  observe(`logout on B: ${outcome(out)}; the old cookie on A: ${after.status} → ${redirectPath(after)}`);
});

test('S9: disabling 2FA on A ends the other session on B', async () => {
  const user = suite.claim();
  const now = Date.now();
  const one = new NoJsBrowser(a);
  await signIn(one, user.email, user.password, () => authenticatorCode(user.totpKey!, now), a);
  const two = new NoJsBrowser(b);
  await signIn(two, user.email, user.password, () => authenticatorCode(user.totpKey!, now, 1), b);
  expect((await two.get('/', b)).status).toBe(200);
  const off = await one.submit('/settings/2fa/disable', 'password', { password: user.password }, { server: a });
  // The action answers { ok }, then the page re-renders and, 2FA being off, sends to /settings/2fa.
  expect([200, 303, 307]).toContain(off.status);
  expect(await suite.count(`SELECT count(*)::int AS n FROM "TotpCredential" WHERE "userId" = $1`, [user.id])).toBe(0);
  const mine = await one.get('/settings/2fa', a);
  expect(mine.status).toBe(200);
  const after = await two.get('/', b);
  expect(`${after.status} ${redirectPath(after)}`).toBe('307 /login');
  observe(`disable on A: ${outcome(off)}; own session still works; other session on B: ${after.status} → /login`);
});
