/**
 * S20: signing out one session from the Security page. The form carries the session's id, so an
 * attacker can put any id in it: only the caller's own sessions can be ended, and an ended
 * session's cookie is no session any more.
 */
import { redirectPath } from '../http/http-client';
import { outcome, sessionIdOf, signedIn } from '../http/flows';
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';

const suite = useSuite('attack');

const sessionRow = (id: string) => suite.count(`SELECT count(*)::int AS n FROM "Session" WHERE id = $1`, [id]);

test('S20 a forged session id of another user in the Sign out form does nothing', async () => {
  const victim = await signedIn(suite.claim('user-without-2fa'), suite.a);
  const attacker = suite.claim('user-without-2fa');
  // The attacker needs a second session of their own to be shown a Sign out form at all.
  await signedIn(attacker, suite.a);
  const attackerHere = await signedIn(attacker, suite.a);
  const auditBefore = await suite.auditCount();

  const answer = await attackerHere.submit('/settings/security', 'sessionId', { sessionId: sessionIdOf(victim) });
  expect(outcome(answer)).toBe('303 → /settings/security?session=not-found');
  expect(await sessionRow(sessionIdOf(victim))).toBe(1);
  expect((await victim.get('/')).status).toBe(200);
  expect(await suite.auditCount()).toBe(auditBefore);
  observe(`another user's session id in the form: ${outcome(answer)}; the victim's session still opens / (200); no audit event`);
});

test('S20 a session signed out from another browser: its cookie, and a copy of it, get the login page', async () => {
  const user = suite.claim('user-without-2fa');
  const laptop = await signedIn(user, suite.a);
  const stolen = laptop.clone();
  const here = await signedIn(user, suite.a);
  const list = await here.get('/settings/security');
  expect(list.html).toContain(sessionIdOf(laptop));
  expect(list.html).not.toContain(`value="${sessionIdOf(here)}"`);

  const answer = await here.submit('/settings/security', new RegExp(sessionIdOf(laptop)), {}, { page: list });
  expect(outcome(answer)).toBe('303 → /settings/security?session=ended');
  const [own, copy] = [await laptop.get('/'), await stolen.get('/settings/security')];
  expect([`${own.status} ${redirectPath(own)}`, `${copy.status} ${redirectPath(copy)}`]).toEqual(['307 /login', '307 /login']);
  expect((await here.get('/settings/security')).status).toBe(200);
  expect(await suite.auditCount(`type = 'logout.session_ended' AND "subjectUserId" = (SELECT id FROM "User" WHERE email = $1)`, [user.email])).toBe(1);
  observe(`Sign out on another session: ${outcome(answer)}; its cookie → ${own.status} /login, a copy → ${copy.status} /login; this browser still 200`);
});
