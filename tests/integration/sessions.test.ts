/**
 * S20: the list of signed-in sessions on the Security page, per-session sign-out, "last
 * active" written at most once a minute, and the helpdesk's "Sign out everywhere", against a
 * real database.
 */
import { as, FakeBrowser, form, nextHeaders, noState } from '../helpers/fake-browser';
jest.mock('next/headers', () => nextHeaders);

import { db } from '@/lib/db';
import { postLogin } from '../helpers/login-steps';
import { signOutSession } from '@/app/(app)/settings/security/session-actions';
import { signOutUserEverywhere } from '@/app/(app)/helpdesk/users/[id]/sign-out-everywhere-actions';
import { SessionList } from '@/components/security/session-list';
import { SESSION_COOKIE } from '@/lib/auth/cookie-name';
import { getCurrentSession } from '@/lib/auth/guards';
import { loadSession, LAST_ACTIVE_INTERVAL_MS } from '@/lib/auth/sessions';
import { sessionIdFromToken } from '@/lib/auth/session-token';
import { AGENT_ACTIONS_PER_HOUR } from '@/lib/helpdesk/agent-rate-limit';
import { listOwnSessions } from '@/lib/sessions/list-own-sessions';
import { describeUserAgent } from '@/lib/sessions/describe-user-agent';
import { createUser, type TestUser } from '../helpers/factories';
import { pendingBrowser, signedInBrowser } from '../helpers/sign-in';

const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0';
const SAFARI_IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

/** A browser signed in as `user` (without 2FA) with its own address and User-Agent. */
async function signedInWith(user: TestUser, headers: { ip?: string; userAgent?: string } = {}): Promise<FakeBrowser> {
  const browser = new FakeBrowser(headers);
  const step = await postLogin(browser, form({ email: user.email, password: user.password }));
  expect(step.redirect).toBe('/');
  return browser;
}

const sessionIdOf = (browser: FakeBrowser) => sessionIdFromToken(browser.cookies.get(SESSION_COOKIE)!);
const isSignedIn = async (browser: FakeBrowser) => (await as(browser, getCurrentSession)).result?.stage === 'ACTIVE';
const signOut = (browser: FakeBrowser, sessionId: string) => as(browser, () => signOutSession(form({ sessionId })));

describe('the list of sessions', () => {
  it('lists the user’s own signed-in sessions, browser and system, IP address, times, this browser first and marked', async () => {
    const user = await createUser();
    const phone = await signedInWith(user, { ip: '203.0.113.5', userAgent: SAFARI_IPHONE });
    const here = await signedInWith(user, { ip: '198.51.100.20', userAgent: FIREFOX_WINDOWS });
    await pendingBrowser(await createUser({ twoFactor: true })); // someone else's login: not listed
    await signedInWith(await createUser()); // another user's session: not listed

    const sessions = (await as(here, () => listOwnSessions(user.id, sessionIdOf(here)))).result!;
    expect(sessions.map(({ browser, system, ip, isThisBrowser }) => ({ browser, system, ip, isThisBrowser }))).toEqual([
      { browser: 'Firefox 140', system: 'Windows', ip: '198.51.100.20', isThisBrowser: true },
      { browser: 'Mobile Safari 17', system: 'iOS', ip: '203.0.113.5', isThisBrowser: false },
    ]);
    expect(sessions[1].id).toBe(sessionIdOf(phone));
    expect(sessions[1].startedAt.getTime()).toBeLessThanOrEqual(sessions[1].lastActiveAt.getTime());
  });

  it('does not list a pending login (password given, code not yet) as signed in', async () => {
    const user = await createUser({ twoFactor: true });
    const here = await signedInBrowser(user);
    await pendingBrowser(user);
    const sessions = await listOwnSessions(user.id, sessionIdOf(here));
    expect(sessions.map((s) => s.isThisBrowser)).toEqual([true]);
  });

  it('renders each other session with a Sign out button for its own id, none for this browser, in the reader’s language', async () => {
    const user = await createUser();
    const other = await signedInWith(user, { userAgent: SAFARI_IPHONE });
    const here = await signedInWith(user, { userAgent: FIREFOX_WINDOWS });
    here.cookies.set('portal_locale', 'nl');
    const tree = (await as(here, () => SessionList({ userId: user.id, sessionId: sessionIdOf(here) }))).result!;
    const inputs: string[] = [];
    const text: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (typeof node === 'string') return void text.push(node);
      if (!node || typeof node !== 'object' || !('props' in node)) return;
      const props = (node as { props: Record<string, unknown> }).props;
      if (props.name === 'sessionId') inputs.push(props.value as string);
      if (typeof props.label === 'string') text.push(props.label);
      walk(props.children);
    };
    walk(tree);
    expect(inputs).toEqual([sessionIdOf(other)]);
    expect(text).toEqual(expect.arrayContaining(['Firefox 140 op Windows', 'Deze browser', 'Mobile Safari 17 op iOS', 'Laatst actief']));
  });

  it('names a browser it cannot read as unknown rather than guessing', () => {
    expect(describeUserAgent('curl/8.5.0')).toEqual({ browser: null, system: null });
    expect(describeUserAgent('')).toEqual({ browser: null, system: null });
    expect(describeUserAgent(null)).toEqual({ browser: null, system: null });
  });
});

