/** S15: no state change from another site: every server action refuses a foreign Origin before it runs. */
import { NoJsBrowser, pageText } from '../http/http-client';
import { pendingLogin, SESSION_COOKIE, sessionIdOf, signedIn } from '../http/flows';
import { authenticatorCode } from '../helpers/totp-reference';
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';
import { actionRedirect, actionsFromBuild, callAction } from './server-actions';

const suite = useSuite('attack');
const { a } = suite;
const EVIL = 'https://evil.example';
const actions = actionsFromBuild();
/** Open to anyone: the language switcher and the password reset's two steps (the login form posts to a route handler: below). */
const PUBLIC_ACTIONS = new Set(['chooseLanguage', 'requestPasswordResetLink', 'resetPasswordWithLink']);

test(`S15 CSRF: every server action from a foreign Origin is refused before it runs (${actions.length})`, async () => {
  const rows: Array<{ action: string; ran: boolean; refused: boolean; seen: string }> = [];
  for (const action of actions) {
    const anonymous = new NoJsBrowser(a);
    // Control: from our own origin the action runs (its guard sends an anonymous caller away).
    const own = await callAction(anonymous, a, action);
    const foreign = await callAction(anonymous, a, action, { origin: EVIL });
    rows.push({
      action: action.name,
      // The public actions send nobody away: that they answered is the control.
      ran: PUBLIC_ACTIONS.has(action.name) ? own.status === 200 : actionRedirect(own) !== null,
      refused: foreign.status >= 400 && actionRedirect(foreign) === null && !foreign.headers.getSetCookie().length,
      seen: `${action.name}: own ${own.status}${actionRedirect(own) ? `→${actionRedirect(own)}` : ''}, foreign ${foreign.status}`,
    });
  }
  expect(rows.filter((row) => !row.ran || !row.refused).map((row) => row.seen)).toEqual([]);
  observe(rows.map((row) => row.seen).join('; '));
});

test('S15 CSRF with a real session: disabling 2FA and logging in from a foreign Origin change nothing', async () => {
  const t = suite.claim();
  const other = suite.claim('user-without-2fa');
  const victim = await signedIn(t, a);
  const twoFactorRows = () => suite.count(`SELECT count(*)::int AS n FROM "TotpCredential" WHERE "userId" = $1`, [t.id]);
  const before = await suite.auditCount();
  const off = await victim.submit('/settings/2fa/disable', 'password', { password: t.password }, { origin: EVIL });
  const login = await new NoJsBrowser(a).submit('/login', 'email', { email: other.email, password: other.password }, { origin: EVIL });
  expect({ twoFactor: await twoFactorRows(), audit: (await suite.auditCount()) - before }).toEqual({ twoFactor: 1, audit: 0 });
  expect([login.status, login.headers.getSetCookie().filter((c) => c.startsWith(SESSION_COOKIE))]).toEqual([403, []]);
  const nullOrigin = await victim.submit('/settings/2fa/disable', 'password', { password: t.password }, { origin: 'null' });
  expect(await twoFactorRows()).toBe(1);
  // Observed, not a hole: without any Origin header Next.js runs the action (a wrong password
  // here, so nothing changes). Browsers send Origin on every cross-site POST, and the
  // SameSite=Lax cookie is not sent on one at all.
  const noOrigin = await victim.submit('/settings/2fa/disable', 'password', { password: 'wrong password' }, { origin: null });
  const ranWithoutOrigin = pageText(noOrigin.html).includes('password is incorrect') || noOrigin.status === 200;
  observe(
    `disable from ${EVIL}: ${off.status}; login: ${login.status}, no cookie; Origin null: ${nullOrigin.status}; 2FA still on, no audit row; (no Origin header at all: ${noOrigin.status}, action ${ranWithoutOrigin ? 'runs' : 'refused'})`,
  );
});

test('S15 CSRF: the code step, a form post to a route handler (decision 0019), refuses a foreign Origin with the right code', async () => {
  const t = suite.claim();
  const browser = await pendingLogin(t, a);
  const before = await suite.auditCount();
  const code = authenticatorCode(t.totpKey!);
  const foreign = await browser.submit('/login/verify', 'code', { code }, { origin: EVIL });
  const nullOrigin = await browser.submit('/login/verify', 'code', { code }, { origin: 'null' });
  const stage = async () => (await suite.sql.query(`SELECT stage FROM "Session" WHERE id = $1`, [sessionIdOf(browser)])).rows[0]?.stage;
  expect({
    foreign: foreign.status,
    nullOrigin: nullOrigin.status,
    cookies: [...foreign.headers.getSetCookie(), ...nullOrigin.headers.getSetCookie()],
    audit: (await suite.auditCount()) - before,
    stage: await stage(),
  }).toEqual({
    foreign: 403,
    nullOrigin: 403,
    cookies: [],
    audit: 0,
    stage: 'PENDING_2FA',
  });
  // The control: the same code from the portal's own page signs in.
  const own = await browser.submit('/login/verify', 'code', { code });
  expect([own.status, own.location]).toEqual([303, '/']);
  observe(
    `code step from ${EVIL}: ${foreign.status}; Origin null: ${nullOrigin.status}; no cookie, no audit row, still PENDING_2FA; from its own page: ${own.status} → /`,
  );
});

test('S15 CSRF: the login form, a form post to a route handler (decision 0020), refuses a foreign Origin with the right password', async () => {
  const t = suite.claim('user-without-2fa');
  const browser = new NoJsBrowser(a);
  const before = await suite.auditCount();
  const fields = { email: t.email, password: t.password };
  const foreign = await browser.submit('/login', 'email', fields, { origin: EVIL });
  const nullOrigin = await browser.submit('/login', 'email', fields, { origin: 'null' });
  expect({
    foreign: foreign.status,
    nullOrigin: nullOrigin.status,
    cookies: [...foreign.headers.getSetCookie(), ...nullOrigin.headers.getSetCookie()],
    audit: (await suite.auditCount()) - before,
  }).toEqual({ foreign: 403, nullOrigin: 403, cookies: [], audit: 0 });
  // The control: the same form from the portal's own page signs in.
  const own = await browser.submit('/login', 'email', fields);
  expect([own.status, own.location, own.headers.getSetCookie().some((c) => c.startsWith(SESSION_COOKIE))]).toEqual([303, '/', true]);
  observe(`login form from ${EVIL}: ${foreign.status}; Origin null: ${nullOrigin.status}; no cookie, no audit row; from its own page: ${own.status} → /`);
});
