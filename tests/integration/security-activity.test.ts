/** Security activity and "Sign out everywhere else", against a real database (S9, S11). */
import { as, FakeBrowser, form, nextHeaders, noState } from '../helpers/fake-browser';
jest.mock('next/headers', () => nextHeaders);

import { db } from '@/lib/db';
import { postLogin } from '../helpers/login-steps';
import { resetUserTwoFactor } from '@/app/(app)/helpdesk/users/[id]/actions';
import SecurityActivityPage from '@/app/(app)/settings/security/page';
import { signOutEverywhereElse } from '@/app/(app)/settings/security/actions';
import { getCurrentSession } from '@/lib/auth/guards';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { OWN_EVENTS_PAGE_SIZE } from '@/lib/audit/query-own-security-events';
import { SecurityActivityTable, type SecurityActivityRow } from '@/components/security/security-activity-table';
import { createUser, type TestUser } from '../helpers/factories';
import { pendingBrowser, signedInBrowser } from '../helpers/sign-in';
import { findElement, textOf } from '../helpers/react-tree';

/** The events the page hands to its table, as the signed-in `browser` sees them. */
async function eventsOnPage(browser: FakeBrowser, searchParams: Record<string, string> = {}) {
  const outcome = await as(browser, () => SecurityActivityPage({ searchParams: Promise.resolve(searchParams) }));
  if (!outcome.result) throw new Error(`no page: ${JSON.stringify(outcome)}`);
  const table = findElement(outcome.result, { type: SecurityActivityTable });
  return (table!.props as { events: SecurityActivityRow[] }).events;
}

async function resetByHelpdesk(agentBrowser: FakeBrowser, user: { id: string }) {
  const data = form({ userId: user.id, ticket: 'HD-4242', reason: 'Lost phone, called back on file number', confirm: user.id });
  for (const check of ['callback_phone_on_file', 'office_admin_confirmed']) data.append('checks', check);
  const outcome = await as(agentBrowser, () => resetUserTwoFactor(noState, data));
  expect(outcome.result?.ok).toBe(true);
}

let agent: TestUser;
let agentBrowser: FakeBrowser;

