/**
 * S16: "Forgot your password?" as an attacker meets it over HTTP: the answer and its timing do
 * not tell which addresses have accounts; a reset link works once, dies with a newer one or its
 * hour, serves only its own user, and signs nobody in: the next login still asks for the code.
 */
import { NoJsBrowser, pageText, redirectPath, type Page } from '../http/http-client';
import { outcome, passwordStep, SESSION_COOKIE } from '../http/flows';
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';
import { RESET_REQUESTS_PER_ADDRESS } from '../../lib/auth/password-limits';

const suite = useSuite('attack');
const SENT = 'If an account exists for this address, we sent a link. It works for 1 hour.';
const DONE = 'Your password was changed and you were logged out everywhere.';
const INVALID = 'This link no longer works';
const NEW_PASSWORD = 'zeven blauwe olifanten dansen traag';

const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const askLink = (browser: NoJsBrowser, email: string, page?: Page) => browser.submit('/login/forgot-password', 'email', { email }, { page });

/** The newest reset link mailed to `email`, as the outbox holds it. */
async function linkToken(email: string): Promise<string> {
  const { rows } = await suite.sql.query(
    `SELECT body FROM "OutboxMessage" WHERE "toEmail" = $1 AND kind = 'password_reset_link' ORDER BY "createdAt" DESC, id DESC LIMIT 1`,
    [email],
  );
  const token = /\/login\/reset-password\?token=([A-Za-z0-9_-]{43})/.exec(rows[0]?.body ?? '')?.[1];
  if (!token) throw new Error(`no reset link mailed to ${email}`);
  return token;
}

async function useLink(browser: NoJsBrowser, token: string, fields: Record<string, string> = {}): Promise<Page> {
  const page = await browser.get(`/login/reset-password?token=${token}`);
  if (!page.html.includes('name="newPassword"')) return page;
  return browser.submit('/login/reset-password', 'newPassword', { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD, ...fields }, { page });
}

/** What the body says, without what differs in every response anyway: the CSP nonce, in the HTML and in the page's data. */
const comparable = (page: Page) => {
  const nonce = /nonce="([^"]+)"/.exec(page.html)?.[1];
  return nonce ? page.html.split(nonce).join('NONCE') : page.html;
};

test('S16 enumeration: 30 reset requests each for known and unknown addresses: same status and body, medians within 10 ms', async () => {
  // Known addresses: the demo users and one of our own, each asked for at most the per-address budget.
  const claimed = suite.claim('user');
  const knownAddresses = [...suite.users.map((u) => u.email), claimed.email].slice(0, Math.ceil(30 / RESET_REQUESTS_PER_ADDRESS));
  expect(knownAddresses.length * RESET_REQUESTS_PER_ADDRESS).toBeGreaterThanOrEqual(30);
  const browser = new NoJsBrowser(suite.a);
  const form = await browser.get('/login/forgot-password');
  await askLink(browser, 'warm-up@suite.example', form);
  const times = { known: [] as number[], unknown: [] as number[] };
  const bodies = { known: new Set<string>(), unknown: new Set<string>() };
  const statuses = new Set<number>();
  for (let i = 0; i < 30; i++) {
    for (const kind of (i % 2 ? ['known', 'unknown'] : ['unknown', 'known']) as Array<'known' | 'unknown'>) {
      const email = kind === 'known' ? knownAddresses[i % knownAddresses.length] : `nobody-${i}-${Date.now()}@suite.example`;
      const t0 = performance.now();
      const page = await askLink(browser, email, form);
      times[kind].push(performance.now() - t0);
      statuses.add(page.status);
      bodies[kind].add(comparable(page));
      expect(pageText(page.html)).toContain(SENT);
    }
  }
  expect([...statuses]).toEqual([200]);
  expect(bodies.known.size).toBe(1);
  expect([...bodies.unknown]).toEqual([...bodies.known]);
  // Every known address did get its links; no unknown one got mail.
  expect(await suite.count(`SELECT count(*)::int AS n FROM "OutboxMessage" WHERE kind = 'password_reset_link' AND "toEmail" = ANY($1)`, [knownAddresses])).toBe(
    30,
  );
  expect(await suite.count(`SELECT count(*)::int AS n FROM "OutboxMessage" WHERE "toEmail" LIKE 'nobody-%@suite.example'`)).toBe(0);
  const [mk, mu] = [median(times.known), median(times.unknown)];
  observe(
    `median known ${mk.toFixed(1)} ms, unknown ${mu.toFixed(1)} ms, difference ${Math.abs(mk - mu).toFixed(1)} ms (30 each); 200 and the same body for all 60`,
  );
  expect(Math.abs(mk - mu)).toBeLessThan(10);
});

test('S16 reset link: works once, dies with a newer one and with its hour, serves only its own user; after it the old password fails, sessions are gone, the login asks for the code', async () => {
  const user = suite.claim('user'); // 2FA on
  const bystander = suite.claim('user');
  const signedInElsewhere = new NoJsBrowser(suite.a);
  await passwordStep(signedInElsewhere, user.email, user.password); // at least a pending login to end
  const attacker = new NoJsBrowser(suite.b);

  await askLink(attacker, user.email);
  const older = await linkToken(user.email);
  await askLink(attacker, user.email);
  const newer = await linkToken(user.email);
  expect(newer).not.toBe(older);
  const olderPage = await useLink(attacker, older);
  expect(pageText(olderPage.html)).toContain(INVALID);

  // Expiry: the operator's clock moved on by an hour for this one link (the integration tests use a fake clock).
  await askLink(attacker, bystander.email);
  const bystanderToken = await linkToken(bystander.email);
  await suite.sql.query(`UPDATE "PasswordResetToken" SET "expiresAt" = now() - interval '1 second' WHERE "userId" = $1`, [bystander.id]);
  expect(pageText((await useLink(attacker, bystanderToken)).html)).toContain(INVALID);

  // The link, posted with another user's address and id in forged fields, changes its own user's password only.
  const browser = new NoJsBrowser(suite.b);
  const done = await useLink(browser, newer, { email: bystander.email, userId: bystander.id });
  expect(pageText(done.html)).toContain(DONE);
  expect(browser.cookies.has(SESSION_COOKIE)).toBe(false); // not signed in
  const again = await useLink(new NoJsBrowser(suite.a), newer);
  expect(pageText(again.html)).toContain(INVALID);

  expect(await suite.count(`SELECT count(*)::int AS n FROM "Session" WHERE "userId" = $1`, [user.id])).toBe(0);
  const oldSession = await signedInElsewhere.get('/login/verify');
  expect(redirectPath(oldSession)).toBe('/login');
  const oldPassword = await passwordStep(new NoJsBrowser(suite.a), user.email, user.password);
  const newPassword = await passwordStep(new NoJsBrowser(suite.a), user.email, NEW_PASSWORD);
  const bystanderLogin = await passwordStep(new NoJsBrowser(suite.a), bystander.email, bystander.password);
  expect(redirectPath(oldPassword)).toBeNull();
  expect(redirectPath(newPassword)).toBe('/login/verify');
  expect(redirectPath(bystanderLogin)).toBe('/login/verify');
  observe(
    `older link: "${INVALID}"; expired: same; used: "${DONE}" with no cookie; again: "${INVALID}"; old password ${outcome(oldPassword)}; new password ${outcome(newPassword)}; bystander unchanged`,
  );
});
