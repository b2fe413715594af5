/**
 * Faults: the database cut off during sign-in, an instance killed mid-enrolment. These stop
 * things, so they run on instances and a database of their own (a copy of the suite's), started
 * here and stopped after; the suite's A and B never see them.
 */
import pg from 'pg';
import { authenticatorCode } from '../helpers/totp-reference';
import { NoJsBrowser, pageText, type Page } from '../http/http-client';
import { outcome, passwordStep, signedIn } from '../http/flows';
import { cleanup, copyDatabase, startInstance, type Instance } from '../http/harness';
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';

const suite = useSuite('multi');
let databaseUrl: string;
let sql: pg.Pool;
let A: Instance;
let B: Instance;
let serverEnv: Record<string, string>;

beforeAll(async () => {
  databaseUrl = await copyDatabase(suite.adminUrl, suite.template);
  serverEnv = { ...suite.serverEnv, DATABASE_URL: databaseUrl };
  [A, B] = await Promise.all([startInstance('fault A', serverEnv), startInstance('fault B', serverEnv)]);
  sql = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  sql.on('error', () => {}); // its connections are cut below, with everyone's
});

afterAll(async () => {
  await sql?.end();
  await cleanup();
});

test('fault: the database unreachable during sign-in: a "try again" page, nothing half-written; back, it works', async () => {
  const user = suite.claim('user-without-2fa');
  const database = new URL(databaseUrl).pathname.slice(1);
  const admin = new pg.Client({ connectionString: suite.adminUrl });
  await admin.connect();
  let during: string;
  try {
    // This database only: no new connections, and the instances' open ones are cut.
    await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [database]);
    const browser = new NoJsBrowser(A.baseUrl);
    const page = await passwordStep(browser, user.email, user.password, A.baseUrl);
    const text = pageText(page.html);
    const health = await fetch(`${B.baseUrl}/api/health`);
    during = `login: ${page.status} "${text.match(/Something went wrong[^.]*\.[^.]*\./)?.[0] ?? text.slice(0, 80)}"; health on B: ${health.status}`;
    observe(during);
    // The login form again, with the message: the user can try again from where they are.
    expect({
      status: page.status,
      tryAgain: /Something went wrong on our side\. Please try again in a moment\./.test(text),
      form: /name="password"/.test(page.html),
      errorText: page.html.match(/prisma|allow connections|terminat|ECONN|\bat \S+ \(/i)?.[0] ?? null,
      // No session; only the typed address, kept for the page the browser was sent back to (decision 0020).
      cookies: [...browser.cookies.keys()],
      health: health.status,
    }).toEqual({ status: 200, tryAgain: true, form: true, errorText: null, cookies: ['__Secure-portal_login_email'], health: 503 });
  } finally {
    await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
    await admin.end();
  }
  const back = await passwordStep(new NoJsBrowser(A.baseUrl), user.email, user.password, A.baseUrl);
  expect(`after the outage: ${outcome(back)}`).toBe('after the outage: 303 → /');
  const sessions = Number((await sql.query(`SELECT count(*)::int AS n FROM "Session" WHERE "userId" = $1`, [user.id])).rows[0].n);
  const events = (await sql.query(`SELECT type FROM "AuditEvent" WHERE "subjectUserId" = $1 ORDER BY id`, [user.id])).rows.map((r) => r.type as string);
  // Only the login after the outage: one session, its success events, no failure counted.
  expect({ sessions, failures: events.filter((type) => /fail|lock/.test(type)), events: events.length > 0 }).toEqual({
    sessions: 1,
    failures: [],
    events: true,
  });
  observe(`after: ${outcome(back)}, 1 session, audit: ${events.join(', ')}`);
});

test('fault: an instance killed (SIGKILL) mid-enrolment and started again: the user finishes it', async () => {
  const user = suite.claim('user-without-2fa');
  const browser = await signedIn(user, A.baseUrl);
  const begun = await browser.submit('/settings/2fa', /Enable 2FA/, {}, { server: A.baseUrl });
  expect(outcome(begun)).toBe('303 → /settings/2fa/enable');
  const keyOf = (page: Page) => page.html.match(/data-testid="totp-key"[^>]*>([^<]+)</)?.[1].replace(/\s/g, '');
  const key = keyOf(await browser.get('/settings/2fa/enable', A.baseUrl));
  expect(key).toMatch(/^[A-Z2-7]{16,}$/);

  process.kill(-A.child.pid!, 'SIGKILL');
  await new Promise((resolve) => A.child.once('exit', resolve));
  A = await startInstance('fault A (restarted)', serverEnv);
  const page = await browser.get('/settings/2fa/enable', A.baseUrl);
  expect({ status: page.status, sameKey: keyOf(page) === key }).toEqual({ status: 200, sameKey: true });
  const done = await browser.submit('/settings/2fa/enable?step=confirm', 'code', { code: authenticatorCode(key!) }, { server: A.baseUrl });
  // Without JavaScript too, the answer shows the new recovery codes, once.
  const codes = new Set(pageText(done.html).match(/\b[0-9A-Z]{5}-[0-9A-Z]{5}\b/g));
  expect({ enabled: pageText(done.html).includes('Two-factor authentication is enabled.'), recoveryCodes: codes.size }).toEqual({
    enabled: true,
    recoveryCodes: 10,
  });
  const { rows } = await sql.query(`SELECT "confirmedAt" FROM "TotpCredential" WHERE "userId" = $1`, [user.id]);
  expect(rows[0]?.confirmedAt).toBeTruthy();
  observe(
    'began on A, A killed, restarted: the same key is shown, its code confirms it ("Two-factor authentication is enabled.", 10 recovery codes shown); 2FA on',
  );
});
