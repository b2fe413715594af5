/**
 * S25: a privileged action needs a second-factor check within STEP_UP_WINDOW_MS. An attacker
 * holding a stolen session (checked long ago, or never) posts the action: nothing changes and
 * the answer is "Confirm it's you". At the check, a code already used is refused, and a code
 * used there cannot sign in elsewhere.
 */
import { NoJsBrowser, pageText, redirectPath } from '../http/http-client';
import { CODE_ALREADY_USED, codeStep, outcome, pendingLogin, sessionIdOf, signIn, signedIn } from '../http/flows';
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';
import { authenticatorCode } from '../helpers/totp-reference';

const suite = useSuite('attack');
const { a, b } = suite;

/** The session's last check eleven minutes ago: what a stolen cookie is worth once the owner has stopped working. */
async function makeStale(browser: NoJsBrowser) {
  await suite.sql.query(`UPDATE "SessionCheck" SET "secondFactorAt" = now() - interval '11 minutes' WHERE "sessionId" = $1`, [sessionIdOf(browser)]);
}

test('S25 a helpdesk reset and an office requirement posted with a stale session change nothing', async () => {
  const agent = await signedIn(suite.claim('helpdesk'), a);
  const admin = await signedIn(suite.claim('office-admin'), a);
  const target = suite.claim();
  // The pages are open (reading is not privileged); the stolen cookie is the attacker's from here.
  const resetPage = await agent.get(`/helpdesk/users/${target.id}`);
  const officePage = await admin.get('/office');
  expect([resetPage.status, officePage.status]).toEqual([200, 200]);
  await makeStale(agent);
  await makeStale(admin);
  const thiefOfAgent = agent.clone(b);
  const thiefOfAdmin = admin.clone(b);
  const auditBefore = await suite.auditCount(`type LIKE 'helpdesk.%' OR type LIKE 'office.%'`);

  const reset = await thiefOfAgent.submit(
    `/helpdesk/users/${target.id}`,
    'checks',
    { checks: ['callback_phone_on_file', 'office_admin_confirmed'], ticket: 'T-1', reason: 'Lost phone', confirm: target.id },
    { page: resetPage, server: b },
  );
  const requirement = await thiefOfAdmin.submit('/office', 'graceDays', { required: 'on', graceDays: '0', confirm: 'yes' }, { page: officePage, server: b });
  const credentials = await suite.count(`SELECT count(*)::int AS n FROM "TotpCredential" WHERE "userId" = $1`, [target.id]);
  const results = [`reset: ${outcome(reset)}, 2FA rows left ${credentials}`, `requirement: ${outcome(requirement)}`];
  expect(results).toEqual([
    `reset: 303 → /confirm?next=${encodeURIComponent(`/helpdesk/users/${target.id}`)}, 2FA rows left 1`,
    `requirement: 303 → /confirm?next=${encodeURIComponent('/office')}`,
  ]);
  expect(await suite.auditCount(`type LIKE 'helpdesk.%' OR type LIKE 'office.%'`)).toBe(auditBefore);
  expect(await suite.count(`SELECT count(*)::int AS n FROM "Office" WHERE "twoFactorRequired" AND "twoFactorGraceDays" = 0`)).toBe(0);
  observe(results.join('; '));
});

test('S25 S3 a code replayed at "Confirm it’s you" is refused; a code used there cannot sign in elsewhere', async () => {
  const user = suite.claim();
  const owner = new NoJsBrowser(a);
  const loginCode = authenticatorCode(user.totpKey!);
  await signIn(owner, user.email, user.password, () => loginCode, a);
  await makeStale(owner);

  // The login's own code, replayed at the check.
  const replay = await owner.submit('/confirm?next=%2F', 'code', { code: loginCode });
  const stillStale = await suite.count(
    `SELECT count(*)::int AS n FROM "SessionCheck" WHERE "sessionId" = $1 AND "secondFactorAt" > now() - interval '10 minutes'`,
    [sessionIdOf(owner)],
  );
  // The next code, used at the check, then at another browser's login.
  const checkCode = authenticatorCode(user.totpKey!, Date.now(), 1);
  const check = await owner.submit('/confirm?next=%2F', 'code', { code: checkCode });
  const elsewhere = await codeStep(await pendingLogin(user, b), checkCode, b);
  const results = [
    `replayed at the check: ${pageText(replay.html).includes(CODE_ALREADY_USED) ? 'refused' : outcome(replay)}, window open: ${stillStale === 1}`,
    `next code at the check: ${check.status} → ${redirectPath(check)}`,
    `same code at a login on B: ${outcome(elsewhere)}`,
  ];
  expect(results).toEqual([
    'replayed at the check: refused, window open: false',
    'next code at the check: 303 → /',
    'same code at a login on B: 200 code-replayed (4 left)',
  ]);
  expect(await suite.auditCount(`type = 'step_up.failed' AND "subjectUserId" = $1 AND details LIKE '%replayed%'`, [user.id])).toBe(1);
  expect(await suite.auditCount(`type = 'step_up.passed' AND "subjectUserId" = $1`, [user.id])).toBe(1);
  observe(results.join('; '));
});