beforeAll(async () => {
  agent = await createUser({ role: 'HELPDESK', twoFactor: true, officeId: null });
  agentBrowser = new FakeBrowser({ ip: '203.0.113.99', userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/140.0' });
  const signedIn = await signedInBrowser(agent);
  agentBrowser.cookies = signedIn.cookies;
});

describe('security activity', () => {
  it('shows the user’s own sign-ins, failures and 2FA changes, newest first, with IP address and browser', async () => {
    const user = await createUser({ twoFactor: true });
    await postLogin(new FakeBrowser(), form({ email: user.email, password: 'wrong' }));
    const browser = await signedInBrowser(user);
    const events = await eventsOnPage(browser);
    expect(events.map((e) => e.label)).toEqual(['Signed in', 'Wrong password']);
    expect(events[0]).toMatchObject({ by: 'you', ip: '198.51.100.7', browser: 'Jest/30 FakeBrowser', outcome: 'SUCCESS' });
    expect(events[0].createdAt.getTime()).toBeGreaterThanOrEqual(events[1].createdAt.getTime());
  });

  it('never shows another user’s events, nor what the user did to others', async () => {
    const user = await createUser({ twoFactor: true });
    const other = await createUser({ twoFactor: true });
    const browser = await signedInBrowser(user);
    await signedInBrowser(other);
    await postLogin(new FakeBrowser(), form({ email: other.email, password: 'wrong' }));
    const target = await createUser({ twoFactor: true });
    await resetByHelpdesk(agentBrowser, target);

    const ownIds = new Set((await db.auditEvent.findMany({ where: { subjectUserId: user.id }, select: { id: true } })).map((e) => e.id));
    const seen = await eventsOnPage(browser);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((e) => ownIds.has(e.id))).toBe(true);

    // The agent did the reset (actor), but it happened to someone else: not on the agent's own page.
    const agentSees = await eventsOnPage(agentBrowser);
    expect(agentSees.map((e) => e.label)).not.toContain('2FA reset by the helpdesk');
    const agentOwn = new Set((await db.auditEvent.findMany({ where: { subjectUserId: agent.id }, select: { id: true } })).map((e) => e.id));
    expect(agentSees.every((e) => agentOwn.has(e.id))).toBe(true);
  });

  it('says a reset was the helpdesk’s, without the agent’s name, e-mail, address, browser, ticket or reason', async () => {
    const user = await createUser({ twoFactor: true });
    await resetByHelpdesk(agentBrowser, user);
    const browser = await signedInBrowser(user);
    const events = await eventsOnPage(browser);
    const reset = events.find((e) => e.label === '2FA reset by the helpdesk');
    expect(reset).toMatchObject({ by: 'helpdesk', ip: null, browser: null });
    const shown = JSON.stringify(events);
    for (const secret of [agent.email, 'Test User', '203.0.113.99', 'Firefox', 'HD-4242', 'Lost phone', agent.id]) expect(shown).not.toContain(secret);
  });

  it('pages through older events with a cursor, and a forged cursor still shows only the user’s own events', async () => {
    const user = await createUser();
    const other = await createUser();
    const meta = { ip: '192.0.2.1', userAgent: null };
    await db.$transaction(async (tx) => {
      for (let i = 0; i < OWN_EVENTS_PAGE_SIZE + 5; i++) {
        await recordAuditEvent(tx, { type: 'login.password_failed', outcome: 'FAILURE', factor: 'password', subjectUserId: user.id, meta });
        await recordAuditEvent(tx, { type: 'login.password_failed', outcome: 'FAILURE', factor: 'password', subjectUserId: other.id, meta });
      }
    });
    const browser = await signedInBrowser(user);
    const first = await eventsOnPage(browser);
    expect(first).toHaveLength(OWN_EVENTS_PAGE_SIZE);
    const second = await eventsOnPage(browser, { cursor: String(first.at(-1)!.id) });
    expect(second).toHaveLength(6); // 31 visible: the sign-in and 30 wrong passwords
    expect(second.every((e) => e.id < first.at(-1)!.id)).toBe(true);
    const ids = [...first, ...second].map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const ownIds = new Set((await db.auditEvent.findMany({ where: { subjectUserId: user.id }, select: { id: true } })).map((e) => e.id));
    for (const cursor of ['999999999', '2147483648', String(Number.MAX_SAFE_INTEGER), '-5', 'abc', '1e400', "1' OR 1=1"]) {
      const events = await eventsOnPage(browser, { cursor });
      expect([cursor, events.every((e) => ownIds.has(e.id))]).toEqual([cursor, true]);
    }
  });

  it('is refused to anonymous and pending callers', async () => {
    const user = await createUser({ twoFactor: true });
    const page = () => SecurityActivityPage({ searchParams: Promise.resolve({}) });
    await expect(as(new FakeBrowser(), page)).resolves.toEqual({ redirect: '/login' });
    await expect(as(await pendingBrowser(user), page)).resolves.toEqual({ redirect: '/login/verify' });
  });
});

describe('sign out everywhere else', () => {
  it('ends every other session of the user, pending logins too, keeps this one, and is audited', async () => {
    const user = await createUser({ twoFactor: true });
    const here = await signedInBrowser(user);
    const laptop = await signedInBrowser(user, { atStepOffset: 1 });
    const midLogin = await pendingBrowser(user);
    const stranger = await signedInBrowser(await createUser());

    await expect(as(here, signOutEverywhereElse)).resolves.toEqual({ redirect: '/settings/security?notice=signed-out-elsewhere' });
    expect((await as(here, getCurrentSession)).result?.user.id).toBe(user.id);
    expect((await as(laptop, getCurrentSession)).result).toBeNull();
    expect((await as(midLogin, getCurrentSession)).result).toBeNull();
    expect((await as(stranger, getCurrentSession)).result).not.toBeNull();

    const event = await db.auditEvent.findFirstOrThrow({ where: { subjectUserId: user.id, type: 'logout.other_sessions' } });
    expect([event.actorUserId, event.outcome, JSON.parse(event.details)]).toEqual([user.id, 'SUCCESS', { sessionsEnded: 2 }]);
    expect((await eventsOnPage(here))[0]).toMatchObject({ label: 'Signed out everywhere else', note: '2 other sessions ended' });
  });

  it('is refused to anonymous and pending callers, ending nothing', async () => {
    const user = await createUser({ twoFactor: true });
    const elsewhere = await signedInBrowser(user);
    const pending = await pendingBrowser(user);
    await expect(as(new FakeBrowser(), signOutEverywhereElse)).resolves.toEqual({ redirect: '/login' });
    await expect(as(pending, signOutEverywhereElse)).resolves.toEqual({ redirect: '/login/verify' });
    expect((await as(elsewhere, getCurrentSession)).result).not.toBeNull();
    expect(await db.auditEvent.count({ where: { type: 'logout.other_sessions', subjectUserId: user.id } })).toBe(0);
  });
});

describe('in the user’s language', () => {
  it('shows the page and its events in Dutch, times in Brussels time with the zone named', async () => {
    const user = await createUser({ twoFactor: true });
    const here = await signedInBrowser(user);
    await signedInBrowser(user, { atStepOffset: 1 });
    here.headers.set('accept-language', 'nl-BE,nl;q=0.9');
    const page = (await as(here, () => SecurityActivityPage({ searchParams: Promise.resolve({}) }))).result;
    expect(textOf(findElement(page, { type: 'h1' }))).toBe('Beveiligingsactiviteit');
    expect(textOf(findElement(page, { testId: 'other-sessions' }))).toMatch(/^Er is nog 1 andere browser ingelogd op je account\. Ben je ingelogd gebleven/);

    await as(here, signOutEverywhereElse);
    const [latest] = await eventsOnPage(here);
    expect(latest).toMatchObject({ note: '1 andere sessie beëindigd', browser: 'Jest/30 FakeBrowser' }); // a browser it cannot name, as sent
    expect(latest.time).toMatch(/^\d{1,2} \S+ \d{4}, \d{2}:\d{2} (CET|CEST)$/);
  });

  it('names a browser and its system in French, and says the helpdesk’s reset in French', async () => {
    const user = await createUser({ twoFactor: true });
    await db.auditEvent.create({
      data: {
        type: 'login.completed',
        outcome: 'SUCCESS',
        subjectUserId: user.id,
        actorUserId: user.id,
        ip: '192.0.2.1',
        userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0',
        details: '{}',
      },
    });
    await resetByHelpdesk(agentBrowser, user);
    const browser = await signedInBrowser({ ...user, secret: null });
    browser.cookies.set('portal_locale', 'fr');
    const events = await eventsOnPage(browser);
    expect(events.find((e) => e.by === 'helpdesk')?.note).toBe('À votre demande, après vérification de votre identité par le helpdesk');
    expect(events.map((e) => e.browser)).toContain('Firefox sous Windows');
    expect(events[0].time).toMatch(/^\d{1,2} \S+ \d{4}, \d{2}:\d{2} UTC\+[12]$/);
  });
});
