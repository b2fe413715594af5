/** The helpdesk reset and unlock, and the audit log, against a real database (S4, S5, S9–S12). */
import { as, FakeBrowser, form, nextHeaders, noState } from '../helpers/fake-browser';
import { postCode, postLogin } from '../helpers/login-steps';
jest.mock('next/headers', () => nextHeaders);

import { db } from '@/lib/db';
import { resetUserTwoFactor, unlockUserAccount } from '@/app/(app)/helpdesk/users/[id]/actions';
import { GET as exportAudit } from '@/app/(app)/helpdesk/audit/export/route';
import AuditLogPage from '@/app/(app)/helpdesk/audit/page';
import HelpdeskUserPage from '@/app/(app)/helpdesk/users/[id]/page';
import HelpdeskPage from '@/app/(app)/helpdesk/page';
import { AuditTable } from '@/components/helpdesk/audit-table';
import { AuditFilterForm } from '@/components/helpdesk/audit-filter-form';
import { LOCALE_COOKIE, type Locale } from '@/lib/i18n/locale';
import { getCurrentSession } from '@/lib/auth/guards';
import { queryAuditEvents } from '@/lib/audit/query-audit-events';
import { readAuditLog } from '@/lib/audit/read-audit-log';
import { searchUsers } from '@/lib/helpdesk/find-users';
import { AGENT_ACTIONS_PER_HOUR } from '@/lib/helpdesk/agent-rate-limit';
import { resetTwoFactor } from '@/lib/helpdesk/reset-two-factor';
import { unlockUser } from '@/lib/helpdesk/unlock-user';
import type { HelpdeskResult } from '@/lib/helpdesk/helpdesk-change';
import { translateMessage } from '@/lib/i18n/server';
import { createUser, type TestUser } from '../helpers/factories';
import { pendingBrowser, signedInBrowser } from '../helpers/sign-in';
import { wrongCode } from '../helpers/totp-reference';
import { findElement, textOf } from '../helpers/react-tree';
import { Notice } from '@/components/ui/notice';

const GOOD_CHECKS = ['callback_phone_on_file', 'office_admin_confirmed'];

/** A lib result with its field messages as an English reader gets them. */
function inEnglish(result: HelpdeskResult) {
  if (result.kind !== 'invalid') return result;
  const fieldErrors = Object.fromEntries(
    Object.entries(result.fieldErrors).map(([field, messages]) => [field, messages?.map((m) => translateMessage('en', m))]),
  );
  return { kind: result.kind, fieldErrors };
}

function resetForm(user: { id: string }, overrides: Record<string, string | string[]> = {}) {
  const data = new FormData();
  const fields: Record<string, string | string[]> = {
    userId: user.id,
    checks: GOOD_CHECKS,
    ticket: 'HD-1234',
    reason: 'Lost phone, called back on file number',
    confirm: user.id,
    ...overrides,
  };
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
  return data;
}
const reset = (browser: FakeBrowser, data: FormData) => as(browser, () => resetUserTwoFactor(noState, data));

let agent: TestUser;
let agentBrowser: FakeBrowser;

beforeAll(async () => {
  agent = await createUser({ role: 'HELPDESK', twoFactor: true, officeId: null });
  agentBrowser = await signedInBrowser(agent);
});

