/**
 * npm run test:multi — two `next start` instances on one PostgreSQL, driven over plain HTTP by
 * browsers without JavaScript that alternate between them (as behind a load balancer): what one
 * instance records, the other must honour (S3, S4, S5, S9, and pending logins); then faults: the
 * database gone during sign-in, an instance killed mid-enrolment. Prints a line per
 * check and `N passed, N failed`; exits non-zero on a failure; stops what it started.
 * E2E_SKIP_BUILD=1 reuses the current .next build.
 */
import { authenticatorCode, wrongCode } from '../tests/helpers/totp-reference';
import pg from 'pg';
import { NoJsBrowser, pageText, redirectPath, type Page } from '../tests/attack/http-client';
import { codeStep, outcome, passwordStep, signIn } from '../tests/attack/flows';
import { bound, Checks, cleanup, expect, prepare, secs, seedUser, startInstance } from '../tests/attack/harness';

const started = Date.now();
bound(15 * 60 * 1000);
const checks = new Checks();

try {
  const { adminUrl, databaseUrl, serverEnv, users, sql } = await prepare('multi');
  const [A, B] = await Promise.all([startInstance('A', serverEnv), startInstance('B', serverEnv)]);
  const a = A.baseUrl;
  const b = B.baseUrl;
  const other = (server: string) => (server === a ? b : a);
  console.log('');

  const bram = seedUser(users, 'bram@vandijk.example');
  const eva = seedUser(users, 'eva@vandijk.example');
  const greet = seedUser(users, 'greet@peeters.example');
  const anna = seedUser(users, 'anna@vandijk.example');
  const hans = seedUser(users, 'hans@peeters.example');

  await checks.check('S3: a code accepted on A is refused on B', async () => {
    const code = authenticatorCode(bram.totpKey!);
    const first = new NoJsBrowser(a);
    expect(redirectPath(await passwordStep(first, bram.email, bram.password, a)) === '/login/verify', 'password step on A');
    const accepted = await codeStep(first, code, a);
    expect(accepted.status === 303 && redirectPath(accepted) === '/', `A: ${outcome(accepted)}`);
    const second = new NoJsBrowser(b);
    expect(redirectPath(await passwordStep(second, bram.email, bram.password, b)) === '/login/verify', 'password step on B');
    const replay = await codeStep(second, code, b);
    expect(outcome(replay).includes('code-replayed'), `B: ${outcome(replay)}`);
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE type = 'login.code_replayed'`);
    expect(rows[0].n === 1, `audit: ${rows[0].n} login.code_replayed events`);
    return `A: ${outcome(accepted)}; B: ${outcome(replay)}; audit login.code_replayed = 1`;
  });

  await checks.check('S4: 5 wrong codes on one pending login, alternating A/B, end it', async () => {
    const browser = new NoJsBrowser(a);
    await passwordStep(browser, bram.email, bram.password, a);
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      const server = i % 2 ? b : a;
      seen.push(`${server === a ? 'A' : 'B'}:${outcome(await codeStep(browser, wrongCode(bram.totpKey!), server))}`);
    }
    expect(seen.slice(0, 4).every((s, i) => s.includes(`code-wrong (${4 - i} left)`)), seen.join(' | '));
    expect(seen[4].includes('/login?notice=start-again'), seen.join(' | '));
    // The challenge is gone on both instances, even with the right code.
    const after = await browser.get('/login/verify', b);
    expect(after.status === 307 && redirectPath(after)?.startsWith('/login'), `verify page after: ${after.status} ${after.location}`);
    return seen.join(' | ');
  });

  await checks.check('S4: account failures add up across instances and logins: the 10th locks', async () => {
    // The account has some failures already (the replay and the five wrong codes above): read
    // how many, then new logins alternate instances until the lock, which must come at the 10th.
    const failures = async () => (await sql.query(`SELECT "codeFailures" AS n FROM "User" WHERE email = $1`, [bram.email])).rows[0].n as number;
    const before = await failures();
    expect(before > 0 && before < 10, `failures before: ${before}`);
    const seen: string[] = [];
    let browser: NoJsBrowser | null = null;
    let attempts = 0;
    for (let n = before + 1; n <= 10; n++) {
      const server = n % 2 ? a : b;
      if (!browser || attempts === 4) {
        browser = new NoJsBrowser(other(server));
        expect(redirectPath(await passwordStep(browser, bram.email, bram.password, other(server))) === '/login/verify', 'password step');
        attempts = 0;
      }
      attempts += 1;
      seen.push(`#${n}:${outcome(await codeStep(browser, wrongCode(bram.totpKey!), server))}`);
    }
    expect(seen.slice(0, -1).every((s) => s.includes('code-wrong')), seen.join(' | '));
    expect(seen.at(-1)!.includes('/login?notice=code-locked'), seen.join(' | '));
    // Locked: even the right code on a new login is refused, on the other instance.
    const fresh = new NoJsBrowser(b);
    await passwordStep(fresh, bram.email, bram.password, b);
    const right = await codeStep(fresh, authenticatorCode(bram.totpKey!, Date.now(), 1), b);
    expect(redirectPath(right) === '/login?notice=code-locked', `right code while locked: ${outcome(right)}`);
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM "AuditEvent" a JOIN "User" u ON u.id = a."subjectUserId" WHERE u.email = $1 AND a.type = 'login.code_locked'`, [bram.email]);
    expect(rows[0].n === 1, `audit: ${rows[0].n} login.code_locked events`);
    return `${before} failures before; ${seen.join(' | ')}; right code after: ${outcome(right)}; audit login.code_locked = 1`;
  });

  await checks.check('S5: wrong passwords add up across instances: the 10th locks the address', async () => {
    const seen: string[] = [];
    const browser = new NoJsBrowser(a);
    for (let i = 0; i < 10; i++) seen.push(outcome(await passwordStep(browser, hans.email, `wrong ${i}`, i % 2 ? b : a)));
    expect(seen.slice(0, 9).every((s) => s.includes('incorrect-credentials')), seen.join(' | '));
    expect(seen[9].includes('password-locked'), seen.join(' | '));
    const right = await passwordStep(browser, hans.email, hans.password, b);
    expect(outcome(right).includes('password-locked'), `right password after: ${outcome(right)}`);
    return `1–9: incorrect; 10th: ${seen[9]}; right password on B: ${outcome(right)}`;
  });

  await checks.check('a pending login made on A completes on B', async () => {
    const browser = new NoJsBrowser(a);
    const first = await passwordStep(browser, eva.email, eva.password, a);
    expect(redirectPath(first) === '/login/verify', outcome(first));
    const done = await codeStep(browser, authenticatorCode(eva.totpKey!), b);
    expect(redirectPath(done) === '/', `B: ${outcome(done)}`);
    const home = await browser.get('/', a);
    expect(home.status === 200 && home.html.includes(eva.name), `home on A: ${home.status}`);
    return 'password on A, code on B → 303 /; the new session opens / on A';
  });

  await checks.check('S9: a logout on B ends the session on A at the next request', async () => {
    const browser = new NoJsBrowser(a);
    await signIn(browser, anna.email, anna.password, undefined, a);
    expect((await browser.get('/', b)).status === 200, 'signed in on B');
    const stolen = browser.clone();
    const out = await browser.submit('/', /\$ACTION_ID_/, {}, { server: b });
    expect(redirectPath(out) === '/login?notice=logged-out', `logout: ${outcome(out)}`);
    const after = await stolen.get('/', a);
    expect(after.status === 307 && redirectPath(after) === '/login', `old cookie on A: ${after.status} ${after.location}`);
    return `logout on B: ${outcome(out)}; the old cookie on A: ${after.status} → ${redirectPath(after)}`;
  });

  await checks.check('S9: disabling 2FA on A ends the other session on B', async () => {
    const now = Date.now();
    const one = new NoJsBrowser(a);
    await signIn(one, greet.email, greet.password, () => authenticatorCode(greet.totpKey!, now), a);
    const two = new NoJsBrowser(b);
    await signIn(two, greet.email, greet.password, () => authenticatorCode(greet.totpKey!, now, 1), b);
    expect((await two.get('/', b)).status === 200, 'second session works on B');
    const off = await one.submit('/settings/2fa/disable', 'password', { password: greet.password }, { server: a });
    // The action answers { ok }, then the page re-renders and, 2FA being off, sends to /settings/2fa.
    expect([200, 303, 307].includes(off.status), `disable: ${outcome(off)}`);
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM "TotpCredential" c JOIN "User" u ON u.id = c."userId" WHERE u.email = $1`, [greet.email]);
    expect(rows[0].n === 0, '2FA is still on');
    const mine = await one.get('/settings/2fa', a);
    expect(mine.status === 200, `own session after disabling: ${mine.status} ${mine.location}`);
    const after = await two.get('/', b);
    expect(after.status === 307 && redirectPath(after) === '/login', `other session on B: ${after.status} ${after.location}`);
    return `disable on A: ${outcome(off)}; own session still works; other session on B: ${after.status} → /login`;
  });

  await checks.check('S3: one code sent to A and B at the same time: exactly one succeeds', async () => {
    const helpdesk = seedUser(users, 'helpdesk@portal.example');
    const x = new NoJsBrowser(a);
    const y = new NoJsBrowser(b);
    await passwordStep(x, helpdesk.email, helpdesk.password, a);
    await passwordStep(y, helpdesk.email, helpdesk.password, b);
    const [px, py] = await Promise.all([x.get('/login/verify', a), y.get('/login/verify', b)]);
    const code = authenticatorCode(helpdesk.totpKey!);
    const [rx, ry] = await Promise.all([
      x.submit('/login/verify', 'code', { code }, { server: a, page: px }),
      y.submit('/login/verify', 'code', { code }, { server: b, page: py }),
    ]);
    const ok = [rx, ry].filter((r) => redirectPath(r) === '/').length;
    const replayed = [rx, ry].filter((r) => outcome(r).includes('code-replayed')).length;
    const result = `A: ${outcome(rx)}; B: ${outcome(ry)}`;
    expect(ok === 1 && replayed === 1, result);
    return result;
  });

  // ---------------------------------------------------------------- faults (last: they stop things)
  await checks.check('fault: the database unreachable during sign-in: a "try again" page, nothing half-written; back, it works', async () => {
    const dirk = seedUser(users, 'dirk@maes.example');
    const database = new URL(databaseUrl).pathname.slice(1);
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    let during: string;
    try {
      // Our database only: no new connections, and the instances' open ones are cut.
      await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [database]);
      const browser = new NoJsBrowser(a);
      const page = await passwordStep(browser, dirk.email, dirk.password, a);
      const text = pageText(page.html);
      const health = await fetch(`${b}/api/health`);
      during = `login: ${page.status} "${text.match(/Something went wrong[^.]*\.[^.]*\./)?.[0] ?? text.slice(0, 80)}"; health on B: ${health.status}`;
      // The login form again, with the message: the user can try again from where they are.
      expect(page.status === 200 && /Something went wrong on our side\. Please try again in a moment\./.test(text) && /name="password"/.test(page.html), during);
      expect(!/prisma|allow connections|terminat|ECONN|\bat \S+ \(/i.test(page.html), `the page shows the error's text: ${during}`);
      expect(browser.cookies.size === 0 && health.status === 503, `a cookie was set, or health said ok: ${during}`);
    } finally {
      await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    const browser = new NoJsBrowser(a);
    const back = await passwordStep(browser, dirk.email, dirk.password, a);
    expect(redirectPath(back) === '/', `after the outage: ${outcome(back)}`);
    const sessions = (await sql.query(`SELECT count(*)::int AS n FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1`, [dirk.email])).rows[0].n;
    const events = (await sql.query(`SELECT e.type FROM "AuditEvent" e JOIN "User" u ON u.id = e."subjectUserId" WHERE u.email = $1 ORDER BY e.id`, [dirk.email])).rows.map((r) => r.type as string);
    // Only the login after the outage: one session, its success events, no failure counted.
    expect(sessions === 1 && events.length > 0 && events.every((type) => !/fail|lock/.test(type)), `after: ${sessions} sessions, events ${events.join(', ')}`);
    return `${during}; after: ${outcome(back)}, 1 session, audit: ${events.join(', ')}`;
  });

  await checks.check('fault: an instance killed (SIGKILL) mid-enrolment and started again: the user finishes it', async () => {
    const ines = seedUser(users, 'ines@maes.example');
    const browser = new NoJsBrowser(a);
    await signIn(browser, ines.email, ines.password, undefined, a);
    const started = await browser.submit('/settings/2fa', /Enable 2FA/, {}, { server: a });
    expect(redirectPath(started) === '/settings/2fa/enable', `begin: ${outcome(started)}`);
    const keyOf = (page: Page) => page.html.match(/data-testid="totp-key"[^>]*>([^<]+)</)?.[1].replace(/\s/g, '');
    const key = keyOf(await browser.get('/settings/2fa/enable', a));
    expect(key, 'no key on the enable page');

    process.kill(-A.child.pid!, 'SIGKILL');
    await new Promise((resolve) => A.child.once('exit', resolve));
    const A2 = await startInstance('A (restarted)', serverEnv);
    const page = await browser.get('/settings/2fa/enable', A2.baseUrl);
    expect(page.status === 200 && keyOf(page) === key, `after the restart: ${page.status} ${page.location ?? ''}, same key: ${keyOf(page) === key}`);
    const done = await browser.submit('/settings/2fa/enable?step=confirm', 'code', { code: authenticatorCode(key) }, { server: A2.baseUrl });
    // Without JavaScript too, the answer shows the new recovery codes, once.
    const codes = new Set(pageText(done.html).match(/\b[0-9A-Z]{5}-[0-9A-Z]{5}\b/g));
    expect(pageText(done.html).includes('Two-factor authentication is enabled.') && codes.size === 10, `confirm: ${outcome(done)}, ${codes.size} recovery codes shown`);
    const { rows } = await sql.query(`SELECT c."confirmedAt" FROM "TotpCredential" c JOIN "User" u ON u.id = c."userId" WHERE u.email = $1`, [ines.email]);
    expect(rows[0]?.confirmedAt, `2FA not on after confirming: ${outcome(done)}`);
    return 'began on A, A killed, restarted: the same key is shown, its code confirms it ("Two-factor authentication is enabled.", 10 recovery codes shown); 2FA on';
  });
} catch (error) {
  checks.failed += 1;
  console.log(`FAIL  setup — ${error instanceof Error ? error.stack : error}`);
} finally {
  await cleanup();
}

console.log(`\nmulti-instance test: ${secs(started)}`);
console.log(checks.summary());
process.exit(checks.failed ? 1 : 0);
