/**
 * The office's member list (S22): its filters and counts agree with each row's own 2FA state and
 * deadline (userTwoFactorDeadline), search finds the text as typed, pages and sorts are stable,
 * and the CSV export honours the filter and defuses spreadsheet formulas. Only the admin's own
 * office is ever listed.
 */
import { as, FakeBrowser, nextHeaders } from '../helpers/fake-browser';
jest.mock('next/headers', () => nextHeaders);

import { db } from '@/lib/db';
import { GET as exportMembers } from '@/app/(app)/office/members/export/route';
import { listOfficeMembers, MEMBER_FILTERS, MEMBERS_PAGE_SIZE, parseMemberQuery } from '@/lib/offices/list-office-members';
import { DAY_MS, userTwoFactorDeadline } from '@/lib/offices/two-factor-deadline';
import { LOCALE_COOKIE } from '@/lib/i18n/locale';
import { createUser } from '../helpers/factories';
import { signedInBrowser } from '../helpers/sign-in';

const NOW = new Date('2026-12-01T12:00:00Z');

async function officeWith(
  data: Partial<{ twoFactorRequired: boolean; twoFactorGraceDays: number; twoFactorRequiredAt: Date | null; twoFactorDeadline: Date | null }>,
) {
  return db.office.create({ data: { name: `Office ${Math.random()}`, ...data } });
}

type Member = { on?: boolean; joined: Date; dueBy?: Date | null; name?: string; lastSignInAt?: Date | null };

async function addMembers(officeId: string, members: Member[]) {
  const ids: string[] = [];
  for (const [i, m] of members.entries()) {
    const user = await createUser({ officeId, twoFactor: !!m.on });
    await db.user.update({
      where: { id: user.id },
      data: {
        officeJoinedAt: m.joined,
        twoFactorDueBy: m.dueBy ?? null,
        name: m.name ?? `Member ${String(i).padStart(3, '0')}`,
        lastSignInAt: m.lastSignInAt ?? null,
      },
    });
    ids.push(user.id);
  }
  return ids;
}

const days = (n: number) => new Date(NOW.getTime() + n * DAY_MS);

/** Every member of the office through each filter, all pages. */
async function idsOf(officeId: string, filter: string, now = NOW) {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const view = await listOfficeMembers(officeId, { filter, page: String(page) }, now);
    ids.push(...view.members.map((m) => m.id));
    if (page >= view.pageCount) return { ids: ids.sort(), counts: view.counts };
  }
}

describe('filters and counts agree with each row', () => {
  // Each case of userTwoFactorDeadline: before/after the requirement, own grace from joining, a
  // helpdesk reset's own deadline, exactly at the deadline, and 2FA on.
  const MEMBERS: Member[] = [
    { on: true, joined: days(-100) },
    { on: true, joined: days(-1), dueBy: days(-5) },
    { joined: days(-100) }, // before the requirement: the office deadline
    { joined: days(-25) }, // joined after it started, own grace: 25 - 10 = 15 days left, or past
    { joined: days(-12) },
    { joined: days(-3) },
    { joined: days(-100), dueBy: days(-1) }, // reset by the helpdesk: own deadline passed
    { joined: days(-3), dueBy: days(2) },
    { joined: days(-100), dueBy: NOW }, // exactly now: passed
    { joined: days(-8) }, // joined + grace == office deadline region
  ];

  const OFFICES = {
    'required, office deadline passed, grace 10': {
      twoFactorRequired: true,
      twoFactorGraceDays: 10,
      twoFactorRequiredAt: days(-30),
      twoFactorDeadline: days(-20),
    },
    'required, office deadline ahead': { twoFactorRequired: true, twoFactorGraceDays: 30, twoFactorRequiredAt: days(-20), twoFactorDeadline: days(10) },
    'required, deadline exactly now, grace 0': { twoFactorRequired: true, twoFactorGraceDays: 0, twoFactorRequiredAt: days(-2), twoFactorDeadline: NOW },
    'required without a start date': { twoFactorRequired: true, twoFactorGraceDays: 5, twoFactorRequiredAt: null, twoFactorDeadline: days(-1) },
    'not required (deadline kept from before)': {
      twoFactorRequired: false,
      twoFactorGraceDays: 5,
      twoFactorRequiredAt: days(-30),
      twoFactorDeadline: days(-20),
    },
  };

  it.each(Object.entries(OFFICES))('%s', async (_label, settings) => {
    const office = await officeWith(settings);
    await addMembers(office.id, MEMBERS);
    const all = await idsOf(office.id, 'all');
    const rows = (await listOfficeMembers(office.id, {}, NOW)).members;
    // Each row's state, from the one definition of a user's deadline.
    const facts = await db.user.findMany({ where: { officeId: office.id }, select: { id: true, officeJoinedAt: true, twoFactorDueBy: true } });
    for (const fact of facts) {
      const row = rows.find((r) => r.id === fact.id)!;
      const deadline = row.twoFactorSince ? null : userTwoFactorDeadline(settings, fact);
      expect([row.id, row.deadline, row.pastDeadline]).toEqual([row.id, deadline, !!deadline && deadline <= NOW]);
    }
    const expected = {
      all: rows.map((r) => r.id).sort(),
      on: rows
        .filter((r) => r.twoFactorSince)
        .map((r) => r.id)
        .sort(),
      off: rows
        .filter((r) => !r.twoFactorSince)
        .map((r) => r.id)
        .sort(),
      overdue: rows
        .filter((r) => r.pastDeadline)
        .map((r) => r.id)
        .sort(),
    };
    for (const filter of MEMBER_FILTERS) {
      const listed = await idsOf(office.id, filter);
      expect([filter, listed.ids]).toEqual([filter, expected[filter]]);
      expect([filter, listed.counts[filter]]).toEqual([filter, expected[filter].length]);
    }
    expect(all.ids).toHaveLength(MEMBERS.length);
  });

  it('moves a member into the overdue filter the moment their deadline passes (fake clock)', async () => {
    const office = await officeWith({ twoFactorRequired: true, twoFactorGraceDays: 7, twoFactorRequiredAt: days(-30), twoFactorDeadline: days(-23) });
    const [joiner] = await addMembers(office.id, [{ joined: days(-3) }]); // deadline: joined + 7 = NOW + 4 days
    const deadline = days(4);
    expect((await idsOf(office.id, 'overdue', new Date(deadline.getTime() - 1))).ids).toEqual([]);
    expect((await idsOf(office.id, 'overdue', deadline)).ids).toEqual([joiner]);
  });
});