describe('reset 2FA', () => {
  it('removes the authenticator, ends the sessions, notifies, and audits the agent, checks, ticket and reason in one go', async () => {
    const user = await createUser({ twoFactor: true });
    const userBrowser = await signedInBrowser(user);
    await expect(reset(agentBrowser, resetForm(user))).resolves.toMatchObject({ result: { ok: true } });

    expect(await db.totpCredential.count({ where: { userId: user.id } })).toBe(0);
    expect((await as(userBrowser, getCurrentSession)).result).toBeNull();
    await expect(postLogin(new FakeBrowser(), form({ email: user.email, password: user.password }))).resolves.toEqual({ redirect: '/' });
    expect((await db.outboxMessage.findMany({ where: { userId: user.id, kind: { not: 'new_sign_in' } } })).map((m) => m.kind)).toEqual(['two_factor_reset']);

    const event = await db.auditEvent.findFirstOrThrow({ where: { type: 'helpdesk.two_factor_reset', subjectUserId: user.id } });
    expect(event.actorUserId).toBe(agent.id);
    expect(JSON.parse(event.details)).toMatchObject({ checks: GOOD_CHECKS, ticket: 'HD-1234', reason: 'Lost phone, called back on file number' });
    const { events } = await queryAuditEvents({ userId: user.id });
    expect(events.find((e) => e.type === 'helpdesk.two_factor_reset')?.actor).toMatchObject({ id: agent.id, email: agent.email });
  });

  it('also removes a pending enrolment and clears the second-step lock', async () => {
    const user = await createUser({ twoFactor: true });
    await db.user.update({ where: { id: user.id }, data: { codeFailures: 10, codeLockedUntil: new Date(Date.now() + 600_000) } });
    await reset(agentBrowser, resetForm(user));
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect([row.codeFailures, row.codeLockedUntil]).toEqual([0, null]);
  });

  it('asks for the second click naming the user before doing anything', async () => {
    const user = await createUser({ twoFactor: true });
    const outcome = await reset(agentBrowser, resetForm(user, { confirm: '' }));
    expect(outcome.result?.fieldErrors?.confirm).toBeDefined();
    expect(outcome.result?.values).toMatchObject({ ticket: 'HD-1234' });
    expect(await db.totpCredential.count({ where: { userId: user.id } })).toBe(1);
  });

  it.each([
    ['fewer than two checks', { checks: ['callback_phone_on_file'] }, 'checks'],
    ['the same check twice', { checks: ['callback_phone_on_file', 'callback_phone_on_file'] }, 'checks'],
    ['an invented check', { checks: ['callback_phone_on_file', 'trust_me'] }, 'checks'],
    ['no ticket', { ticket: '' }, 'ticket'],
    ['a ticket with markup', { ticket: '<script>' }, 'ticket'],
    ['an over-long reason', { reason: 'x'.repeat(10_000) }, 'reason'],
    ['a too short reason', { reason: 'lost' }, 'reason'],
    ['a confirmation for another user', { confirm: 'someone-else' }, 'confirm'],
  ])('refuses %s with a message, changing nothing', async (_label, overrides, field) => {
    const user = await createUser({ twoFactor: true });
    const before = await db.auditEvent.count();
    const outcome = await reset(agentBrowser, resetForm(user, overrides));
    expect(outcome.result?.fieldErrors?.[field]).toBeDefined();
    expect(await db.totpCredential.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.auditEvent.count()).toBe(before);
  });

  it('refuses forged ids: the agent themself, a user who does not exist; a role field is ignored', async () => {
    expect((await reset(agentBrowser, resetForm(agent))).result?.message).toMatch(/cannot reset or unlock your own account/);
    expect(await db.totpCredential.count({ where: { userId: agent.id } })).toBe(1);
    expect((await reset(agentBrowser, resetForm({ id: 'no-such-id' }))).result?.message).toBe('This user no longer exists.');
    const user = await createUser({ twoFactor: true });
    const data = resetForm(user);
    data.append('role', 'HELPDESK');
    await reset(agentBrowser, data);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe('USER');
  });

  it(`limits an agent to ${AGENT_ACTIONS_PER_HOUR} helpdesk changes an hour`, async () => {
    const busyAgent = await createUser({ role: 'HELPDESK', twoFactor: true, officeId: null });
    const browser = await signedInBrowser(busyAgent);
    const users = await Promise.all(Array.from({ length: AGENT_ACTIONS_PER_HOUR + 1 }, () => createUser({ twoFactor: true })));
    for (const user of users.slice(0, -1)) expect((await reset(browser, resetForm(user))).result?.ok).toBe(true);
    expect((await reset(browser, resetForm(users.at(-1)!))).result?.message).toMatch(/limit of 10 helpdesk changes per hour/);
    expect(await db.totpCredential.count({ where: { userId: users.at(-1)!.id } })).toBe(1);
    // The same refusal to an agent whose browser asks for Dutch: the limit, from its constant, in a Dutch plural.
    const inDutch = browser.clone();
    inDutch.headers.set('accept-language', 'nl-BE,nl;q=0.9,en;q=0.5');
    expect((await reset(inDutch, resetForm(users.at(-1)!))).result?.message).toBe(
      `Je hebt de limiet van ${AGENT_ACTIONS_PER_HOUR} helpdeskwijzigingen per uur bereikt (resets, deblokkeringen en uitloggen). Vraag het aan een andere helpdeskmedewerker, of probeer het later opnieuw.`,
    );
  });
});

