/**
 * The office's own audit view (S22): the 2FA events recorded for the admin's office and nothing
 * else, whatever the query string names (another office, another office's user, a cursor from
 * another office's events); the same filters and cursor paging as the helpdesk's log; 404 for
 * anyone but an office admin, on the page and the export.
 */
import { as, FakeBrowser, nextHeaders } from '../helpers/fake-browser';
jest.mock('next/headers', () => nextHeaders);

import { db } from '@/lib/db';
import OfficeAuditPage from '@/app/(app)/office/audit/page';
import { GET as exportOfficeAudit } from '@/app/(app)/office/audit/export/route';
import { readAuditLog } from '@/lib/audit/read-audit-log';
import { translateMessage } from '@/lib/i18n/server';
import { createUser, type TestUser } from '../helpers/factories';
import { signedInBrowser } from '../helpers/sign-in';

type Event = { type: string; subjectUserId?: string | null; actorUserId?: string | null; officeId: string | null; details?: object; ip?: string };

async function record(event: Event) {
  const row = await db.auditEvent.create({
    data: { outcome: 'SUCCESS', ip: '203.0.113.5', ...event, details: JSON.stringify(event.details ?? {}) },
    select: { id: true },
  });
  return row.id;
}

let adminA: TestUser, adminB: TestUser, memberA: TestUser, memberB: TestUser, moved: TestUser, agent: TestUser;
let officeA: string, officeB: string;
/** The ids of the events office A's admin must see, newest first. */
let visibleToA: number[];
let ofB: number[];

beforeAll(async () => {
  adminA = await createUser({ role: 'OFFICE_ADMIN', twoFactor: true });
  adminB = await createUser({ role: 'OFFICE_ADMIN', twoFactor: true });
  officeA = adminA.officeId!;
  officeB = adminB.officeId!;
  memberA = await createUser({ officeId: officeA, email: 'member-a@office.example' });
  memberB = await createUser({ officeId: officeB, email: 'member-b@office.example' });
  moved = await createUser({ officeId: officeB, email: 'moved@office.example' });
  agent = await createUser({ role: 'HELPDESK', twoFactor: true, officeId: null });
  await db.user.update({ where: { id: agent.id }, data: { name: 'Agent Smith' } });

  ofB = [
    await record({ type: 'office.two_factor_required', actorUserId: adminB.id, officeId: officeB }),
    await record({ type: 'two_factor.enabled', subjectUserId: memberB.id, actorUserId: memberB.id, officeId: officeB }),
    // The moved user's events while in office B stay office B's.
    await record({ type: 'helpdesk.two_factor_reset', subjectUserId: moved.id, actorUserId: agent.id, officeId: officeB, details: { ticket: 'HD-B' } }),
  ];
  const a = [
    await record({ type: 'office.two_factor_required', actorUserId: adminA.id, officeId: officeA, details: { graceDays: 7 } }),
    await record({ type: 'two_factor.enabled', subjectUserId: memberA.id, actorUserId: memberA.id, officeId: officeA }),
    await record({ type: 'login.code_locked', subjectUserId: memberA.id, officeId: officeA }),
    await record({ type: 'helpdesk.two_factor_reset', subjectUserId: memberA.id, actorUserId: agent.id, officeId: officeA, details: { ticket: 'HD-42' } }),
  ];
  // Not 2FA events: the helpdesk's log only.
  await record({ type: 'login.password_failed', subjectUserId: memberA.id, officeId: officeA });
  await record({ type: 'login.code_failed', subjectUserId: memberA.id, officeId: officeA });
  await db.user.update({ where: { id: moved.id }, data: { officeId: officeA, officeJoinedAt: new Date() } });
  a.push(await record({ type: 'login.recovery_code_used', subjectUserId: moved.id, officeId: officeA }));
  ofB.push(await record({ type: 'two_factor.disabled', subjectUserId: memberB.id, actorUserId: memberB.id, officeId: officeB }));
  visibleToA = a.reverse();
});

const scopeA = () => ({ officeId: officeA });
const ids = (view: { events: Array<{ id: number }> }) => view.events.map((e) => e.id);

it('shows the 2FA events recorded for the office, newest first: its members’, its settings’, a moved-in member’s since joining', async () => {
  const view = await readAuditLog({}, scopeA());
  expect([ids(view), view.errors, view.offices]).toEqual([visibleToA, [], []]);
  expect(ids(await readAuditLog({}, { officeId: officeB }))).toEqual([...ofB].reverse());
});

it('ignores an office in the query string and finds only its own members by e-mail', async () => {
  expect(ids(await readAuditLog({ office: officeB }, scopeA()))).toEqual(visibleToA);
  const other = await readAuditLog({ user: memberB.email }, scopeA());
  expect([ids(other), other.errors.map((m) => translateMessage('en', m))]).toEqual([
    [],
    ['No user of your office has the e-mail address member-b@office.example.'],
  ]);
  // The same words for an address no one has: nothing about other offices' users is learnt.
  const nobody = await readAuditLog({ user: 'nobody@office.example' }, scopeA());
  expect(nobody.errors.map((m) => translateMessage('en', m))).toEqual(['No user of your office has the e-mail address nobody@office.example.']);
  const movedIn = await readAuditLog({ user: moved.email }, scopeA());
  expect(movedIn.events.map((e) => e.type)).toEqual(['login.recovery_code_used']);
});