describe('signing out one session', () => {
  it('ends exactly that session: its cookie no longer opens the portal, this browser and the others stay signed in; audited with its browser', async () => {
    const user = await createUser();
    const phone = await signedInWith(user, { userAgent: SAFARI_IPHONE, ip: '203.0.113.5' });
    const laptop = await signedInWith(user);
    const here = await signedInWith(user, { userAgent: FIREFOX_WINDOWS });

    await expect(signOut(here, sessionIdOf(phone))).resolves.toEqual({ redirect: '/settings/security?session=ended' });
    expect([await isSignedIn(phone), await isSignedIn(laptop), await isSignedIn(here)]).toEqual([false, true, true]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { subjectUserId: user.id, type: 'logout.session_ended' } });
    expect(event).toMatchObject({ actorUserId: user.id, outcome: 'SUCCESS', userAgent: FIREFOX_WINDOWS });
    expect(JSON.parse(event.details!)).toEqual({ browser: 'Mobile Safari 17 / iOS', sessionIp: '203.0.113.5' });
  });

  it('a forged id of another user’s session does nothing: that session stays, nothing is audited', async () => {
    const attacker = await createUser();
    const victim = await createUser();
    const victimBrowser = await signedInWith(victim);
    const attackerBrowser = await signedInWith(attacker);
    const before = await db.auditEvent.count();

    await expect(signOut(attackerBrowser, sessionIdOf(victimBrowser))).resolves.toEqual({ redirect: '/settings/security?session=not-found' });
    expect(await isSignedIn(victimBrowser)).toBe(true);
    expect(await db.session.count({ where: { id: sessionIdOf(victimBrowser) } })).toBe(1);
    expect(await db.auditEvent.count()).toBe(before);
  });

  it('an id that is not a session, one already ended, or this browser’s own: nothing changes', async () => {
    const user = await createUser();
    const other = await signedInWith(user);
    const here = await signedInWith(user);
    await signOut(here, sessionIdOf(other));
    const before = { audit: await db.auditEvent.count(), sessions: await db.session.count({ where: { userId: user.id } }) };
    for (const id of [sessionIdOf(other), sessionIdOf(here), 'x'.repeat(64), "' OR 1=1 --", '']) {
      await expect(signOut(here, id)).resolves.toEqual({ redirect: '/settings/security?session=not-found' });
    }
    expect({ audit: await db.auditEvent.count(), sessions: await db.session.count({ where: { userId: user.id } }) }).toEqual(before);
    expect(await isSignedIn(here)).toBe(true);
  });
});

describe('signing out one session, called with arguments its form never sends', () => {
  it.each([
    ['nothing', []],
    ['null', [null]],
    ['an object', [{ sessionId: 'x' }]],
    ['a string', ['x']],
  ])('%s: ends nothing', async (_label, args) => {
    const user = await createUser();
    const other = await signedInWith(user);
    const here = await signedInWith(user);
    const before = await db.auditEvent.count();
    const outcome = await as(here, () => (signOutSession as (...a: unknown[]) => Promise<void>)(...args));
    expect(outcome).toEqual({ redirect: '/settings/security?session=not-found' });
    expect([await isSignedIn(other), await db.auditEvent.count()]).toEqual([true, before]);
  });
});

describe('last active', () => {
  it('is written at most once a minute, and only on the read that finds it older', async () => {
    const user = await createUser();
    const browser = await signedInWith(user);
    const token = browser.cookies.get(SESSION_COOKIE)!;
    const id = sessionIdFromToken(token);
    const { lastSeenAt: start } = await db.session.findUniqueOrThrow({ where: { id } });
    const lastSeen = async () => (await db.session.findUniqueOrThrow({ where: { id } })).lastSeenAt.getTime();

    // Within the minute: no write.
    await loadSession(token, new Date(start.getTime() + LAST_ACTIVE_INTERVAL_MS - 1));
    expect(await lastSeen()).toBe(start.getTime());
    // Past the minute: written, with the time of that request; the idle expiry moves along.
    const later = new Date(start.getTime() + LAST_ACTIVE_INTERVAL_MS + 1);
    const { expiresAt: before } = await db.session.findUniqueOrThrow({ where: { id } });
    await loadSession(token, later);
    expect(await lastSeen()).toBe(later.getTime());
    expect((await db.session.findUniqueOrThrow({ where: { id } })).expiresAt.getTime()).toBeGreaterThan(before.getTime());
    // Half a minute after that: not again.
    await loadSession(token, new Date(later.getTime() + 30_000));
    expect(await lastSeen()).toBe(later.getTime());
  });
});