describe('the rules live in lib: a caller other than the form cannot skip them', () => {
  const meta = { ip: '203.0.113.5', userAgent: 'another caller' };
  async function unchanged(user: TestUser, auditBefore: number, userBrowser: FakeBrowser) {
    expect(await db.totpCredential.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.auditEvent.count()).toBe(auditBefore);
    expect(await db.outboxMessage.count({ where: { userId: user.id } })).toBe(0);
    expect((await as(userBrowser, getCurrentSession)).result?.user.id).toBe(user.id);
  }

  it('refuses a reset with one identity check, no ticket, no reason and a confirmation naming someone else, changing nothing', async () => {
    const user = await createUser({ twoFactor: true });
    const userBrowser = await signedInBrowser(user);
    const before = await db.auditEvent.count();
    const result = await resetTwoFactor(
      { agentId: agent.id, userId: user.id, checks: ['callback_phone_on_file'], ticket: '', reason: '', confirmedUserId: agent.id },
      meta,
    );
    expect(inEnglish(result)).toEqual({
      kind: 'invalid',
      fieldErrors: {
        checks: ['Tick at least 2 identity checks that passed.'],
        ticket: ['Enter the ticket reference.'],
        reason: ['Describe the reason in a few words (at least 10 characters).'],
      },
    });
    await unchanged(user, before, userBrowser);
  });

  it('refuses an otherwise complete reset whose confirmation does not name the user, changing nothing', async () => {
    const user = await createUser({ twoFactor: true });
    const userBrowser = await signedInBrowser(user);
    const before = await db.auditEvent.count();
    const request = { agentId: agent.id, userId: user.id, checks: GOOD_CHECKS, ticket: 'HD-77', reason: 'Lost phone, called back on file number' };
    for (const confirmedUserId of ['', 'someone-else']) {
      expect(inEnglish(await resetTwoFactor({ ...request, confirmedUserId }, meta))).toEqual({
        kind: 'invalid',
        fieldErrors: { confirm: ['Confirm the reset with the button that names the user.'] },
      });
    }
    await unchanged(user, before, userBrowser);
    await expect(resetTwoFactor({ ...request, confirmedUserId: user.id }, meta)).resolves.toEqual({ kind: 'done' });
  });

  it('refuses an unlock without a ticket or reason, and a user id that is none of ours, before reading anything', async () => {
    const user = await createUser({ twoFactor: true });
    await db.user.update({ where: { id: user.id }, data: { codeFailures: 10, codeLockedUntil: new Date(Date.now() + 600_000) } });
    await expect(unlockUser({ agentId: agent.id, userId: user.id, ticket: ' ', reason: 'short' }, meta)).resolves.toMatchObject({
      kind: 'invalid',
      fieldErrors: { ticket: expect.any(Array), reason: expect.any(Array) },
    });
    await expect(unlockUser({ agentId: agent.id, userId: "x' OR 1=1", ticket: 'HD-1', reason: 'User called, verified identity' }, meta)).resolves.toEqual({
      kind: 'no-such-user',
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).codeLockedUntil).not.toBeNull();
  });
});

describe('unlock', () => {
  it('lifts a password lock and a code lock, with a reason, audited', async () => {
    const user = await createUser({ twoFactor: true });
    for (let i = 0; i < 10; i++) await postLogin(new FakeBrowser(), form({ email: user.email, password: 'wrong' }));
    await db.user.update({ where: { id: user.id }, data: { codeLockedUntil: new Date(Date.now() + 600_000) } });
    expect((await searchUsers(user.email))[0].lockedUntil).not.toBeNull();

    const outcome = await as(agentBrowser, () =>
      unlockUserAccount(noState, form({ userId: user.id, ticket: 'HD-9', reason: 'User called, verified identity' })),
    );
    expect(outcome.result?.ok).toBe(true);
    expect((await searchUsers(user.email))[0].lockedUntil).toBeNull();
    await expect(postLogin(new FakeBrowser(), form({ email: user.email, password: user.password }))).resolves.toEqual({
      redirect: '/login/verify',
    });
    expect(await db.auditEvent.count({ where: { type: 'helpdesk.user_unlocked', subjectUserId: user.id, actorUserId: agent.id } })).toBe(1);
  });

  it('says so when there is nothing to unlock', async () => {
    const user = await createUser();
    const outcome = await as(agentBrowser, () =>
      unlockUserAccount(noState, form({ userId: user.id, ticket: 'HD-9', reason: 'User called, verified identity' })),
    );
    expect(outcome.result?.message).toMatch(/Nothing to do/);
  });
});