describe('search, pages and sort', () => {
  let officeId: string;
  beforeAll(async () => {
    officeId = (await officeWith({})).id;
    const members: Member[] = Array.from({ length: 120 }, (_, i) => ({
      joined: days(-10),
      on: i % 3 === 0,
      lastSignInAt: i % 10 === 0 ? null : days(-i),
    }));
    members.push({ joined: days(-1), name: 'Rebate 100% Partner' }, { joined: days(-1), name: 'Rebate 1000 Partner' });
    members.push({ joined: days(-1), name: 'Snake_Case Partner' }, { joined: days(-1), name: 'SnakexCase Partner' });
    await addMembers(officeId, members);
    // Someone of another office whose name matches every search below: never listed.
    const other = await createUser();
    await db.user.update({ where: { id: other.id }, data: { name: 'Member 100% Snake_Case Partner' } });
  });

  it('finds the text as typed: % and _ are not wildcards; case does not matter', async () => {
    const names = async (q: string) => (await listOfficeMembers(officeId, { q }, NOW)).members.map((m) => m.name).sort();
    expect(await names('%')).toEqual(['Rebate 100% Partner']);
    expect(await names('_')).toEqual(['Snake_Case Partner']);
    expect(await names('snake')).toEqual(['Snake_Case Partner', 'SnakexCase Partner']);
    const byEmail = (await listOfficeMembers(officeId, {}, NOW)).members[0];
    expect((await listOfficeMembers(officeId, { q: byEmail.email.toUpperCase() }, NOW)).members.map((m) => m.id)).toEqual([byEmail.id]);
    // The counts follow the search too.
    expect((await listOfficeMembers(officeId, { q: 'partner' }, NOW)).counts).toEqual({ all: 4, on: 0, off: 4, overdue: 0 });
  });

  it('pages beyond 50 users; a page past the end shows the last one', async () => {
    const first = await listOfficeMembers(officeId, {}, NOW);
    expect([first.counts.all, first.pageCount, first.members.length]).toEqual([124, 3, MEMBERS_PAGE_SIZE]);
    const pages = await Promise.all([1, 2, 3].map((page) => listOfficeMembers(officeId, { page: String(page) }, NOW)));
    const ids = pages.flatMap((p) => p.members.map((m) => m.id));
    expect([ids.length, new Set(ids).size]).toEqual([124, 124]);
    const beyond = await listOfficeMembers(officeId, { page: '99' }, NOW);
    expect([beyond.query.page, beyond.members.map((m) => m.id)]).toEqual([3, pages[2].members.map((m) => m.id)]);
    const off = await listOfficeMembers(officeId, { filter: 'off', page: '2' }, NOW);
    expect([off.counts.off, off.pageCount, off.members.length]).toEqual([84, 2, 34]);
  });

  it('sorts by name by default and by last sign-in, never-signed-in last (newest first) or first (oldest first)', async () => {
    const all = async (sort: string) =>
      (await Promise.all([1, 2, 3].map((page) => listOfficeMembers(officeId, { sort, page: String(page) }, NOW)))).flatMap((p) => p.members);
    const byName = await all('name');
    expect(byName.map((m) => m.name)).toEqual([...byName.map((m) => m.name)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const recent = await all('recent');
    const times = recent.map((m) => m.lastSignInAt?.getTime() ?? null);
    const signedIn = times.filter((t): t is number => t !== null);
    expect(signedIn).toEqual([...signedIn].sort((a, b) => b - a));
    expect(times.slice(signedIn.length)).toEqual(times.filter((t) => t === null));
    const oldest = (await all('oldest')).map((m) => m.lastSignInAt?.getTime() ?? null);
    const nulls = oldest.filter((t) => t === null).length;
    expect(oldest.slice(0, nulls).every((t) => t === null)).toBe(true);
    expect(oldest.slice(nulls)).toEqual([...signedIn].sort((a, b) => a - b));
  });

  it.each([
    ['unknown values', { filter: 'everyone', sort: 'DROP TABLE', page: '-1', q: '\u0000' }, { filter: 'all', sort: 'name', page: 1, q: '' }],
    ['a field twice, an exponent', { filter: ['off', 'on'], page: '1e3' }, { filter: 'off', sort: 'name', page: 1, q: '' }],
    ['hex, 5000 letters', { page: '0x10', q: `  ${'a'.repeat(5000)} ` }, { filter: 'all', sort: 'name', page: 1, q: 'a'.repeat(254) }],
    ['good values', { filter: 'overdue', sort: 'oldest', page: '2', q: 'Anna' }, { filter: 'overdue', sort: 'oldest', page: 2, q: 'Anna' }],
  ])('reads the query string (%s); bad values fall back to defaults', (_label, params, expected) => {
    expect(parseMemberQuery(params)).toEqual(expected);
  });
});

describe('CSV export', () => {
  it('lists the filtered members with ISO 8601 UTC times, the header in the admin’s language, formulas defused', async () => {
    const office = await officeWith({ twoFactorRequired: true, twoFactorGraceDays: 0, twoFactorRequiredAt: days(-400), twoFactorDeadline: days(-400) });
    const admin = await createUser({ role: 'OFFICE_ADMIN', officeId: office.id, twoFactor: true });
    await db.user.update({ where: { id: admin.id }, data: { name: 'Zoë Admin', officeJoinedAt: days(-500) } });
    const [evil, plain] = await addMembers(office.id, [
      { joined: days(-500), name: '=HYPERLINK("http://evil.example","click")', lastSignInAt: new Date('2026-11-02T08:30:00Z') },
      { joined: days(-500), name: '+Plain "quoted" Name' },
    ]);
    await db.user.update({ where: { id: evil }, data: { email: '@evil@office.example' } });
    const other = await createUser(); // another office: never in this export
    const browser = await signedInBrowser(admin);
    browser.cookies.set(LOCALE_COOKIE, 'nl');

    const response = (await as(browser, () => exportMembers(new Request(`http://localhost/office/members/export?filter=off&officeId=${other.officeId}`))))
      .result as Response;
    expect([response.status, response.headers.get('content-type'), response.headers.get('cache-control')]).toEqual([
      200,
      'text/csv; charset=utf-8',
      'no-store',
    ]);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="office-users-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (await response.text()).trimEnd().split('\r\n');
    const deadline = days(-400).toISOString();
    expect(lines).toEqual([
      '"naam","e-mailadres","rol","2FA aan sinds (UTC)","methodes","termijn (UTC)","laatst ingelogd (UTC)"',
      `"+Plain ""quoted"" Name","${(await db.user.findUniqueOrThrow({ where: { id: plain } })).email}","USER","","","${deadline}",""`.replace(
        '"+Plain',
        `"'+Plain`,
      ),
      `"'=HYPERLINK(""http://evil.example"",""click"")","'@evil@office.example","USER","","","${deadline}","2026-11-02T08:30:00.000Z"`,
    ]);

    const on = (await as(browser, () => exportMembers(new Request('http://localhost/office/members/export?filter=on')))).result as Response;
    const onLines = (await on.text()).trimEnd().split('\r\n');
    const since = (await db.totpCredential.findUniqueOrThrow({ where: { userId: admin.id } })).confirmedAt.toISOString();
    expect(onLines.slice(1)).toEqual([`"Zoë Admin","${admin.email}","OFFICE_ADMIN","${since}","totp","",${onLines[1].split(',').at(-1)}`]);
    expect(onLines[1].split(',').at(-1)).toMatch(/^"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z"$/);
  });

  it('refuses anyone but an office admin, and lists only the admin’s own office', async () => {
    const user = await createUser({ twoFactor: true });
    expect(await as(await signedInBrowser(user), () => exportMembers(new Request('http://localhost/office/members/export')))).toEqual({ redirect: '/' });
    expect(await as(new FakeBrowser(), () => exportMembers(new Request('http://localhost/office/members/export')))).toEqual({ redirect: '/login' });
  });
});