describe('the helpdesk’s Sign out everywhere', () => {
  let agent: TestUser;
  let agentBrowser: FakeBrowser;
  beforeAll(async () => {
    agent = await createUser({ role: 'HELPDESK', twoFactor: true, officeId: null });
    agentBrowser = await signedInBrowser(agent);
  });

  const signOutEverywhere = (browser: FakeBrowser, fields: Record<string, string>) => as(browser, () => signOutUserEverywhere(noState, form(fields)));

  it('ends every session of the user on every browser, leaves 2FA and the password alone, audits the agent, e-mails the user in their language', async () => {
    const user = await createUser({ twoFactor: true });
    await db.user.update({ where: { id: user.id }, data: { locale: 'nl' } });
    const one = await signedInBrowser(user);
    const two = await signedInBrowser(user, { atStepOffset: 1 });
    const pending = await pendingBrowser(user);
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const credential = await db.totpCredential.findUniqueOrThrow({ where: { userId: user.id } });

    const outcome = await signOutEverywhere(agentBrowser, { userId: user.id, ticket: 'HD-77', reason: 'Laptop stolen from the car' });
    expect(outcome.result).toMatchObject({ ok: true });
    expect([await isSignedIn(one), await isSignedIn(two), (await as(pending, getCurrentSession)).result]).toEqual([false, false, null]);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(sessionVersion + 1);
    // 2FA untouched: the same credential, so the next login asks the code.
    expect(await db.totpCredential.findUniqueOrThrow({ where: { userId: user.id } })).toEqual(credential);
    const again = await postLogin(new FakeBrowser(), form({ email: user.email, password: user.password }));
    expect(again.redirect).toBe('/login/verify');

    const event = await db.auditEvent.findFirstOrThrow({ where: { subjectUserId: user.id, type: 'helpdesk.signed_out_everywhere' } });
    expect(event.actorUserId).toBe(agent.id);
    expect(JSON.parse(event.details!)).toEqual({ ticket: 'HD-77', reason: 'Laptop stolen from the car', sessionsEnded: 2 });
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { userId: user.id, kind: 'signed_out_everywhere' } });
    expect(mail.toEmail).toBe(user.email);
    expect(mail.subject).toMatch(/de helpdesk heeft je overal uitgelogd/);
    expect(mail.body).toMatch(/^Hallo Test User \d+,/);
    // The ticket and the reason are for the audit log, not for a mailbox.
    expect(mail.body).not.toMatch(/HD-77|Laptop stolen/);
  });

  it('keeps the helpdesk rules: a ticket and a reason, nothing changes without them', async () => {
    const user = await createUser();
    const browser = await signedInWith(user);
    const outcome = await signOutEverywhere(agentBrowser, { userId: user.id, ticket: '', reason: 'short' });
    expect(Object.keys(outcome.result?.fieldErrors ?? {}).sort()).toEqual(['reason', 'ticket']);
    expect(await isSignedIn(browser)).toBe(true);
    expect(await db.auditEvent.count({ where: { subjectUserId: user.id, type: 'helpdesk.signed_out_everywhere' } })).toBe(0);
  });

  it('refuses the agent’s own account, an unknown user, and counts toward the agent’s hourly limit', async () => {
    expect((await signOutEverywhere(agentBrowser, { userId: agent.id, ticket: 'HD-1', reason: 'Testing my own account' })).result?.message).toMatch(
      /your own account/,
    );
    expect(await isSignedIn(agentBrowser)).toBe(true);
    expect((await signOutEverywhere(agentBrowser, { userId: 'nonexistent', ticket: 'HD-1', reason: 'A user who is not there' })).result?.message).toMatch(
      /no longer exists/,
    );

    const busy = await createUser({ role: 'HELPDESK', twoFactor: true, officeId: null });
    const busyBrowser = await signedInBrowser(busy);
    const users = await Promise.all(Array.from({ length: AGENT_ACTIONS_PER_HOUR + 1 }, () => createUser()));
    const answers = [];
    for (const user of users) answers.push((await signOutEverywhere(busyBrowser, { userId: user.id, ticket: 'HD-2', reason: 'Suspicious sign-ins' })).result);
    expect(answers.slice(0, AGENT_ACTIONS_PER_HOUR).every((a) => a?.ok)).toBe(true);
    expect(answers[AGENT_ACTIONS_PER_HOUR]?.message).toMatch(new RegExp(`limit of ${AGENT_ACTIONS_PER_HOUR}`));
    expect(await db.auditEvent.count({ where: { subjectUserId: users[AGENT_ACTIONS_PER_HOUR].id } })).toBe(0);
  });

  it('is for helpdesk agents only: a plain user, an office admin, an anonymous or pending caller change nothing', async () => {
    const target = await createUser();
    const targetBrowser = await signedInWith(target);
    const admin = await createUser({ role: 'OFFICE_ADMIN', officeId: target.officeId });
    const callers = [
      await signedInWith(await createUser()),
      await signedInWith(admin),
      new FakeBrowser(),
      await pendingBrowser(await createUser({ twoFactor: true })),
    ];
    const fields = { userId: target.id, ticket: 'HD-3', reason: 'Trying without the role' };
    const outcomes = [];
    for (const caller of callers) outcomes.push(await signOutEverywhere(caller, fields));
    expect(outcomes).toEqual([{ redirect: '/' }, { redirect: '/' }, { redirect: '/login' }, { redirect: '/login/verify' }]);
    expect(await isSignedIn(targetBrowser)).toBe(true);
  });
});