describe('who may use the helpdesk', () => {
  it('refuses anonymous, pending, USER, OFFICE_ADMIN and HELPDESK-without-2FA callers on every action and the export', async () => {
    const target = await createUser({ twoFactor: true });
    const plain = await createUser();
    const admin = await createUser({ role: 'OFFICE_ADMIN' });
    const agentWithout2fa = await createUser({ role: 'HELPDESK', officeId: null });
    const pendingAgent = await createUser({ role: 'HELPDESK', twoFactor: true, officeId: null });
    const callers: Array<[string, FakeBrowser, string]> = [
      ['anonymous', new FakeBrowser(), '/login'],
      ['pending agent', await pendingBrowser(pendingAgent), '/login/verify'],
      ['USER', await signedInBrowser(plain), '/'],
      ['OFFICE_ADMIN', await signedInBrowser(admin), '/'],
      ['HELPDESK without 2FA', await signedInBrowser(agentWithout2fa), '/settings/2fa?required=helpdesk'],
    ];
    for (const [who, browser, expected] of callers) {
      expect([who, await reset(browser, resetForm(target))]).toEqual([who, { redirect: expected }]);
      expect([who, await as(browser, () => unlockUserAccount(noState, form({ userId: target.id, ticket: 'x', reason: 'xxxxxxxxxxxx' })))]).toEqual([
        who,
        { redirect: expected },
      ]);
      expect([who, await as(browser, () => exportAudit(new Request('http://localhost/helpdesk/audit/export')))]).toEqual([who, { redirect: expected }]);
    }
    expect(await db.totpCredential.count({ where: { userId: target.id } })).toBe(1);
  });
});

describe('audit log', () => {
  it('pages newest first with a cursor that is stable under new writes', async () => {
    const user = await createUser({ twoFactor: true });
    for (let i = 0; i < 5; i++)
      await db.auditEvent.create({ data: { type: 'login.code_failed', outcome: 'FAILURE', subjectUserId: user.id, details: JSON.stringify({ n: i }) } });
    const first = await queryAuditEvents({ userId: user.id }, { limit: 2 });
    expect(first.events.map((e) => e.details.n)).toEqual([4, 3]);
    await db.auditEvent.create({ data: { type: 'login.code_failed', outcome: 'FAILURE', subjectUserId: user.id, details: JSON.stringify({ n: 99 }) } });
    const second = await queryAuditEvents({ userId: user.id }, { limit: 2, cursor: first.nextCursor! });
    expect(second.events.map((e) => e.details.n)).toEqual([2, 1]);
    const third = await queryAuditEvents({ userId: user.id }, { limit: 2, cursor: second.nextCursor! });
    expect(third).toMatchObject({ nextCursor: null });
    expect(third.events.map((e) => e.details.n)).toEqual([0]);
  });

  it('filters by office, type and date range', async () => {
    const user = await createUser({ twoFactor: true });
    const browser = await pendingBrowser(user);
    await postCode(browser, form({ code: wrongCode(user.secret!) }));
    const byOffice = await queryAuditEvents({ officeId: user.officeId!, type: 'login.code_failed' });
    expect(byOffice.events.map((e) => e.subject?.id)).toEqual([user.id]);
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect((await queryAuditEvents({ officeId: user.officeId!, from: tomorrow })).events).toEqual([]);
  });

  it('reads the page the query string asks for, and refuses a bad filter or page link in words, reading no events', async () => {
    const user = await createUser({ twoFactor: true });
    for (let i = 0; i < 3; i++) await db.auditEvent.create({ data: { type: 'login.code_failed', outcome: 'FAILURE', subjectUserId: user.id } });
    const page = await readAuditLog({ user: user.email.toUpperCase(), type: 'login.code_failed' });
    expect([page.errors, page.events.length, page.filterValues]).toEqual([[], 3, { user: user.email.toUpperCase(), type: 'login.code_failed' }]);
    expect(page.offices.map((office) => office.id)).toContain(user.officeId);

    const forged = await readAuditLog({ user: user.email, cursor: '2147483648' });
    expect([forged.errors.map((m) => translateMessage('en', m)), forged.events]).toEqual([
      ['That page link is not valid: show the newest events and page on from there.'],
      [],
    ]);
    const unknown = await readAuditLog({ user: 'nobody@office.example', type: 'login.made_up' });
    expect(unknown.errors.map((m) => translateMessage('en', m))).toEqual(['Choose an event type from the list.']);
    const nobody = await readAuditLog({ user: 'nobody@office.example' });
    expect([nobody.errors.map((m) => translateMessage('en', m)), nobody.events]).toEqual([['No user has the e-mail address nobody@office.example.'], []]);
    const outcome = await as(agentBrowser, () => exportAudit(new Request('http://localhost/helpdesk/audit/export?from=2026-13-45')));
    const response = outcome.result as Response;
    expect([response.status, await response.text()]).toEqual([400, 'That is not a date.']);
  });

  it('exports the filtered rows as CSV, defusing spreadsheet formulas', async () => {
    const user = await createUser({ email: 'csv-user@office.example' });
    await postLogin(new FakeBrowser({ userAgent: '=HYPERLINK("http://evil.example")' }), form({ email: user.email, password: 'wrong' }));
    const outcome = await as(agentBrowser, () => exportAudit(new Request(`http://localhost/helpdesk/audit/export?user=${user.email}`)));
    const response = outcome.result as Response;
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toContain('"time (UTC)"');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"login.password_failed"');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
  });
});

