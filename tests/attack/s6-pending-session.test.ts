/**
 * S6: a pending login (password passed, code not yet) reaches the verification step and nothing
 * else: every page, route handler and server action of the build is tried with it.
 */
import { redirectPath } from '../http/http-client';
import { pendingLogin, sessionIdOf } from '../http/flows';
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';
import { actionRedirect, actionsFromBuild, callAction, routesFromBuild } from './server-actions';

const suite = useSuite('attack');
const routes = routesFromBuild();
const actions = actionsFromBuild();
/** What a pending login may use: the login and verification steps, and the public health check. */
// The public pages: signing in (its form's post, decision 0020), its second step, and asking for or using a password reset link.
const PENDING_MAY = new Set([
  '/login',
  '/login/password',
  '/login/verify',
  '/login/verify/code',
  '/login/forgot-password',
  '/login/reset-password',
  '/api/health',
]);
/** Routes with a credential of their own, not a session: the scheduler's secret (S21). A session gets their refusal. */
const OWN_CREDENTIAL = new Map([['/api/cron/reminders', 401]]);
// Public actions (and the key's two login steps, S24): chooseLanguage sets only this browser's language cookie; the password reset's two take no session.
const PENDING_ACTIONS = new Set([
  'logOut',
  'verifyRecoveryCode',
  'startKeyLogin',
  'verifyKeyLogin',
  'chooseLanguage',
  'requestPasswordResetLink',
  'resetPasswordWithLink',
]);

test(`S6 pending session against every page and route handler of the build (${routes.length})`, async () => {
  const browser = await pendingLogin(suite.claim(), suite.a);
  const answers: string[] = [];
  for (const route of routes) {
    if (PENDING_MAY.has(route.path)) continue;
    const page = await browser.get(route.path, suite.b);
    if (OWN_CREDENTIAL.get(route.path) === page.status) continue;
    answers.push(`${route.path}: ${page.status} ${redirectPath(page)}`);
  }
  expect(answers.filter((answer) => !answer.endsWith(': 307 /login/verify'))).toEqual([]);
  observe(`${answers.length} routes → 307 /login/verify`);
});

test(`S6 pending session against every server action of the build (${actions.length})`, async () => {
  const browser = await pendingLogin(suite.claim(), suite.a);
  const before = await suite.auditCount();
  const answers: string[] = [];
  for (const action of actions) {
    if (PENDING_ACTIONS.has(action.name)) continue;
    const page = await callAction(browser, suite.a, action);
    answers.push(`${action.name}: ${page.status} ${actionRedirect(page)}`);
  }
  expect(answers.filter((answer) => !answer.endsWith(' /login/verify'))).toEqual([]);
  expect(await suite.auditCount()).toBe(before);
  const stage = (await suite.sql.query(`SELECT stage FROM "Session" WHERE id = $1`, [sessionIdOf(browser)])).rows[0]?.stage;
  expect(stage).toBe('PENDING_2FA');
  observe(`${answers.length} actions → redirect /login/verify; nothing written; session still PENDING_2FA`);
});
