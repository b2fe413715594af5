/**
 * S9/S10: a helpdesk reset ends the user's sessions, names the agent and tells the user; the
 * reset actions refuse forged ids and callers without the helpdesk role.
 */
import { NoJsBrowser, pageText, redirectPath } from '../http/http-client';
import { outcome, signedIn } from '../http/flows';
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';
import type { ExtraUser } from '../http/harness';
import { actionRedirect, actionsFromBuild, callAction } from './server-actions';

const suite = useSuite('attack');
const { a, b } = suite;
let agentUser: ExtraUser;
let agent: NoJsBrowser;
beforeAll(async () => {
  agentUser = suite.claim('helpdesk');
  agent = await signedIn(agentUser, a);
});

const resetFields = (userId: string) => ({
  checks: ['callback_phone_on_file', 'office_admin_confirmed'],
  ticket: 'T-1234',
  reason: 'Lost phone, identity confirmed',
  confirm: userId,
});
const twoFactorRows = (userId: string) => suite.count(`SELECT count(*)::int AS n FROM "TotpCredential" WHERE "userId" = $1`, [userId]);

test('S9/S10 a session from before a helpdesk 2FA reset is dead after it (on the other instance)', async () => {
  const t = suite.claim();
  const victim = await signedIn(t, b);
  expect((await victim.get('/')).status).toBe(200);
  const page = await agent.get(`/helpdesk/users/${t.id}`);
  expect(page.status).toBe(200);
  const reset = await agent.submit(`/helpdesk/users/${t.id}`, 'checks', resetFields(t.id), { page });
  // After the reset the page shows the user without 2FA (the form is gone): read the database.
  expect({ reset: reset.status, left: await twoFactorRows(t.id) }).toEqual({ reset: 200, left: 0 });
  const after = await victim.get('/', b);
  expect(`${after.status} ${redirectPath(after)}`).toBe('307 /login');
  expect(await suite.auditCount(`type = 'helpdesk.two_factor_reset' AND "subjectUserId" = $1 AND "actorUserId" = $2`, [t.id, agentUser.id])).toBe(1);
  expect(await suite.count(`SELECT count(*)::int AS n FROM "OutboxMessage" WHERE kind = 'two_factor_reset' AND "userId" = $1`, [t.id])).toBe(1);
  observe('reset on A; the old session on B → 307 /login; one audit event names the agent; the user is told (S12)');
});

test("S10 helpdesk actions with forged ids: unknown user, own account, another form's id", async () => {
  const t = suite.claim();
  const page = await agent.get(`/helpdesk/users/${t.id}`);
  const before = await suite.auditCount(`type LIKE 'helpdesk.%'`);
  const unknown = await agent.submit(`/helpdesk/users/${t.id}`, 'checks', { ...resetFields('no-such-user'), userId: 'no-such-user' }, { page });
  const own = await agent.submit(`/helpdesk/users/${t.id}`, 'checks', { ...resetFields(agentUser.id), userId: agentUser.id }, { page });
  const mismatch = await agent.submit(`/helpdesk/users/${t.id}`, 'checks', { ...resetFields(t.id), confirm: 'someone-else' }, { page });
  const stillOn = await twoFactorRows(t.id);
  const plain = await signedIn(suite.claim('user-without-2fa'), a);
  const asUser = await callAction(
    plain,
    a,
    actionsFromBuild().find((x) => x.name === 'resetUserTwoFactor')!,
  );
  const results = [
    `unknown id: ${pageText(unknown.html).includes('no longer exists') ? 'refused' : outcome(unknown)}`,
    `own account: ${pageText(own.html).includes('cannot reset or unlock your own account') ? 'refused' : outcome(own)}`,
    `confirm ≠ userId: ${mismatch.status === 200 && stillOn === 1 ? 'refused' : outcome(mismatch)}`,
    `as a plain user: ${actionRedirect(asUser)}`,
  ];
  expect(results).toEqual(['unknown id: refused', 'own account: refused', 'confirm ≠ userId: refused', 'as a plain user: /']);
  expect(await suite.auditCount(`type LIKE 'helpdesk.%'`)).toBe(before);
  expect(await twoFactorRows(t.id)).toBe(1);
  observe(results.join('; '));
});