describe('in the agent’s language', () => {
  /** The agent's own browser, having chosen a language with the switcher. */
  function agentIn(locale: Locale): FakeBrowser {
    const browser = agentBrowser.clone();
    browser.cookies.set(LOCALE_COOKIE, locale);
    return browser;
  }
  const headers = (tree: unknown) => ['th', 'dt'].flatMap((type) => elementsOf(tree, type).map(textOf));
  function elementsOf(tree: unknown, type: string): unknown[] {
    const found: unknown[] = [];
    const visit = (node: unknown) => {
      if (Array.isArray(node)) return node.forEach(visit);
      const element = node as { type?: unknown; props?: { children?: unknown } } | null;
      if (!element || typeof element !== 'object' || !('props' in element)) return;
      if (element.type === type) found.push(element);
      visit(element.props?.children);
    };
    visit(tree);
    return found;
  }

  it('the audit log page and its table: headings, filters, event labels, outcomes and times with their zone, in French and Dutch', async () => {
    const user = await createUser({ twoFactor: true });
    await db.auditEvent.create({
      data: {
        type: 'helpdesk.two_factor_reset',
        outcome: 'SUCCESS',
        subjectUserId: user.id,
        actorUserId: agent.id,
        createdAt: new Date('2026-11-29T07:14:00Z'),
      },
    });
    const auditPage = async (locale: Locale) => {
      const browser = agentIn(locale);
      const page = (await as(browser, () => AuditLogPage({ searchParams: Promise.resolve({ user: user.email }) }))).result;
      const table = findElement(page, { type: AuditTable })!;
      const rendered = (await as(browser, () => AuditTable(table.props as Parameters<typeof AuditTable>[0]))).result;
      const filterForm = findElement(page, { type: AuditFilterForm })!;
      const filters = (await as(browser, () => AuditFilterForm(filterForm.props as Parameters<typeof AuditFilterForm>[0]))).result;
      return { page, table: rendered, filters };
    };

    const fr = await auditPage('fr');
    expect(textOf(findElement(fr.page, { type: 'h1' }))).toBe('Journal d’audit');
    expect(textOf(findElement(fr.filters, { type: 'label' }))).toBe('Adresse e-mail de l’utilisateur');
    expect(textOf(findElement(fr.filters, { type: 'option' }))).toBe('Tous les bureaux');
    expect(elementsOf(fr.filters, 'option').map(textOf)).toContain('2FA réinitialisée par le helpdesk');
    expect(headers(fr.table)).toEqual(['Heure', 'Événement', 'Résultat', 'Par', 'Utilisateur', 'Adresse IP', 'Détails']);
    const frRow = elementsOf(findElement(fr.table, { testId: 'audit-row' }), 'td').map(textOf);
    expect(frRow.slice(0, 3)).toEqual(['29 nov. 2026, 08:14 UTC+1', '2FA réinitialisée par le helpdesk', 'réussi']);

    const nl = await auditPage('nl');
    expect(textOf(findElement(nl.page, { type: 'h1' }))).toBe('Auditlog');
    expect(headers(nl.table)).toEqual(['Tijdstip', 'Gebeurtenis', 'Resultaat', 'Door', 'Gebruiker', 'IP-adres', 'Details']);
    expect(
      elementsOf(findElement(nl.table, { testId: 'audit-row' }), 'td')
        .map(textOf)
        .slice(0, 3),
    ).toEqual(['29 nov 2026, 08:14 CET', '2FA gereset door de helpdesk', 'gelukt']);
  });

  it('a filter the audit log cannot use is refused in the agent’s language, on the page and by the export', async () => {
    const page = (await as(agentIn('nl'), () => AuditLogPage({ searchParams: Promise.resolve({ from: '2026-13-45' }) }))).result;
    expect(textOf(findElement(page, { type: Notice }))).toBe('Dat is geen datum.');
    const response = (await as(agentIn('fr'), () => exportAudit(new Request('http://localhost/helpdesk/audit/export?user=nobody@office.example'))))
      .result as Response;
    expect([response.status, await response.text()]).toEqual([400, 'Aucun utilisateur n’a l’adresse e-mail nobody@office.example.']);
  });

  it.each([
    [
      'nl',
      '"id","tijd (UTC)","type","resultaat","factor","uitgevoerd door","gebruiker","kantoor","ip-adres","browser (user agent)","details","gebeurtenis"',
      'Verkeerd paswoord',
    ],
    [
      'fr',
      '"id","heure (UTC)","type","résultat","facteur","effectué par","utilisateur","bureau","adresse IP","navigateur (user agent)","détails","événement"',
      'Mot de passe erroné',
    ],
    ['en', '"id","time (UTC)","type","outcome","factor","actor","subject","office","ip","user agent","details","event"', 'Wrong password'],
  ] as const)('the CSV export in %s: the header in that language, the values as machines read them', async (locale, header, label) => {
    const user = await createUser();
    await postLogin(new FakeBrowser(), form({ email: user.email, password: 'wrong' }));
    const response = (await as(agentIn(locale), () => exportAudit(new Request(`http://localhost/helpdesk/audit/export?user=${user.email}`))))
      .result as Response;
    const [first, row] = (await response.text()).trim().split('\r\n');
    expect(first).toBe(header);
    // The time stays ISO 8601 in UTC and the type and outcome stay the stored codes; only the last column is for people.
    expect(row).toMatch(/^"\d+","\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z","login\.password_failed","FAILURE","password",/);
    expect(row.endsWith(`,"${label}"`)).toBe(true);
  });

  it('the user page and the search: facts, role, 2FA state and times in the agent’s language and zone', async () => {
    const user = await createUser({ twoFactor: true });
    await db.user.update({ where: { id: user.id }, data: { role: 'OFFICE_ADMIN', lastSignInAt: new Date('2026-11-29T07:14:00Z') } });
    const fr = (await as(agentIn('fr'), () => HelpdeskUserPage({ params: Promise.resolve({ id: user.id }) }))).result;
    expect(elementsOf(fr, 'dt').map(textOf)).toEqual([
      'Adresse e-mail',
      'Bureau',
      'Rôle',
      'Authentification à deux facteurs (2FA)',
      'Méthodes',
      'Dernière connexion',
      'Bloqué',
    ]);
    expect(elementsOf(fr, 'dd').map(textOf)).toEqual([
      user.email,
      expect.any(String),
      'Administrateur du bureau',
      '',
      'Application d’authentification, Aucune clé de sécurité',
      '29 nov. 2026, 08:14 UTC+1',
      'Non',
    ]);
    expect(elementsOf(fr, 'h2').map(textOf)).toEqual(['Réinitialiser la 2FA', 'Événements de sécurité récents']);

    const nl = (await as(agentIn('nl'), () => HelpdeskPage({ searchParams: Promise.resolve({ q: user.email }) }))).result;
    expect(elementsOf(nl, 'th').map(textOf)).toEqual(['Gebruiker', 'Kantoor', 'Rol', '2FA', 'Laatst ingelogd', 'Geblokkeerd']);
    expect(elementsOf(nl, 'td').map(textOf).slice(2)).toEqual(['Kantoorbeheerder', '', '29 nov 2026, 08:14 CET', 'Nee']);
  });

  it('the reset form’s rules answer in the agent’s language, with their limits in the right plural', async () => {
    const user = await createUser({ twoFactor: true });
    const outcome = await reset(agentIn('fr'), resetForm(user, { checks: ['callback_phone_on_file'], ticket: '', reason: 'lost' }));
    expect(outcome.result?.fieldErrors).toEqual({
      checks: ['Cochez au moins 2 vérifications d’identité réussies.'],
      ticket: ['Saisissez la référence du ticket.'],
      reason: ['Décrivez le motif en quelques mots (au moins 10 caractères).'],
    });
    const done = await reset(agentIn('nl'), resetForm(user));
    expect(done.result).toEqual({
      ok: true,
      message: 'De tweestapsverificatie is gereset. De gebruiker kan nu inloggen met alleen e-mailadres en paswoord, en werd per e-mail op de hoogte gebracht.',
    });
  });
});