it('filters by type among the office’s event types only, and by date', async () => {
  expect((await readAuditLog({ type: 'office.two_factor_required' }, scopeA())).events.map((e) => e.actor?.id)).toEqual([adminA.id]);
  const refused = await readAuditLog({ type: 'login.password_failed' }, scopeA());
  expect([ids(refused), refused.errors.map((m) => translateMessage('en', m))]).toEqual([[], ['Choose an event type from the list.']]);
  expect(ids(await readAuditLog({ from: '2000-01-01', to: '2000-01-02' }, scopeA()))).toEqual([]);
});

it('shows the helpdesk reset with the agent’s name and ticket, without the agent’s address', async () => {
  const reset = (await readAuditLog({ type: 'helpdesk.two_factor_reset' }, scopeA())).events;
  expect(reset.map((e) => [e.actor?.name, e.subject?.id, e.details.ticket, e.ip, e.userAgent])).toEqual([['Agent Smith', memberA.id, 'HD-42', null, null]]);
  // The member's own events keep theirs: the admin may recognise a place.
  expect((await readAuditLog({ type: 'login.code_locked' }, scopeA())).events[0].ip).toBe('203.0.113.5');
});

it('pages with the same cursor as the helpdesk’s log; a cursor from another office’s events shows only its own below it', async () => {
  // An office of its own: audit rows cannot be deleted (S11), and the others' tests read A's.
  const adminC = await createUser({ role: 'OFFICE_ADMIN', twoFactor: true });
  const memberC = await createUser({ officeId: adminC.officeId });
  const ofC: number[] = [];
  for (let i = 0; i < 55; i++) {
    ofC.push(await record({ type: 'login.code_locked', subjectUserId: memberC.id, officeId: adminC.officeId }));
    if (i % 10 === 0) await record({ type: 'login.code_locked', subjectUserId: memberB.id, officeId: officeB });
  }
  const bNewest = await record({ type: 'login.code_locked', subjectUserId: memberB.id, officeId: officeB });
  const scope = { officeId: adminC.officeId! };
  const newestFirst = [...ofC].reverse();
  const first = await readAuditLog({}, scope);
  expect([ids(first), first.nextCursor]).toEqual([newestFirst.slice(0, 50), newestFirst[49]]);
  const second = await readAuditLog({ cursor: String(first.nextCursor) }, scope);
  expect([ids(second), second.nextCursor]).toEqual([newestFirst.slice(50), null]);
  // A cursor is only "older than": one taken from another office's events shows nothing of that office.
  expect(ids(await readAuditLog({ cursor: String(bNewest) }, scope))).toEqual(newestFirst.slice(0, 50));
  expect(ids(await readAuditLog({ cursor: String(ofB[1]) }, scopeA()))).toEqual([]);
});

describe('the page and the export', () => {
  const notFound = (outcome: unknown) => (outcome as { error?: { digest?: string } }).error?.digest;

  it('answer 404 to a plain user and a helpdesk agent', async () => {
    for (const user of [memberA, agent]) {
      const browser = user === agent ? await signedInBrowser(agent) : await signedInBrowser(memberA);
      const page = await as(browser, () => OfficeAuditPage({ searchParams: Promise.resolve({}) })).catch((error) => ({ error }));
      const csv = await as(browser, () => exportOfficeAudit(new Request('http://localhost/office/audit/export'))).catch((error) => ({ error }));
      expect([notFound(page), notFound(csv)]).toEqual(['NEXT_HTTP_ERROR_FALLBACK;404', 'NEXT_HTTP_ERROR_FALLBACK;404']);
    }
    expect(await as(new FakeBrowser(), () => exportOfficeAudit(new Request('http://localhost/office/audit/export')))).toEqual({ redirect: '/login' });
  });

  it('export the admin’s own office only, whatever office or user the query string names', async () => {
    const browser = await signedInBrowser(adminA);
    const response = (await as(browser, () => exportOfficeAudit(new Request(`http://localhost/office/audit/export?office=${officeB}`)))).result as Response;
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'text/csv; charset=utf-8']);
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines.slice(1).map((line) => Number(JSON.parse(line.split(',')[0])))).toEqual(visibleToA);
    const other = (await as(browser, () => exportOfficeAudit(new Request(`http://localhost/office/audit/export?user=${memberB.email}`)))).result as Response;
    expect([other.status, await other.text()]).toEqual([400, 'No user of your office has the e-mail address member-b@office.example.']);
    const adminBView = (await as(await signedInBrowser(adminB), () => exportOfficeAudit(new Request(`http://localhost/office/audit/export?office=${officeA}`))))
      .result as Response;
    const bIds = (await adminBView.text())
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((line) => Number(JSON.parse(line.split(',')[0])));
    expect(bIds.some((id) => visibleToA.includes(id))).toBe(false);
  });
});
